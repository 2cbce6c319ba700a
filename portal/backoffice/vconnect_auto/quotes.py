"""A V-Connect Auto quote from creation to the choice of guarantees (VA-1..VA-4, VA-6,
VA-7, VA-9, VA-10). Services: a session, `now` and plain values; they flush, never
commit, and refuse with named errors (portal.backoffice.errors) carrying the rule ID."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AutoQuote, AutoQuoteEvent, Intermediary, Person
from models.informex import lookup
from models.tariff_auto import Tariff
from models.vconnect_auto import QuoteStatus
from portal.backoffice.errors import Conflict, Invalid, Malformed, NotFound, Unavailable
from portal.rules.vconnect_auto import (
    DEFAULT_BRB_TERM,
    DEFAULT_PAYMENT_PLAN,
    Refusal,
    accident_assistance_refusal,
    commercial_use_refusal,
    motorhome_refusal,
    payment_plan_refusal,
    plate_refusal,
    term_refusal,
    vehicle_age,
    vin_refusal,
)
from portal.rules.vconnect_tariff import Rated, premium_lines

LINES = ("private", "commercial")
KINDS = ("car", "van", "motorhome", "motorbike", "moped", "tricycle", "quad")
EDITABLE = frozenset({QuoteStatus.DRAFT, QuoteStatus.APPROVED, QuoteStatus.OFFERED})
BM_RANGE = range(0, 23)


@dataclass(frozen=True)
class VehicleInput:
    """The vehicle as the broker gives it: an Informex code, or every field by hand."""

    plate: str
    vin: str
    informex_code: str | None = None
    kind: str | None = None
    make: str | None = None
    model: str | None = None
    year: int | None = None
    power_kw: int | None = None
    value_euro: int | None = None
    mass_kg: int | None = None
    accessories_euro: int = 0
    leaser: str | None = None  # VA-8


def refuse(refusal: Refusal | None, field: str) -> None:
    if refusal is not None:
        raise Invalid(refusal.code, f"Refused by rule {refusal.rule}.", rule=refusal.rule,
                      field=field)  # fmt: skip


def event(db: Session, quote: AutoQuote, now: datetime, what: str, note: str = "") -> None:
    db.add(AutoQuoteEvent(quote_id=quote.id, at=now, status=quote.status, what=what,
                          note=note[:200]))  # fmt: skip


def checked_term(term_days: object) -> int:
    """VA-5: the return slip's term, 30, 45, 60 or 90 days; any other value is a
    Malformed request (400 in the API), the same whether it is text or a number."""
    refusal = term_refusal(term_days)
    if refusal is not None or not isinstance(term_days, int):
        raise Malformed("term_days_invalid", "The return-slip term is 30, 45, 60 or 90 days.",
                        rule="VA-5", field="term_days")  # fmt: skip
    return term_days


def quote_of(db: Session, me: Intermediary, number: str) -> AutoQuote:
    """One of the broker's quotes; anyone else's is NotFound."""
    quote = db.scalars(
        select(AutoQuote).where(AutoQuote.number == number, AutoQuote.intermediary_id == me.id)
    ).one_or_none()
    if quote is None:
        raise NotFound("quote_not_found", "No such quote in your business overview.")
    return quote


def create(
    db: Session, me: Intermediary, person: Person, now: datetime, *, line: str, use: str,
    bonus_malus: int, driver_birth_date: date | None = None, tariff: Tariff,
    term_days: int = DEFAULT_BRB_TERM, payment_plan: str = DEFAULT_PAYMENT_PLAN,
) -> AutoQuote:  # fmt: skip
    """A draft quote for a customer of the broker (customers.existing / new_customer),
    with its return-slip term (VA-5: 30, 45, 60 or 90 days) and its payment plan (VA-8)."""
    term_days = checked_term(term_days)
    refuse(payment_plan_refusal(payment_plan), "payment_plan")
    if line not in LINES:
        raise Invalid("line_invalid", "Unknown line.", field="line")
    if use not in tariff.uses:
        raise Invalid("use_invalid", "Unknown use.", field="use")
    refuse(commercial_use_refusal(line, use), "use")
    if line == "private" and use not in ("private", "mixed_professional"):
        raise Invalid("use_invalid", "This use belongs to the commercial line.", field="use")
    if bonus_malus not in BM_RANGE:
        raise Invalid("bonus_malus_invalid", "Bonus-malus degree 0 to 22.", field="bonus_malus")
    quote = AutoQuote(
        number=secrets.token_hex(6), intermediary_id=me.id, person_id=person.id,
        status=QuoteStatus.DRAFT, line=line, use=use, bonus_malus=bonus_malus,
        driver_birth_date=driver_birth_date or person.birth_date, guarantees=["civil_liability"],
        lines=[], accessories_euro=0, english_excess=False, s2_pack=False, premium_cents=0,
        term_days=term_days, payment_plan=payment_plan, analysed=False, created_at=now,
        updated_at=now,
    )  # fmt: skip
    db.add(quote)
    db.flush()
    quote.number = f"VA{quote.id:08d}"
    event(db, quote, now, "created")
    return quote


def set_term(db: Session, me: Intermediary, number: str, term_days: int, now: datetime, *,
             tariff: Tariff) -> AutoQuote:  # fmt: skip
    """VA-5: another return-slip term for a quote still being changed; an offer or an
    approval made with the old term no longer holds (changed)."""
    quote = quote_of(db, me, number)
    editable(quote)
    quote.term_days = checked_term(term_days)
    changed(db, quote, now, "term_set", tariff, str(quote.term_days))
    return quote


def editable(quote: AutoQuote) -> None:
    if quote.status not in EDITABLE:
        raise Conflict("quote_not_editable", f"A quote in status {quote.status} is not changed.")


def _manual(v: VehicleInput) -> dict:
    if v.kind not in KINDS:
        raise Invalid("vehicle_kind_invalid", "Unknown vehicle type.", field="kind")
    for name in ("make", "model"):
        if not (getattr(v, name) or "").strip() or len(getattr(v, name)) > 40:
            raise Invalid(f"{name}_invalid", f"The {name} is missing.", field=name)
    checks = (("year", v.year, 1950, 2100), ("power_kw", v.power_kw, 1, 1000),
              ("value_euro", v.value_euro, 100, 2_000_000))  # fmt: skip
    for name, value, low, high in checks:
        if value is None or not low <= value <= high:
            raise Invalid(f"{name}_invalid", f"The {name} is missing or out of range.",
                          field=name)  # fmt: skip
    return {"source": "manual", "code": None, "kind": v.kind, "make": v.make.strip(),
            "model": v.model.strip(), "year": v.year, "power": v.power_kw,
            "value": v.value_euro, "mass": v.mass_kg}  # fmt: skip


def _from_informex(v: VehicleInput, informex_up: bool) -> dict:
    """VA-4: Informex down answers Unavailable, and the broker goes on by hand."""
    if not informex_up:
        raise Unavailable("informex_unavailable", "Informex does not answer: enter by hand.",
                          rule="VA-4")  # fmt: skip
    found = lookup(v.informex_code or "")
    if found is None:
        raise NotFound("informex_vehicle_not_found", "Not in Informex: enter by hand.",
                       rule="VA-4", field="informex_code")  # fmt: skip
    mass = found.mass_kg if v.mass_kg is None else v.mass_kg
    return {"source": "informex", "code": found.code, "kind": found.kind, "make": found.make,
            "model": f"{found.model} {found.version}", "year": found.year,
            "power": found.power_kw, "value": found.value_euro, "mass": mass}  # fmt: skip


def set_vehicle(
    db: Session, me: Intermediary, number: str, v: VehicleInput, now: datetime, *,
    informex_up: bool, tariff: Tariff,
) -> AutoQuote:  # fmt: skip
    """The vehicle from Informex (an entry's code) or typed in by hand (VA-4), checked
    by VA-1, VA-2 and VA-3; the premium follows (VA-10)."""
    quote = quote_of(db, me, number)
    editable(quote)
    refuse(plate_refusal(v.plate), "plate")
    refuse(vin_refusal(v.vin), "vin")
    facts = _from_informex(v, informex_up) if v.informex_code else _manual(v)
    refuse(motorhome_refusal(facts["kind"], facts["mass"]), "mass_kg")
    if not 0 <= v.accessories_euro <= 1_000_000:
        raise Invalid("accessories_invalid", "Accessories 0 to 1,000,000 euro.",
                      field="accessories_euro")  # fmt: skip
    quote.vehicle_source, quote.informex_code = facts["source"], facts["code"]
    quote.vehicle_kind, quote.vehicle_make, quote.vehicle_model = (
        facts["kind"],
        facts["make"],
        facts["model"][:60],
    )
    quote.vehicle_year, quote.vehicle_power_kw = facts["year"], facts["power"]
    quote.vehicle_value_euro = facts["value"]
    quote.vehicle_mass_kg = facts["mass"] if facts["kind"] == "motorhome" else None
    quote.vehicle_plate, quote.vehicle_vin = v.plate, v.vin
    quote.accessories_euro = v.accessories_euro
    quote.leaser = v.leaser or None
    allowed = accident_assistance_refusal(quote.vehicle_kind, age_of(quote, now)) is None
    if not allowed and "accident_assistance" in quote.guarantees:
        quote.guarantees = [g for g in quote.guarantees if g != "accident_assistance"]
    changed(db, quote, now, "vehicle_set", tariff, facts["source"])
    return quote


def age_of(quote: AutoQuote, now: datetime) -> int:
    return vehicle_age(quote.vehicle_year or now.year, now.date())


def choose(
    db: Session, me: Intermediary, number: str, guarantees: list[str], now: datetime, *,
    english_excess: bool, s2_pack: bool, tariff: Tariff,
) -> AutoQuote:  # fmt: skip
    """The chosen guarantees and options, checked by VA-9; civil liability always. The
    S² Pack is a plain option here (issue 17 builds the pack itself)."""
    quote = quote_of(db, me, number)
    editable(quote)
    apply_choice(quote, guarantees, now, english_excess=english_excess, s2_pack=s2_pack,
                 tariff=tariff)  # fmt: skip
    changed(db, quote, now, "guarantees_chosen", tariff)
    return quote


def apply_choice(
    quote: AutoQuote, guarantees: list[str], now: datetime, *, english_excess: bool,
    s2_pack: bool, tariff: Tariff,
) -> None:  # fmt: skip
    """Check (VA-9) and set the guarantees and options of a quote or of a policy."""
    unknown = [g for g in guarantees if g not in tariff.guarantees]
    if unknown:
        raise Invalid("guarantee_unknown", f"Unknown guarantee {unknown[0]}.",
                      field="guarantees")  # fmt: skip
    if quote.vehicle_kind is None:
        raise Conflict("vehicle_missing", "Choose the vehicle first.")
    if "accident_assistance" in guarantees:
        refuse(accident_assistance_refusal(quote.vehicle_kind, age_of(quote, now)), "guarantees")
    chosen = set(guarantees) | {c for c, r in tariff.guarantees.items() if r.compulsory}
    quote.guarantees = [code for code in tariff.guarantees if code in chosen]
    quote.english_excess = english_excess and "material_damage" in chosen
    quote.s2_pack = s2_pack


def rated(quote: AutoQuote, now: datetime) -> Rated:
    born = quote.driver_birth_date
    today = now.date()
    driver_age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return Rated(quote.vehicle_kind or "car", quote.vehicle_power_kw or 0,
                 quote.vehicle_value_euro or 0, age_of(quote, now), quote.use, driver_age,
                 quote.bonus_malus)  # fmt: skip


def recalc(quote: AutoQuote, now: datetime, tariff: Tariff) -> None:
    """VA-10: the premium lines and total of the latest choices, stored on the quote
    that the overview reads."""
    if quote.vehicle_kind is None:
        quote.lines, quote.premium_cents = [], 0
        return
    lines = premium_lines(tariff, rated(quote, now), quote.guarantees, quote.english_excess)
    quote.lines = [[line.code, line.cents] for line in lines]
    quote.premium_cents = sum(line.cents for line in lines)


def changed(db: Session, quote: AutoQuote, now: datetime, what: str, tariff: Tariff,
            note: str = "") -> None:  # fmt: skip
    """After any change: the premium again, and an offer or approval no longer holds."""
    recalc(quote, now, tariff)
    if quote.status in (QuoteStatus.APPROVED, QuoteStatus.OFFERED):
        quote.status = QuoteStatus.DRAFT
    quote.updated_at = now
    event(db, quote, now, what, note)
    db.flush()
