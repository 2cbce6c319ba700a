"""The customer pages use a fixed number of queries whatever the customer holds."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import datetime

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


#: Issue 12: the SQL statements of each customer page for a logged-in customer, fixed.
#: Every page reads the account with its person, its live session and the clock's row,
#: in one statement (the clock then comes from the identity map; the account's digital
#: consent, DC-3, rides along too); then
#: home, can't find: the brand's contracts; contract: the contract, its composition and
#: its beneficiaries; documents: the contracts, their life documents and the paper-mail
#: exceptions (DC-3); profile: the account with its
#: person and the pending contact changes. These are the counts of a page the session
#: already shows; moving to another page adds one write (see the test after this one).
EXACT_STATEMENTS = {
    "/": 2,
    "/contracts/{number}": 4,
    "/documents": 4,
    "/contracts/missing": 2,
    "/help": 1,
    "/profile": 3,
}


@pytest.mark.parametrize("path", EXACT_STATEMENTS)
def test_each_customer_page_runs_exactly_its_fixed_number_of_statements(
    app, client, db, login, freeze, path
):
    freeze(datetime(2026, 3, 2, 10, 0))
    person, number = customer(db, 2)
    login(person, Brand.PV)
    client.get("/pv/nl" + path.format(number=number))
    with counted(app.extensions["db_engine"]) as statements:
        response = client.get("/pv/nl" + path.format(number=number))
    assert response.status_code == 200
    assert "/pv/nl/logout" in response.get_data(as_text=True)  # logged in, not the landing
    assert len(statements) == EXACT_STATEMENTS[path], statements


@pytest.mark.parametrize("path", EXACT_STATEMENTS)
def test_moving_to_another_page_adds_exactly_one_write_the_page_the_session_last_saw(
    app, client, db, login, freeze, path
):
    """Issue 19 (a trainer watching): the session row records the page it shows, only
    when it changes; the account query already reads it, so nothing else is read."""
    freeze(datetime(2026, 3, 2, 10, 0))
    person, number = customer(db, 2)
    login(person, Brand.PV)
    client.get("/pv/nl/help" if path != "/help" else "/pv/nl/")
    with counted(app.extensions["db_engine"]) as statements:
        response = client.get("/pv/nl" + path.format(number=number))
    assert response.status_code == 200
    writes = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
    assert len(statements) == EXACT_STATEMENTS[path] + 1, statements
    assert len(writes) == 1 and "portal_session" in writes[0], writes


def test_the_cached_frame_links_follow_the_script_root_the_brand_and_the_language(client):
    """The frame's URLs are cached (issue 12); each request still gets its own: a world's
    prefix, another language and another brand each give other links."""
    for root in ("", "/w/7", ""):
        for brand, lang in (("pv", "nl"), ("pv", "fr"), ("vivium", "fr")):
            page = client.get(f"/{brand}/{lang}/help", environ_overrides={"SCRIPT_NAME": root})
            html = page.get_data(as_text=True)
            assert page.status_code == 200
            assert f'href="{root}/{brand}/{lang}/help" data-testid="footer-help"' in html
            assert f'href="{root}/static/portal.css"' in html
