"""Reading the control API's Insurgate bodies: each bad field a 422 naming it (IG-*)."""

from __future__ import annotations

from auth.errors import InvalidEmail
from auth.validation import has_control_characters, parse_email
from models.enums import Language
from portal.backoffice.errors import Invalid
from portal.backoffice.insurgate.accounts import Company, Personal
from portal.backoffice.insurgate.quotes import QuoteForm
from portal.rules import insurgate as rules

ACTIVITIES = tuple(rules.ACTIVITY_RATE_PER_MILLE)
COVERS = ("workers_comp", "liability", "property")


def text(body: dict, name: str, length: int, required: bool = True) -> str:
    raw = body.get(name, "")
    if not isinstance(raw, str) or len(raw) > length or has_control_characters(raw):
        raise Invalid(
            "invalid_field", f"{name}: a text of at most {length} characters.", field=name
        )
    if required and not raw.strip():
        raise Invalid("missing_field", f"{name} is required.", field=name)
    return raw.strip()


def number(body: dict, name: str, maximum: int) -> int:
    raw = body.get(name)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= maximum:
        raise Invalid("invalid_field", f"{name}: a whole number from 0 to {maximum}.", field=name)
    return raw


def flag(body: dict, name: str) -> bool:
    raw = body.get(name, False)
    if not isinstance(raw, bool):
        raise Invalid("invalid_field", f"{name}: true or false.", field=name)
    return raw


def ident(body: dict, name: str) -> int:
    return number(body, name, 2**31 - 1)


def personal(body: dict) -> Personal:
    try:
        email = parse_email(text(body, "email", 254))
    except InvalidEmail:
        raise Invalid("invalid_field", "email: not an email address.", field="email") from None
    language = body.get("language", "fr")
    if language not in ("fr", "nl"):
        raise Invalid("invalid_field", "language: fr or nl.", field="language")
    first, last = text(body, "first_name", 80), text(body, "last_name", 80)
    return Personal(first, last, email, Language(language))


def password(body: dict) -> str:
    value = text(body, "password", 128)
    if rules.password_problem(value, value):
        raise Invalid("password_too_short", "password: at least 6 characters.", field="password")
    return value


def company(body: dict) -> Company:
    found = Company(
        **{
            name: text(body, name, length)
            for name, length in (
                ("trade_name", 120), ("enterprise_number", 12), ("street", 120),
                ("number", 20), ("postcode", 4), ("city", 80), ("website", 200), ("phone", 40),
            )
        }
    )  # fmt: skip
    problem = rules.enterprise_number_problem(found.enterprise_number)
    if problem:
        raise Invalid(
            f"enterprise_{problem}",
            "enterprise_number: BE then ten digits, as BE0123456789.",
            field="enterprise_number",
        )
    if rules.postcode_problem(found.postcode):
        raise Invalid("invalid_field", "postcode: four digits.", field="postcode")
    if rules.phone_problem(found.phone):
        raise Invalid("invalid_field", "phone: a Belgian number.", field="phone")
    return found


def quote(body: dict) -> QuoteForm:
    activity = body.get("activity")
    if activity not in ACTIVITIES:
        raise Invalid("invalid_field", f"activity: one of {list(ACTIVITIES)}.", field="activity")
    covers = body.get("covers", [])
    if not isinstance(covers, list) or any(c not in COVERS for c in covers):
        raise Invalid("invalid_field", f"covers: a list out of {list(COVERS)}.", field="covers")
    postcode = text(body, "postcode", 4)
    if rules.postcode_problem(postcode):
        raise Invalid("invalid_field", "postcode: four digits.", field="postcode")
    return QuoteForm(
        text(body, "company_name", 120), activity, postcode, list(dict.fromkeys(covers)),
        number(body, "claims_count", 99), number(body, "workers", 50),
        number(body, "payroll_euros", 10_000_000), flag(body, "extra_legal"),
        flag(body, "round_the_clock"),
    )  # fmt: skip
