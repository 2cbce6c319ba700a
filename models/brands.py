"""What differs between the two portals, as data (BR-1, BR-2, HP-1).

Views and flows never test `brand == ...`: they read the profile of the brand.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.enums import Brand


@dataclass(frozen=True)
class Text:
    """A text in French and Dutch."""

    fr: str
    nl: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.fr


@dataclass(frozen=True)
class BrandProfile:
    brand: Brand
    portal_name: str
    company: str
    real_url: str
    languages: tuple[str, ...]
    support_email: str
    support_phone: str
    support_phone_intl: str
    intermediary: Text
    intermediary_tool: str
    colour: str
    colour_dark: str
    accent: str
    cookie_name: str
    # PD-2: days after which the intermediary's tool shows a contact change; None: never.
    intermediary_update_days: int | None

    @property
    def default_language(self) -> str:
        return self.languages[0]


CONTACT_HOURS = Text(
    fr="du lundi au jeudi de 8 h 30 à 17 h, le vendredi de 8 h 30 à 16 h",
    nl="maandag tot donderdag van 8.30 tot 17 uur, vrijdag van 8.30 tot 16 uur",
)

PROFILES: dict[Brand, BrandProfile] = {
    Brand.VIVIUM: BrandProfile(
        brand=Brand.VIVIUM,
        portal_name="MyVivium",
        company="Vivium",
        real_url="https://my.vivium.be/",
        languages=("fr", "nl"),
        support_email="myvivium@vivium.be",
        support_phone="02 406 87 08",
        support_phone_intl="+3224068708",
        intermediary=Text(fr="courtier", nl="makelaar"),
        intermediary_tool="V-Connect",
        colour="#00594f",
        colour_dark="#003d36",
        accent="#e5a823",
        cookie_name="myvivium_session",
        intermediary_update_days=None,
    ),
    Brand.PV: BrandProfile(
        brand=Brand.PV,
        portal_name="MyP&V",
        company="P&V",
        real_url="https://my.pv.be/",
        languages=("nl", "fr"),
        support_email="mypv@pv.be",
        support_phone="02 250 87 09",
        support_phone_intl="+3222508709",
        intermediary=Text(fr="agent", nl="agent"),
        intermediary_tool="Connect 360",
        colour="#c8102e",
        colour_dark="#8f0b20",
        accent="#1d3c78",
        cookie_name="mypv_session",
        intermediary_update_days=1,
    ),
}


def profile(brand: Brand | str) -> BrandProfile:
    return PROFILES[Brand(brand)]
