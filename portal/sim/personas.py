"""Persona cards for the console and the API: what each persona demonstrates and the
identifiers a trainer or a test script needs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Account, Contract, Person
from seed.identifiers import national_number
from seed.personas import load_definitions


def persona_cards(db: Session) -> list[dict]:
    """One card per persona of the demo set that exists in the database."""
    cards = []
    for raw in load_definitions():
        main = raw["people"][0]
        birth = (
            main["birth_date"]
            if isinstance(main["birth_date"], date)
            else date.fromisoformat(main["birth_date"])
        )
        number = national_number(birth, main["serial"])
        people = list(
            db.scalars(select(Person).where(Person.national_number == number).order_by(Person.id))
        )
        if not people:
            continue
        ids = [p.id for p in people]
        contracts = db.scalars(
            select(Contract).where(Contract.holder_id.in_(ids)).order_by(Contract.id)
        ).all()
        accounts = db.scalars(
            select(Account).where(Account.person_id.in_(ids)).order_by(Account.id)
        ).all()
        cards.append(
            {
                "key": raw["key"],
                "name": people[0].full_name,
                "demonstrates": raw["demonstrates"],
                "demonstrates_in": {
                    "en": raw["demonstrates"],
                    "fr": raw["demonstrates_fr"],
                    "nl": raw["demonstrates_nl"],
                },
                "national_number": number,
                "birth_date": birth.isoformat(),
                "language": people[0].language.value,
                "segment": people[0].segment.value,
                "person_ids": ids,
                "records": len(people),
                "contracts": [
                    {
                        "brand": c.brand.value,
                        "number": c.number,
                        "product": c.product,
                        "status": c.status.value,
                    }
                    for c in contracts
                ],
                "accounts": [
                    {"brand": a.brand.value, "email": a.email, "method": a.method} for a in accounts
                ],
            }
        )
    return cards
