"""The login-relevant facts of the customers in the database, for data-driven tests:
one entry per person record, streamed in id order (memory stays flat)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from models import Account, AutoQuote, Contract, Intermediary, Person
from models.brands import brand_values

BRANDS = tuple(brand_values())  # one column of each kind per brand, in this order
LISTS = (*(f"{brand}_contracts" for brand in BRANDS), "ended_contracts")
FIELDS = (
    "person_id", "national_number", "birth_date", "sex", "language", "segment",
    "first_name", "last_name", "records", "email", "mobile", *LISTS,
    *(f"{brand}_account" for brand in BRANDS), *(f"{brand}_intermediary" for brand in BRANDS),
    "auto_quotes",
)  # fmt: skip


def customer_facts(connection: Connection) -> Iterator[dict[str, Any]]:
    """Per person record: identity, how many records share its national number (more
    than one blocks registration, RG-5), its active contract numbers per brand, its
    ended ones ("brand:number"), the e-mail of its account in each brand, if any, and
    its V-Connect Auto quotes ("number:status", issue 16; their policies are contracts)."""
    records = dict(
        connection.execute(
            select(Person.national_number, func.count())
            .group_by(Person.national_number)
            .having(func.count() > 1)
        ).all()
    )
    accounts: dict[int, dict[str, str]] = {}
    for person_id, brand, email in connection.execute(
        select(Account.person_id, Account.brand, Account.email)
    ):
        accounts.setdefault(person_id, {})[str(brand.value)] = email
    contracts = iter(
        connection.execute(
            select(
                Contract.holder_id,
                Contract.brand,
                Contract.number,
                Contract.status,
                Intermediary.producer_number,
            )
            .outerjoin(Intermediary, Intermediary.id == Contract.intermediary_id)
            .order_by(Contract.holder_id, Contract.id)
            .execution_options(yield_per=5000)
        )
    )
    pending = next(contracts, None)
    auto_quotes: dict[int, list[str]] = {}
    for person_id, number, status in connection.execute(
        select(AutoQuote.person_id, AutoQuote.number, AutoQuote.status).order_by(AutoQuote.id)
    ):
        auto_quotes.setdefault(person_id, []).append(f"{number}:{status.value}")
    people = connection.execute(
        select(*(Person.__table__.c[name] for name in FIELDS[:8] if name != "person_id"),
               Person.id, Person.email, Person.mobile)
        .order_by(Person.id)
        .execution_options(yield_per=5000)
    )  # fmt: skip
    for row in people:
        facts = _person_facts(row, records, accounts)
        facts["auto_quotes"] = auto_quotes.get(row.id, [])
        while pending is not None and pending.holder_id < row.id:
            pending = next(contracts, None)
        while pending is not None and pending.holder_id == row.id:
            _add_contract(facts, pending)
            pending = next(contracts, None)
        yield facts


def _person_facts(row, records: dict[str, int], accounts: dict[int, dict[str, str]]) -> dict:
    mine = accounts.get(row.id, {})
    return {
        "person_id": row.id,
        "national_number": row.national_number,
        "birth_date": row.birth_date.isoformat(),
        "sex": row.sex,
        "language": row.language.value,
        "segment": row.segment.value,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "records": records.get(row.national_number, 1),
        "email": row.email,
        "mobile": row.mobile,
        **{f"{brand}_contracts": [] for brand in BRANDS},
        "ended_contracts": [],
        **{f"{brand}_account": mine.get(brand) for brand in BRANDS},
        # BK-3: the producer number of his agent or broker in each brand
        **{f"{brand}_intermediary": None for brand in BRANDS},
    }


def _add_contract(facts: dict, contract) -> None:
    brand = contract.brand.value
    if contract.producer_number and facts[f"{brand}_intermediary"] is None:
        facts[f"{brand}_intermediary"] = contract.producer_number
    if contract.status.value == "active":
        facts[f"{brand}_contracts"].append(contract.number)
    else:
        facts["ended_contracts"].append(f"{brand}:{contract.number}")


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """CSV with a header; lists of contract numbers are separated by spaces."""
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: " ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        count += 1
    return count


def write_json(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """A JSON array, one customer record a line."""
    out.write("[")
    count = 0
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
