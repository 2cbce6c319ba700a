"""The customer pages use a fixed number of queries whatever the customer holds."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from models import Brand
from seed.build import add_contract, add_life_documents, add_person

PAGES = [
    "/",
    "/contracts/{number}",
    "/documents",
    "/contracts/missing",
    "/themes/pension",  # CT-5: the pages behind the home's "Details" links
    "/themes/mobility",
]


@contextmanager
def counted(engine):
    statements: list[str] = []

    def _count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", _count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", _count)


def customer(db, contracts: int):
    person = add_person(db, first_name=f"C{contracts}")
    first = None
    for i in range(contracts):
        life = add_contract(
            db,
            person,
            "life_pension_savings",
            brand=Brand.PV,
            savings_cents=1000 * i,
            components=[{"kind": "pension_savings", "savings_cents": 1000}] * 3,
            beneficiaries=[{"event": "death", "name": f"B{i}", "share_percent": 100}] * 2,
        )
        add_life_documents(db, life, range(2020, 2026))
        add_contract(
            db,
            person,
            "car",
            brand=Brand.PV,
            covered=["civil_liability"],
            vehicle_make="Audi",
            vehicle_plate=f"1AB{i:03d}",
        )
        add_contract(db, person, "hunting_liability", brand=Brand.PV)
        first = first or life
    db.commit()
    return person, first.number


@pytest.mark.parametrize("path", PAGES)
def test_a_page_costs_the_same_queries_for_a_small_and_a_large_customer(
    app, client, db, login, path
):
    small, small_number = customer(db, 1)
    large, large_number = customer(db, 12)
    counts = []
    for person, number in ((small, small_number), (large, large_number)):
        client.delete_cookie("mypv_session", path="/pv")
        login(person, Brand.PV)
        with counted(app.extensions["db_engine"]) as statements:
            response = client.get("/pv/nl" + path.format(number=number))
        assert response.status_code == 200
        counts.append(len([s for s in statements if re.match(r"\s*(SELECT|WITH)", s, re.I)]))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 6, counts
