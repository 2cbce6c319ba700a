"""What differs between the brands' portals, as data (BR-1, BR-2, HP-1, HP-2, BK-1).

Views, flows, the seed and the intermediaries' tools never test `brand == ...`: they
read the profile of the brand. A new brand is one more profile here (and its member of
`models.enums.Brand`); nothing else counts the brands.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.enums import Brand


class System(StrEnum):
    """The insurer's systems that serve the customers of one brand only; the profile of
    that brand lists it in `systems` and `brand_of` names the owner."""

    VCONNECT_AUTO = "vconnect_auto"  # the broker's car quotes and policies (issue 16)
    S2PACK = "s2pack"  # the telematics box option of a car policy (S2-1)
    INSURGATE = "insurgate"  # the quoting platform of the brokers


@dataclass(frozen=True)
class Text:
    """A text in French and Dutch."""

    fr: str
    nl: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.fr


@dataclass(frozen=True)
class IntermediaryTool:
    """What the intermediary's tool of a brand shows beyond the customer's own view (BK-1)."""

    name: str
    role: str  # who uses it, as the console says it: "agent" or "broker"
    shows_onboarding: bool  # BK-1: whether the tool shows the portal flag and its date
    landing_qr: str | None  # BK-1: the URL a QR code in the tool leads to, if any
    segment: str  # the first path segment of the tool's pages
    cookie_name: str  # the tool's session cookie, apart from the portal's
    life_part: str | None  # the tool's part for life contracts, when it has one


@dataclass(frozen=True)
class Network:
    """The brand's agents or brokers as the seed generates them (BK-3)."""

    producer_prefix: str  # first digit of the producer numbers
    office: Text  # the office's name, `{name}` being the intermediary's last name
    email_domain: str  # the domain of the generated intermediaries' e-mail addresses


@dataclass(frozen=True)
class HomeLayout:
    """What a brand's home adds to its theme cards (CT-5).

    CT-5 describes the MyP&V home: each theme with a "Details" link to a page of its
    contracts, the total saved as a link, and a questions box naming the customer's
    adviser. MyVivium's home has no such pages: its cards stay as they are and its box
    names the broker.
    """

    theme_pages: bool
    adviser: Text | None  # the word of the "any more questions?" box; None: the intermediary


@dataclass(frozen=True)
class BrandProfile:
    brand: Brand
    portal_name: str
    company: str
    real_url: str  # BR-2: the real portal's address, without a language
    url_per_language: bool  # BR-2: whether the real address ends with the reader's language
    languages: tuple[str, ...]
    support_email: str
    support_phone: str
    support_phone_intl: str
    intermediary: Text
    tool: IntermediaryTool
    network: Network
    home: HomeLayout
    colour: str
    colour_dark: str
    accent: str
    cookie_name: str  # BR-1: each brand space has a session cookie of its own
    itsme_client: str  # the client id the portal has at itsme
    contract_prefix: str  # first digit of the contract numbers the generator makes
    # PD-2: days after which the intermediary's tool shows a contact change; None: never.
    intermediary_update_days: int | None
    systems: frozenset[System]  # the systems serving this brand's customers only
    # HP-2: the self-service to come that the help page lists, in the order of the brand's
    # FAQ; each is one of the `coming_soon` keys of templates/customer/help.html.
    coming_soon: tuple[str, ...]

    @property
    def intermediary_tool(self) -> str:
        return self.tool.name

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def real_address(self, lang: str) -> str:
        """BR-2: the real portal's address for a reader of `lang`: MyVivium's ends with
        the language (`/fr`, `/nl`), MyP&V's is the same in both. A language the brand
        does not speak gets the brand's default one."""
        if not self.url_per_language:
            return self.real_url
        return self.real_url + (lang if lang in self.languages else self.default_language)


# The brand of a row that the builders (seed.build) make without one.
DEFAULT_BRAND = Brand.PV

CONTACT_HOURS = Text(
    fr="du lundi au jeudi de 8 h 30 à 17 h, le vendredi de 8 h 30 à 16 h",
    nl="maandag tot donderdag van 8.30 tot 17 uur, vrijdag van 8.30 tot 16 uur",
)

PROFILES: dict[str, BrandProfile] = {
    Brand.VIVIUM: BrandProfile(
        brand=Brand.VIVIUM,
        portal_name="MyVivium",
        company="Vivium",
        real_url="https://my.vivium.be/",
        url_per_language=True,
        languages=("fr", "nl"),
        support_email="myvivium@vivium.be",
        support_phone="02 406 87 08",
        support_phone_intl="+3224068708",
        intermediary=Text(fr="courtier", nl="makelaar"),
        tool=IntermediaryTool(
            "V-Connect",
            "broker",
            shows_onboarding=False,
            landing_qr=None,
            segment="vconnect",
            cookie_name="vconnect_session",
            life_part="Life Connect",
        ),
        network=Network(
            producer_prefix="8",
            office=Text(fr="Bureau de courtage {name}", nl="Makelaarskantoor {name}"),
            email_domain="broker.example.be",
        ),
        home=HomeLayout(theme_pages=False, adviser=None),
        colour="#00594f",
        colour_dark="#003d36",
        accent="#e5a823",
        cookie_name="myvivium_session",
        itsme_client="myvivium",
        contract_prefix="7",
        intermediary_update_days=None,
        systems=frozenset({System.VCONNECT_AUTO, System.S2PACK, System.INSURGATE}),
        coming_soon=("claim", "medical", "payment"),
    ),
    Brand.PV: BrandProfile(
        brand=Brand.PV,
        portal_name="MyP&V",
        company="P&V",
        real_url="https://my.pv.be/",
        url_per_language=False,
        languages=("nl", "fr"),
        support_email="mypv@pv.be",
        support_phone="02 250 87 09",
        support_phone_intl="+3222508709",
        intermediary=Text(fr="agent", nl="agent"),
        tool=IntermediaryTool(
            "Connect 360",
            "agent",
            shows_onboarding=True,
            landing_qr="https://my.pv.be/",
            segment="connect360",
            cookie_name="connect360_session",
            life_part=None,
        ),
        network=Network(
            producer_prefix="4",
            office=Text(fr="Agence P&V {name}", nl="P&V Agentschap {name}"),
            email_domain="agent.pv.example.be",
        ),
        home=HomeLayout(theme_pages=True, adviser=Text(fr="conseiller", nl="adviseur")),
        colour="#c8102e",
        colour_dark="#8f0b20",
        accent="#1d3c78",
        cookie_name="mypv_session",
        itsme_client="mypv",
        contract_prefix="8",
        intermediary_update_days=1,
        systems=frozenset(),
        coming_soon=("claim", "appointment", "payment", "medical", "insurances"),
    ),
}


def profile(brand: Brand | str) -> BrandProfile:
    return PROFILES[brand]


def profile_of_segment(segment: str) -> BrandProfile | None:
    """The brand whose space a URL path segment names (`vivium`), if any."""
    return PROFILES.get(segment)


def profile_of_itsme_client(client_id: str) -> BrandProfile | None:
    """The brand whose portal is this itsme client, if any."""
    return next((p for p in PROFILES.values() if p.itsme_client == client_id), None)


def brand_values() -> list[str]:
    """The brands that have a profile, as URLs and the API write them."""
    return [p.brand.value for p in PROFILES.values()]


def brand_of(system: System) -> Brand:
    """The brand whose customers `system` serves: the first profile listing it."""
    owner = next((p.brand for p in PROFILES.values() if system in p.systems), None)
    if owner is None:
        raise LookupError(f"no brand profile lists the system {system.value}")
    return owner


def second_brands() -> dict[str, str]:
    """Per brand, the one a customer of two brands also holds contracts of in the seed:
    the next brand in the order of the profiles."""
    brands = brand_values()
    return {b: brands[(i + 1) % len(brands)] for i, b in enumerate(brands)}
