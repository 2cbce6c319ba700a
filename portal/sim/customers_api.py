"""POST /sim/api/customers: a customer with chosen contracts and attributes; whatever
is left out is generated (deterministically when a seed is given). Every field is
checked first (`portal.sim.customer_input`): 422 naming the field; a contract number
already given to another contract: 409. The answer lists every record made."""

from __future__ import annotations

from flask import current_app, jsonify
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models import Contract, Intermediary, Person
from models.sim import clock_now
from portal.backoffice.errors import Invalid
from portal.backoffice.s2pack import add_s2_pack
from portal.db import get_session
from portal.sim.blueprints import api, api_error, json_body
from portal.sim.customer_input import clean_customer
from portal.sim.input_checks import Refused
from seed.customer import create_customer as generate_customer
from seed.intermediaries import place


def _taken_number(db, specs: list[dict]) -> str | None:
    """A chosen contract number that another contract (or this body twice) has."""
    numbers = [spec["number"] for spec in specs if spec.get("number")]
    if len(numbers) != len(set(numbers)):
        return next(n for n in numbers if numbers.count(n) > 1)
    if not numbers:
        return None
    return db.scalar(select(Contract.number).where(Contract.number.in_(numbers)).limit(1))


def _person(person: Person) -> dict:
    return {
        "person_id": person.id,
        "name": person.full_name,
        "national_number": person.national_number,
        "birth_date": person.birth_date.isoformat(),
        "sex": person.sex,
        "language": person.language.value,
        "segment": person.segment.value,
        "email": person.email,
        "mobile": person.mobile,
    }


def _contract(contract: Contract) -> dict:
    return {
        "person_id": contract.holder_id,
        "brand": contract.brand.value,
        "number": contract.number,
        "product": contract.product,
        "status": contract.status.value,
        "intermediary_id": contract.intermediary_id,
    }


def _intermediary(db, chosen: object) -> Intermediary | None:
    """BK-3: the agent or broker a producer number names (`intermediary`); without one
    the customer goes into a generated portfolio."""
    if chosen is None:
        return None
    found = db.scalars(
        select(Intermediary).where(Intermediary.producer_number == str(chosen)[:10])
    ).one_or_none()
    if found is None:
        raise Invalid("invalid_customer", "intermediary: no such producer number.",
                      field="intermediary")  # fmt: skip
    return found


@api.post("/customers")
def create_customer():
    """201 with the customer (its first record's fields), `records` (each person record
    made: two when recorded twice, RG-5) and `contracts` (of every record)."""
    db = get_session()
    try:
        body = json_body()
    except ValueError as exc:
        return api_error(400, "invalid_body", str(exc))
    intermediary = _intermediary(db, body.pop("intermediary", None))
    try:
        seed, overrides = clean_customer(body, clock_now(db).date())
    except Refused as exc:
        return api_error(422, "invalid_customer", str(exc), field=exc.field)
    packs = overrides.pop("s2_packs", [])  # S2-1: contracts taking the S² Pack
    taken = _taken_number(db, overrides.get("contracts") or [])
    if taken:
        return api_error(409, "contract_number_taken", f"contracts: the number {taken} is taken.")
    try:
        created = generate_customer(db, seed, **overrides)
        db.flush()  # here, so that a taken number is a 409 and not a failing commit
        place(db, created.contracts, intermediary)  # BK-3
        method = current_app.extensions["auth_settings"].password_hash
        for index in packs:
            add_s2_pack(db, created.contracts[index], clock_now(db), hash_method=method)
        body = {
            **_person(created.people[0]),
            "records": [_person(p) for p in created.people],
            "contracts": [_contract(c) for c in created.contracts],
        }
    except IntegrityError:  # the same number chosen by two testers at the same moment
        return api_error(409, "contract_number_taken", "contracts: a number is taken.")
    return jsonify(body), 201
