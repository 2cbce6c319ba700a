"""What every template knows: the brand space, the language and formatting helpers."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency
from flask import Flask, current_app, g

from models.brands import CONTACT_HOURS, PROFILES, Text
from portal.catalogue import Catalogue


def catalogue() -> Catalogue:
    return current_app.extensions["catalogue"]


def pick(text: Text | None, **params: str) -> str:
    """A catalogue text in the page language, with {portal} and friends filled in."""
    if text is None:
        return ""
    value = text.get(g.get("lang", "fr"))
    profile = g.get("profile")
    if profile is not None:
        params.setdefault("portal", profile.portal_name)
    return value.format(**params) if params else value


def money(cents: int | None) -> str:
    if cents is None:
        return ""
    return format_currency(cents / 100, "EUR", locale=_locale())


def long_date(value: date | None) -> str:
    return format_date(value, format="long", locale=_locale()) if value else ""


def short_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _locale() -> str:
    return "nl_BE" if g.get("lang") == "nl" else "fr_BE"


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        pick=pick,
        money=money,
        long_date=long_date,
        short_date=short_date,
        contact_hours=CONTACT_HOURS,
        profiles=PROFILES,
    )
    app.jinja_env.filters.update(money=money, long_date=long_date, short_date=short_date)

    @app.context_processor
    def _brand_space():
        return {
            "settings": app.extensions["auth_settings"],
            "profile": g.get("profile"),
            "lang": g.get("lang", "fr"),
            "catalogue": catalogue(),
        }
