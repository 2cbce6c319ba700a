"""One generated customer through an ORM session, with any field chosen by the caller
(`make_customer`, `create_customer`: the control API and the tests)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models import (
    Beneficiary,
    Contract,
    ContractStatus,
    Document,
    LifeComponent,
    Person,
    Segment,
    VehicleKind,
)
from seed.belgium import LANGUAGES, REFERENCE_DATE
from seed.columns import (
    BENEFICIARY_COLUMNS,
    COMPONENT_COLUMNS,
    CONTRACT_COLUMNS,
    DOCUMENT_COLUMNS,
    PERSON_COLUMNS,
    orm_values,
    reserve_ids,
    sync_sequences,
)
from seed.generator import BRANDS, Batch, Generator, Options, random_seed
from seed.products import facts

CONTRACT_EXTRAS = frozenset({"components", "beneficiaries", "life_documents"})
PERSON_CHOICES = {
    "sex": {"M", "F"},
    "language": set(LANGUAGES),
    "segment": {s.value for s in Segment},
    "brand": set(BRANDS),
}
CONTRACT_CHOICES = {
    "product": set(facts()),
    "brand": set(BRANDS),
    "status": {s.value for s in ContractStatus},
    "vehicle_kind": {k.value for k in VehicleKind},
}
CUSTOMER_KEYS = frozenset({"contracts", "brand", "duplicate", "both_brands", "as_of"})
CHILDREN = (
    (LifeComponent, COMPONENT_COLUMNS, "components", "components"),
    (Beneficiary, BENEFICIARY_COLUMNS, "beneficiaries", "beneficiaries"),
    (Document, DOCUMENT_COLUMNS, "documents", "documents"),
)


class _Registered:
    """The national numbers already in the database, asked one at a time."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def __contains__(self, number: object) -> bool:
        query = select(Person.id).where(Person.national_number == number).limit(1)
        return self.connection.execute(query).first() is not None


@dataclass
class Created:
    """What `create_customer` recorded: every person record (the first is the
    customer's, a second one when recorded twice) and every contract, of any record."""

    people: list[Person]
    contracts: list[Contract]


def make_customer(session: Session, seed: int | None = None, **overrides: Any) -> Person:
    """Add one generated customer through `session` (flushed, not committed) and return
    its person record, contracts loaded.

    Any person column may be given (`language`, `postcode`, `birth_date`, `segment`,
    `email`, ...); `brand` is the customer's main brand, `duplicate=True` records the
    person twice (the last contract on the second record; never by chance),
    `both_brands=True` spreads the contracts over both brands, `as_of` moves the day
    generated dates count from (default `seed.belgium.REFERENCE_DATE`), and `contracts=[{...}]`
    lists the contracts: each with `product`, `brand`, `status` or any contract column,
    plus `components`, `beneficiaries` and `life_documents` (years) for life products.
    Whatever is left out is generated consistently with what is given.
    """
    return create_customer(session, seed, **overrides).people[0]


def create_customer(session: Session, seed: int | None = None, **overrides: Any) -> Created:
    """`make_customer`, returning every record it made. The ids are reserved under the
    id tables' write lock (`seed.columns.reserve_ids`), held until the caller commits:
    testers creating customers at the same time wait for each other, never collide."""
    _check_overrides(overrides)
    overrides.setdefault("duplicate", False)
    as_of = overrides.pop("as_of", None) or REFERENCE_DATE
    session.flush()
    connection = session.connection()
    generator = Generator(
        random_seed() if seed is None else seed,
        Options(as_of=as_of),
        first_ids=reserve_ids(connection),
        taken=_Registered(connection),
    )
    batch = Batch()
    generator.customer(batch, overrides)
    created = _add_objects(session, batch)
    sync_sequences(session.connection())
    return created


def _check_overrides(overrides: Mapping[str, Any]) -> None:
    """TypeError for a field no customer or contract has, ValueError for a value out of
    its choices (products of the catalogue, enum values)."""
    unknown = set(overrides) - (set(PERSON_COLUMNS) - {"id"}) - CUSTOMER_KEYS
    allowed = (set(CONTRACT_COLUMNS) - {"id", "holder_id"}) | CONTRACT_EXTRAS
    _check_choices(overrides, PERSON_CHOICES)
    for spec in overrides.get("contracts") or ():
        unknown |= set(spec) - allowed
        _check_choices(spec, CONTRACT_CHOICES)
    if unknown:
        raise TypeError(f"unknown customer fields: {', '.join(sorted(unknown))}")


def _check_choices(values: Mapping[str, Any], choices: Mapping[str, Any]) -> None:
    for name, allowed in choices.items():
        value = values.get(name)
        if value is not None and str(value) not in allowed:
            raise ValueError(f"{name} must be one of {', '.join(sorted(allowed))}: not {value!r}")


def _add_objects(session: Session, batch: Batch) -> Created:
    """The batch as ORM objects linked to each other, added and flushed."""
    people = {}
    for row in batch.people:
        person = Person(**orm_values(Person.__table__, PERSON_COLUMNS, row))
        session.add(person)
        people[person.id] = person
    contracts = {}
    for row in batch.contracts:
        values = orm_values(Contract.__table__, CONTRACT_COLUMNS, row)
        contract = Contract(holder=people[values.pop("holder_id")], **values)
        session.add(contract)
        contracts[contract.id] = contract
    for model, columns, attr, relation in CHILDREN:
        for row in getattr(batch, attr):
            values = orm_values(model.__table__, columns, row)
            getattr(contracts[values.pop("contract_id")], relation).append(model(**values))
    session.flush()
    return Created(list(people.values()), list(contracts.values()))
