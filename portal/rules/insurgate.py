"""Rules of Insurgate, the brokers' small-business quoting platform (IG-1..IG-7).

Pure functions: no I/O, `now` as an argument. Each returns a stable problem code (or
None), which the front ends turn into a message at the field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import phonenumbers

MIN_PASSWORD = 6
ENTERPRISE_FORM = re.compile(r"BE[0-9]{10}")
PRODUCER_FORM = re.compile(r"[0-9]{4,10}")
POSTCODE_FORM = re.compile(r"[1-9][0-9]{3}")
LINK_LIFETIME = {"invitation": timedelta(days=7), "reset": timedelta(hours=2)}
DEFAULT_GROUP = "Default"


def enterprise_number_problem(raw: str) -> str | None:
    """IG-1: the enterprise number follows the structure the manual gives, BE0123456789:
    "BE" then ten digits, nothing else (no spaces or dots). Only the structure is checked,
    so the manual's own example passes. Codes: "required", "form"."""
    if not raw:
        return "required"
    return None if ENTERPRISE_FORM.fullmatch(raw) else "form"


def password_problem(password: str, confirmation: str) -> str | None:
    """IG-1, IG-7: at least 6 characters, and the confirmation repeats it.
    Codes: "too_short", "mismatch"."""
    if len(password) < MIN_PASSWORD:
        return "too_short"
    if password != confirmation:
        return "mismatch"
    return None


def normal_email(email: str) -> str:
    """The form in which emails are compared: trimmed, lower-case."""
    return email.strip().lower()


def email_problem(email: str, taken: Collection[str]) -> str | None:
    """IG-1, IG-4: an email used once on the platform (by any office, invited or
    active) cannot be used again. `taken` holds the normal forms. Code: "taken"."""
    return "taken" if normal_email(email) in taken else None


def group_name_problem(name: str, names_in_office: Iterable[str]) -> str | None:
    """IG-2, IG-5: a group needs a name, distinct (whatever its case) from the other
    groups of the office. Codes: "required", "taken"."""
    wanted = name.strip().casefold()
    if not wanted:
        return "required"
    return "taken" if wanted in {n.strip().casefold() for n in names_in_office} else None


def producer_number_problem(number: str, taken: Collection[str]) -> str | None:
    """IG-2: a Vivium producer number is 4 to 10 digits; one integration per number on
    the platform. Codes: "form", "taken"."""
    if not PRODUCER_FORM.fullmatch(number):
        return "form"
    return "taken" if number in taken else None


def visible_groups(member_of: Collection[int], default_group: int) -> frozenset[int]:
    """IG-5: the groups whose quotes a user sees: his own groups; without any group,
    the sub-account "Default" of his office."""
    return frozenset(member_of) if member_of else frozenset({default_group})


def may_see_quote(quote_group: int, visible: Collection[int]) -> bool:
    """IG-5: a quote is seen by the members of its group only."""
    return quote_group in visible


def may_manage_office(is_admin: bool) -> bool:
    """IG-3: only an administrator invites, creates groups and sets roles."""
    return is_admin


def may_quote(integration_statuses: Iterable[str]) -> bool:
    """IG-2: no quote before the company accepted an integration of the office."""
    return "accepted" in set(integration_statuses)


def user_status(password_set: bool) -> str:
    """IG-4: "active" once the user has set a password, "invited" before."""
    return "active" if password_set else "invited"


def link_expires(purpose: str, now: datetime) -> datetime:
    """IG-1, IG-4: an invitation link lasts 7 days, a password-reset link 2 hours."""
    return now + LINK_LIFETIME[purpose]


def link_usable(expires_at: datetime, used_at: datetime | None, now: datetime) -> bool:
    """IG-1, IG-4: a link works once, and only before it expires."""
    return used_at is None and now < expires_at


@dataclass(frozen=True)
class QuoteInput:
    activity: str
    workers: int
    payroll_euros: int
    claims_count: int
    extra_legal: bool
    round_the_clock: bool


# The premium is fictitious, for training only, and documented here and on the quote
# page: a share of the payroll by activity class, plus 15 % per claim of the last five
# years (at most 4 counted), plus 20 % for extra-legal guarantees and 10 % for 24h/24,
# with a minimum of 150 € a year.
ACTIVITY_RATE_PER_MILLE = {"office": 4, "shop": 9, "horeca": 14, "craft": 22, "building": 38}
MIN_PREMIUM_CENTS = 15000


def tpe_premium_cents(q: QuoteInput) -> int:
    """IG-6: the yearly workers' compensation premium of the TPE tool, in cents
    (fictitious: see the comment above)."""
    base = q.payroll_euros * 100 * ACTIVITY_RATE_PER_MILLE[q.activity] // 1000
    factor = 100 + 15 * min(q.claims_count, 4)
    factor += 20 if q.extra_legal else 0
    factor += 10 if q.round_the_clock else 0
    return max(MIN_PREMIUM_CENTS, base * factor // 100)


def quote_matches(search_text: str, query: str) -> bool:
    """IG-6: every word of the query appears in one of the fields entered."""
    return all(word in search_text for word in query.lower().split())


def phone_problem(raw: str) -> str | None:
    """IG-1: the office's phone is a Belgian number of a possible length for its
    prefix (fixed or mobile), e.g. 0412 34 56 78 or 02 123 45 67: the manual's own
    example is not an allocated range, so allocation is not checked. Code: "invalid"."""
    try:
        number = phonenumbers.parse(raw[:40], "BE")
    except phonenumbers.NumberParseException:
        return "invalid"
    valid = number.country_code == 32 and phonenumbers.is_possible_number(number)
    return None if valid else "invalid"


def postcode_problem(raw: str) -> str | None:
    """IG-1: a Belgian postcode, four digits from 1000. Code: "invalid"."""
    return None if POSTCODE_FORM.fullmatch(raw) else "invalid"
