"""V-Connect Auto, Vivium's car quoting tool for brokers (release note 11): the checks of
VA-1..VA-10 as pure functions. No I/O; dates and ages come in as arguments.

A check returns None when the value passes, or a `Refusal` naming the rule and a
stable code; the front ends turn the code into a French or Dutch message.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

PLATE_MAX = 8
VIN_MAX = 17
PLATE = re.compile(r"[A-Z0-9]{1,8}", re.ASCII)
VIN = re.compile(r"[A-HJ-NPR-Z0-9]{1,17}", re.ASCII)  # never I, O or Q
MTM_LIMIT_KG = 5_000
REFERRAL_MAILBOX = "auto-ant@vivium.be"
ENGLISH_EXCESS_SURCHARGE_PERCENT = 50
BRB_TERMS = (30, 45, 60, 90)
DEFAULT_BRB_TERM = 30
NO_ACCIDENT_ASSISTANCE = frozenset({"moped", "tricycle", "quad"})
MOTORBIKE_ASSISTANCE_MAX_AGE = 8
MIXED_PROFESSIONAL = "mixed_professional"
COMMERCIAL = "commercial"
# VA-8: cancellation grounds that no longer need the company's approval.
FREE_CANCELLATION_GROUNDS = frozenset(
    {"refusal_no_follow_up", "mutual_agreement", "conditions_or_tariff_changed"}
)
# VA-8: the payment plans a broker may choose, with their instalments per year.
PAYMENT_PLANS = {"annual": 1, "half_yearly": 2, "quarterly": 4, "monthly": 12}
DEFAULT_PAYMENT_PLAN = "annual"
CANCELLATION_GROUNDS = (
    "due_date",
    "vehicle_sold",
    "refusal_no_follow_up",
    "mutual_agreement",
    "conditions_or_tariff_changed",
    "after_claim",
)
CANCEL_IN_PAST_FREE_DAYS = 15


@dataclass(frozen=True)
class Refusal:
    rule: str  # "VA-1"
    code: str  # stable code of the API and the messages


def plate_refusal(plate: str) -> Refusal | None:
    """VA-1: a number plate has 1 to 8 characters, upper-case letters A-Z and digits."""
    if PLATE.fullmatch(plate):
        return None
    return Refusal("VA-1", "plate_invalid")


def vin_refusal(vin: str) -> Refusal | None:
    """VA-2: a chassis number has 1 to 17 upper-case letters and digits, never I, O, Q."""
    if VIN.fullmatch(vin):
        return None
    return Refusal("VA-2", "vin_invalid")


def motorhome_refusal(kind: str, mass_kg: int | None) -> Refusal | None:
    """VA-3: a motorhome needs its maximum authorised mass; up to 5,000 kg it is quoted
    online, heavier it is not: the broker mails the signed proposal (REFERRAL_MAILBOX)."""
    if kind != "motorhome":
        return None
    if mass_kg is None or mass_kg <= 0:
        return Refusal("VA-3", "mtm_missing")
    if mass_kg > MTM_LIMIT_KG:
        return Refusal("VA-3", "mtm_above_limit")
    return None


def manual_entry_needed(informex_available: bool, found_in_catalogue: bool) -> bool:
    """VA-4: Informex down, or the vehicle (type) not in it: the broker types the
    vehicle in by hand and the quote goes on."""
    return not informex_available or not found_in_catalogue


def term_refusal(term_days: object) -> Refusal | None:
    """VA-5: the return slip's term is one of 30, 45, 60 or 90 days (a whole number);
    anything else is refused."""
    if isinstance(term_days, int) and not isinstance(term_days, bool) and term_days in BRB_TERMS:
        return None
    return Refusal("VA-5", "term_days_invalid")


def brb_deadline(due: date, term_days: int) -> date:
    """VA-5: the return slip's deadline. 30-day term: the last day of the due date's
    month plus 30 days (renewals too); 45, 60 or 90 days: the due date plus the term."""
    if term_days not in BRB_TERMS:
        raise ValueError(f"no return-slip term of {term_days} days")
    if term_days == 30:
        last = due.replace(day=monthrange(due.year, due.month)[1])
        return last + timedelta(days=30)
    return due + timedelta(days=term_days)


def vehicle_age(first_year: int, today: date) -> int:
    """Age of a vehicle in whole years, counted from its model year."""
    return max(0, today.year - first_year)


def english_excess_surcharge_percent(age_years: int, bonus_malus: int, standard: int) -> int:
    """VA-6: the English excess costs 50% extra on material damage for a vehicle of 2
    years or more or a driver above bonus-malus degree 0; other segments keep the
    standard rate (`standard`, from the tariff file)."""
    if age_years >= 2 or bonus_malus > 0:
        return ENGLISH_EXCESS_SURCHARGE_PERCENT
    return standard


def commercial_use_refusal(line: str, use: str) -> Refusal | None:
    """VA-7: on the commercial line only the use "mixed and professional" is quoted
    online; any other (driving school, loan car, own-account transport) goes through
    the back office."""
    if line == COMMERCIAL and use != MIXED_PROFESSIONAL:
        return Refusal("VA-7", "commercial_use_back_office")
    return None


def accident_assistance_refusal(kind: str, age_years: int) -> Refusal | None:
    """VA-9: no accident assistance for mopeds, tricycles and quads; for a motorbike
    only up to 8 years."""
    if kind in NO_ACCIDENT_ASSISTANCE:
        return Refusal("VA-9", "accident_assistance_kind")
    if kind == "motorbike" and age_years > MOTORBIKE_ASSISTANCE_MAX_AGE:
        return Refusal("VA-9", "accident_assistance_motorbike_age")
    return None


@dataclass(frozen=True)
class Criterion:
    """An acceptance criterion of the data file: above `limit` the quote goes to the
    company's analysis, unless VA-8 removed it."""

    name: str
    fact: str
    limit: float
    removed: bool = False


def analysis_reasons(facts: dict[str, float], criteria: Iterable[Criterion]) -> list[str]:
    """VA-8: the criteria still in force that this quote exceeds; removed ones (e.g.
    accessories above 10% of the catalogue value plus options) never ask for analysis."""
    return [
        c.name for c in criteria if not c.removed and c.fact in facts and facts[c.fact] > c.limit
    ]


def cancellation_refusal(ground: str) -> Refusal | None:
    """VA-8: the known cancellation grounds; all but "after a claim" are done by the
    broker without the company's approval (a leaser in the contract or a date more
    than 15 days back need none either)."""
    if ground not in CANCELLATION_GROUNDS:
        return Refusal("VA-8", "cancellation_ground_unknown")
    if ground == "after_claim":
        return Refusal("VA-8", "cancellation_needs_company")
    return None


def payment_plan_refusal(plan: str) -> Refusal | None:
    """VA-8: the payment plan (annual, half-yearly, quarterly or monthly) is changed by the
    broker without the company's approval, on a quote as on a policy; only an unknown
    plan is refused."""
    if plan not in PAYMENT_PLANS:
        return Refusal("VA-8", "payment_plan_unknown")
    return None


def instalment_cents(annual_premium_cents: int, plan: str) -> int:
    """One instalment of the annual premium under `plan` (VA-8), to the nearest cent,
    half a cent up."""
    parts = PAYMENT_PLANS[plan]
    return (annual_premium_cents * 2 + parts) // (2 * parts)


def claims_certificate_due(ground: str) -> bool:
    """VA-10: a cancellation at the due date makes the claims-history certificate
    available to the customer."""
    return ground == "due_date"


def payment_account(value: str) -> str | None:
    """VA-10 (release note 11, defect 5): the account of the premium's direct debit as an
    IBAN in its compact form ("BE71096123456769"), whatever spaces or dashes it was typed
    with, or None when it is not a valid IBAN (check digits, and for a Belgian account its
    own check and a known bank)."""
    from stdnum import iban
    from stdnum.exceptions import ValidationError

    try:
        return iban.validate(value)
    except ValidationError:
        return None


def printed_account(compact: str) -> str:
    """VA-10 (defect 5): the account as a payment screen shows it prefilled: groups of
    four, upper-case letters, digits and single spaces only ("BE71 0961 2345 6769")."""
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
