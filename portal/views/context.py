"""What every template knows: the brand space, the language and formatting helpers,
and what depends on the simulated clock's today (a renewal date, the contact centre
open or closed), worked out when shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from babel.dates import format_date
from flask import Flask, g, url_for
from flask.globals import _cv_app, _cv_request

from models.brands import CONTACT_HOURS, PROFILES, Text
from models.calendar import age_on, contact_centre_closing, contact_centre_next_opening
from models.catalogue import Catalogue
from models.sim import clock_now
from portal.db import get_session
from portal.rules.dates import RenewingContract, renewal_date
from portal.views.amounts import EURO_AFTER, euro_amount
from portal.views.form_html import field_input
from portal.views.frame import FrameExtension, ImportingTemplate


def catalogue() -> Catalogue:
    return _cv_app.get().app.extensions["catalogue"]


def pick(text: Text | None, **params: str) -> str:
    """A catalogue text in the page language, with {portal} and friends filled in.

    The request's `g` is read from Flask's context variable: templates call this a dozen
    times per page, and each `g` lookup through its proxy costs three Python calls."""
    if text is None:
        return ""
    state = _cv_app.get().g.__dict__
    value = text.get(state.get("lang", "fr"))
    profile = state.get("profile")
    if profile is not None:
        params.setdefault("portal", profile.portal_name)
    return value.format(**params) if params else value


def product_title(code: str) -> str:
    """A product's name in the page language, or its code when the catalogue does not
    know it (a template global, so the macros that call it need no page context)."""
    product = catalogue().products.get(code)
    return pick(product.name) if product is not None else code


def money(cents: int | None) -> str:
    """An amount of the customer portals, as Babel writes it in the page language:
    "1 234,56 €" (fr), "€ 1.234,56" (nl)."""
    if cents is None:
        return ""
    return euro_amount(cents, _locale())


def euros(cents: int | None) -> str:
    """An amount of the intermediaries' tools (Connect 360, V-Connect, Insurgate) in
    Belgian format: "504,92 €", "9.114,36 €" (nl)."""
    if cents is None:
        return ""
    return euro_amount(cents, _locale(), EURO_AFTER)


@lru_cache(maxsize=4096)
def _formatted_date(value: date, pattern: str, locale: str) -> str:
    """Babel's writing of a date: the same for the same date, pattern and locale, and
    about fifty Python calls each time, so kept (issue 12)."""
    return format_date(value, pattern, locale=locale)


def long_date(value: date | None) -> str:
    return _formatted_date(value, "long", _locale()) if value else ""


def short_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def day_date(value: date | datetime | None, with_year: bool = True) -> str:
    """A weekday and a date, Belgian style: "lundi 7 décembre 2026", "maandag 7 december
    2026" (without the year: "lundi 7 décembre")."""
    if not value:
        return ""
    return _formatted_date(value, "EEEE d MMMM y" if with_year else "EEEE d MMMM", _locale())


def clock_time(value: time | datetime | None) -> str:
    """An hour as Belgians write it: "8 h 30", "17 h" in French; "8.30 uur", "17 uur" in Dutch."""
    if value is None:
        return ""
    if g.get("lang") == "nl":
        return f"{value.hour}.{value.minute:02d} uur" if value.minute else f"{value.hour} uur"
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def sim_now() -> datetime:
    """The simulated clock's time, read once per request: one page, one moment."""
    state = _cv_app.get().g.__dict__
    found = state.get("sim_now")
    if found is None:
        found = state["sim_now"] = clock_now(get_session())
    return found


def sim_today() -> date:
    """Today on the simulated clock."""
    return sim_now().date()


def renewal(contract: RenewingContract) -> date | None:
    """CT-3: the contract's next renewal date on the simulated today (None: it does not renew)."""
    return renewal_date(contract, sim_today())


def age(birth: date) -> int:
    """Full years on the simulated today."""
    return age_on(birth, sim_today())


@dataclass(frozen=True)
class ContactCentreNow:
    """BR-2 on the simulated clock at `now`: open until `closes`, or closed until `opens`."""

    now: datetime
    closes: datetime | None
    opens: datetime

    @property
    def open(self) -> bool:
        return self.closes is not None


def contact_centre_now() -> ContactCentreNow:
    now = sim_now()
    return ContactCentreNow(now, contact_centre_closing(now), contact_centre_next_opening(now))


def _locale() -> str:
    return "nl_BE" if _cv_app.get().g.__dict__.get("lang") == "nl" else "fr_BE"


#: Most URLs one cache of the brand-space pages keeps before it starts again.
URL_CACHE_SIZE = 4096


def url_cache():
    """`space_url` for one application's templates: `url_for` with its answers kept.

    A URL depends only on the endpoint, its values, the brand space and language the
    URL defaults fill in, and the request's script root (a world's `/w/<id>` prefix) and
    host; all of them are the key, so the cache holds no state of its own: two workers
    build the same URLs. The frame of a customer page builds the same fifteen or so
    URLs on every request (issue 12).

    The request is read from Flask's context variable rather than passed by Jinja: a
    `pass_context` helper called in a loop or a block that sets a variable makes Jinja
    copy the whole template context first."""
    cache: dict[tuple, str] = {}

    def space_url(endpoint: str, **values: str) -> str:
        request_context = _cv_request.get(None)
        if request_context is None:
            return url_for(endpoint, **values)
        request, state = request_context.request, _cv_app.get().g.__dict__
        key = (
            request.script_root,
            request.host,
            request.blueprint if endpoint.startswith(".") else None,
            state.get("brand"),
            state.get("lang"),
            endpoint,
            *sorted(values.items()),
        )
        found = cache.get(key)
        if found is None:
            if len(cache) >= URL_CACHE_SIZE:
                cache.clear()
            found = cache[key] = url_for(endpoint, **values)
        return found

    return space_url


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension(FrameExtension)
    app.jinja_env.template_class = ImportingTemplate
    app.jinja_env.globals.update(
        space_url=url_cache(),
        pick=pick,
        product_title=product_title,
        money=money,
        euros=euros,
        long_date=long_date,
        short_date=short_date,
        contact_hours=CONTACT_HOURS,
        contact_centre_now=contact_centre_now,
        profiles=PROFILES,
        field_input=field_input,
    )
    app.jinja_env.filters.update(
        money=money,
        long_date=long_date,
        short_date=short_date,
        day_date=day_date,
        clock_time=clock_time,
        renewal=renewal,
        age=age,
    )

    @app.context_processor
    def _brand_space():
        return {
            "settings": app.extensions["auth_settings"],
            "profile": g.get("profile"),
            "lang": g.get("lang", "fr"),
            "catalogue": catalogue(),
        }
