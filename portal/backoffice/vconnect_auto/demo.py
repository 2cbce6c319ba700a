"""Demo quotes for trainers (issue 16): for each Vivium broker with customers, one car
quote in every status, from draft to issued policy, made through the services as a
broker would (VA-1..VA-10)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Contract, Intermediary, Person
from models.brands import System, brand_of
from models.tariff_auto import Tariff
from models.vconnect_auto import DEMO_PATHS
from portal.backoffice.vconnect_auto import lifecycle, policy, quotes

SIGN_BASE = {"fr": "/vconnect/fr/sign/", "nl": "/vconnect/nl/sign/"}


def _vehicle(n: int, dear: bool) -> quotes.VehicleInput:
    return quotes.VehicleInput(
        plate=f"1DEM{n:03d}", vin=f"VF1DEM0000{n:07d}", kind="car", make="Renault",
        model="Clio" if not dear else "Espace Initiale", year=2024, power_kw=74,
        value_euro=95_000 if dear else 21_000,
    )  # fmt: skip


def _walk(
    db: Session,
    me: Intermediary,
    number: str,
    steps: tuple[str, ...],
    now: datetime,
    tariff: Tariff,
) -> None:
    for name in steps:
        if name == "analysis":
            lifecycle.ask_analysis(db, me, number, now, tariff)
        elif name in ("approve", "refuse"):
            lifecycle.decide(db, number, name == "approve", now, "demo")
        elif name == "offer":
            lifecycle.make_offer(db, me, number, now, tariff)
        elif name == "signature":
            lifecycle.send_for_signature(db, me, number, now, SIGN_BASE)
        elif name == "sign":
            lifecycle.sign(db, quotes.quote_of(db, me, number).sign_token or "", now)
        else:
            policy.finalise(db, me, number, now)


def seed_demo_quotes(db: Session, now: datetime, tariff: Tariff) -> int:
    """One quote per status for every Vivium broker who has a customer with an email
    address; returns how many quotes were made."""
    rows = db.execute(
        select(Intermediary, Person)
        .join(Contract, Contract.intermediary_id == Intermediary.id)
        .join(Person, Person.id == Contract.holder_id)
        .where(Intermediary.brand == brand_of(System.VCONNECT_AUTO), Person.email.is_not(None))
        .order_by(Intermediary.producer_number, Person.id)
    ).all()
    made, seen = 0, set()
    for me, person in rows:
        if me.id in seen:
            continue
        seen.add(me.id)
        for steps in DEMO_PATHS.values():
            quote = quotes.create(db, me, person, now, line="private", use="private",
                                  bonus_malus=0, tariff=tariff)  # fmt: skip
            quotes.set_vehicle(db, me, quote.number, _vehicle(quote.id, "analysis" in steps),
                               now, informex_up=True, tariff=tariff)  # fmt: skip
            _walk(db, me, quote.number, steps, now, tariff)
            made += 1
    return made
