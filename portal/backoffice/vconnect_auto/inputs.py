"""Reading a V-Connect Auto input (a JSON object of the control API, or a form of the
tool, both as a mapping) into the plain values the services take. A bad value raises
Invalid with a stable code and the field's name; strings from a form and numbers from
JSON read the same."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from models.enums import Language
from portal.backoffice.errors import Invalid
from portal.backoffice.vconnect_auto.customers import NewCustomer
from portal.backoffice.vconnect_auto.quotes import VehicleInput, checked_term
from portal.rules.vconnect_auto import DEFAULT_BRB_TERM, DEFAULT_PAYMENT_PLAN

DIGITS = re.compile(r"[0-9]{1,9}", re.ASCII)
MOST_GUARANTEES = 20
LEASER_MOST = 80  # va_quote.leaser
IBAN_MOST = 42  # an IBAN of 34 characters typed with a space every four


def bad(field: str) -> Invalid:
    return Invalid("invalid_field", f"The field '{field}' is missing or not valid.", field=field)


def text(data: Mapping, field: str, limit: int, *, required: bool = True) -> str | None:
    value = data.get(field)
    if value in (None, "") and not required:
        return None
    if not isinstance(value, str) or len(value) > limit or not value.isprintable():
        raise bad(field)
    return value.strip()


def code(data: Mapping, field: str) -> str:
    """A plate or chassis number as typed: the rules (VA-1, VA-2) judge its content."""
    value = data.get(field)
    if not isinstance(value, str) or len(value) > 40:
        raise bad(field)
    return value.strip()


def integer(data: Mapping, field: str, low: int, high: int, *, required: bool = True) -> int | None:
    value = data.get(field)
    if value in (None, "") and not required:
        return None
    if isinstance(value, str) and DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise bad(field)
    return value


def flag(data: Mapping, field: str) -> bool:
    value = data.get(field, False)
    if value in (True, "on", "true", "1", "y"):
        return True
    if value in (False, None, "", "false", "0", "n"):
        return False
    raise bad(field)


def iso_day(data: Mapping, field: str, *, required: bool = True) -> date | None:
    value = data.get(field)
    if value in (None, "") and not required:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise bad(field) from None


def term_days(data: Mapping) -> int:
    """VA-5: the return slip's term in days, 30 when it is not given; digits from a form
    read as the number from JSON, and anything else is refused (term_days_invalid)."""
    value = data.get("term_days")
    if value in (None, ""):
        return DEFAULT_BRB_TERM
    if isinstance(value, str) and DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    return checked_term(value)


def payment_plan(data: Mapping) -> str:
    """VA-8: the payment plan asked for, annual when it is not given (the rule judges
    the value: quotes.create)."""
    value = data.get("payment_plan")
    if value in (None, ""):
        return DEFAULT_PAYMENT_PLAN
    if not isinstance(value, str) or len(value) > 12:
        raise bad("payment_plan")
    return value.strip()


def names(value: object, field: str = "guarantees") -> list[str]:
    if not isinstance(value, list) or len(value) > MOST_GUARANTEES:
        raise bad(field)
    if not all(isinstance(v, str) and len(v) <= 40 for v in value):
        raise bad(field)
    return list(value)


def vehicle(data: Mapping) -> VehicleInput:
    """An Informex code, or the vehicle typed in by hand (VA-4)."""
    common = {
        "plate": code(data, "plate"),
        "vin": code(data, "vin"),
        "mass_kg": integer(data, "mass_kg", 1, 99_999, required=False),
        "accessories_euro": integer(data, "accessories_euro", 0, 1_000_000, required=False) or 0,
        "leaser": text(data, "leaser", LEASER_MOST, required=False) or None,  # VA-8
    }
    informex = text(data, "informex_code", 8, required=False)
    if informex:
        return VehicleInput(informex_code=informex, **common)
    return VehicleInput(
        kind=text(data, "kind", 12), make=text(data, "make", 40), model=text(data, "model", 60),
        year=integer(data, "year", 1950, 2100), power_kw=integer(data, "power_kw", 1, 1000),
        value_euro=integer(data, "value_euro", 100, 2_000_000), **common,
    )  # fmt: skip


def new_customer(data: Mapping) -> NewCustomer:
    language = text(data, "language", 2)
    if language not in ("fr", "nl"):
        raise bad("language")
    return NewCustomer(
        national_number=text(data, "national_number", 20),
        first_name=text(data, "first_name", 80), last_name=text(data, "last_name", 80),
        street=text(data, "street", 120), house_number=text(data, "house_number", 12),
        postcode=text(data, "postcode", 4), city=text(data, "city", 80),
        email=text(data, "email", 254), language=Language(language),
    )  # fmt: skip
