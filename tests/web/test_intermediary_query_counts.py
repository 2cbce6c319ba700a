"""The intermediaries' tool pages run a fixed number of SQL statements, whatever the
size of the intermediary's portfolio or of the customer's contracts (issue 15; the
customer pages' rule of tests/web/test_query_counts.py; BK-2, BK-3)."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import Brand, Intermediary, Language
from seed.build import add_contract, add_life_documents, add_person
from tests.conftest import csrf_token
from tests.web.test_query_counts import counted

TOOL = {Brand.PV: "connect360", Brand.VIVIUM: "vconnect"}


def intermediary(db, brand: Brand, number: str) -> Intermediary:
    me = Intermediary(
        brand=brand,
        producer_number=number,
        first_name="Test",
        last_name=f"Agent {number}",
        office="Bureau Test",
        city="Namur",
        language=Language.FR,
        email=f"agent{number}@example.be",
        phone="081000000",
    )
    db.add(me)
    db.flush()
    return me


def customer(db, me: Intermediary, sets: int, name: str):
    """A customer of `me` with `sets` times a life contract, a car and a hunting cover;
    returns the person, his first life contract number and his first car's number."""
    person = add_person(db, first_name=name, last_name="Portefeuille")
    life = car = None
    for i in range(sets):
        made = add_contract(
            db,
            person,
            "life_pension_savings",
            brand=me.brand,
            intermediary_id=me.id,
            savings_cents=1000 * i,
            components=[{"kind": "pension_savings", "savings_cents": 1000}] * 3,
            beneficiaries=[{"event": "death", "name": f"B{i}", "share_percent": 100}] * 2,
        )
        add_life_documents(db, made, range(2020, 2026))
        auto = add_contract(
            db,
            person,
            "car",
            brand=me.brand,
            intermediary_id=me.id,
            covered=["civil_liability"],
            vehicle_make="Audi",
            vehicle_plate=f"1{name[:2].upper()}{i:03d}",
        )
        add_contract(db, person, "hunting_liability", brand=me.brand, intermediary_id=me.id)
        life, car = life or made, car or auto
    return person, life.number, car.number


@pytest.fixture
def portfolios(db, freeze):
    """For each brand: a small portfolio (one customer, one set of contracts) and a large
    one (fifteen customers, one of them with twelve sets)."""
    freeze(datetime(2026, 3, 2, 10, 0))
    made = {}
    for brand, base in ((Brand.PV, 4100000), (Brand.VIVIUM, 8100000)):
        small, large = (
            intermediary(db, brand, str(base + 1)),
            intermediary(db, brand, str(base + 2)),
        )
        one = customer(db, small, 1, "Alpha")
        big = customer(db, large, 12, "Omega")
        for i in range(14):
            customer(db, large, 1, f"Extra{i:02d}")
        made[brand] = ((small, one), (large, big))
    db.commit()
    return made


def sign_in(client, me: Intermediary) -> None:
    tool = TOOL[me.brand]
    client.delete_cookie(f"{tool}_session", path=f"/{tool}")
    page = client.get(f"/{tool}/fr/signin").get_data(as_text=True)
    response = client.post(
        f"/{tool}/fr/signin/pick", data={"csrf_token": csrf_token(page), "intermediary_id": me.id}
    )
    assert response.status_code == 302


def statements(app, client, url: str, data: dict | None = None) -> int:
    """The SQL statements of one GET (or one POST of `data`, with the page's CSRF token),
    the page seen once before: the first visit and a move to a new page also record the
    page the intermediary sees (issue 19, auth.watching), a reload does not."""
    page = client.get(url).get_data(as_text=True)
    if data is not None:
        data = {"csrf_token": csrf_token(page), **data}
    with counted(app.extensions["db_engine"]) as seen:
        response = client.get(url) if data is None else client.post(url + REQUEST, data=data)
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(seen)


REQUEST = "/requests/missing-document"
PAGES = {
    "portfolio": "/{tool}/fr/",
    "search": "/{tool}/fr/?q=Portefeuille",
    "customer": "/{tool}/fr/customers/{person}",
    "policy": "/{tool}/fr/policies/{car}",
    "life": "/{tool}/fr/{life_part}policies/{life}",
    "request": "/{tool}/fr/customers/{person}",
    "faq": "/{tool}/fr/faq",
}
LIFE_PART = {Brand.PV: "", Brand.VIVIUM: "life-connect/"}


def count_page(app, client, page: str, me: Intermediary, held) -> int:
    person, life, car = held
    url = PAGES[page].format(
        tool=TOOL[me.brand], person=person.id, car=car, life=life, life_part=LIFE_PART[me.brand]
    )
    if page != "request":
        return statements(app, client, url)
    data = {"contract_number": life, "document_kind": "tax_certificate", "year": "2025"}
    return statements(app, client, url, data)


#: The statements of each page for a signed-in intermediary, fixed. Every page reads the
#: intermediary with the page he last saw and the simulated clock's row in one statement
#: (issue 12; a trainer may watch him, issue 19), the FAQ nothing more; a portfolio page
#: then his customers with the portfolio's size, in one statement too (issue 12); a
#: customer's account reads his record, his contracts (one of them in
#: the portfolio, BK-3), life parts, beneficiaries, contact changes (PD-2), his account (in
#: Connect 360 his accounts of both portals at once, BK-1), paper-mail exceptions, requests
#: and life documents; a policy looks its number up first. In V-Connect a car policy
#: reads its S² Pack (the box, at the page's moment). An accepted request reads the
#: intermediary (with the clock), the portfolio check, the customer with his contracts, life
#: parts and beneficiaries and his account, writes one row and redirects: the account
#: page is read only to show a refused form again.
EXACT = {
    ("portfolio", Brand.PV): 2,
    ("portfolio", Brand.VIVIUM): 2,
    ("search", Brand.PV): 2,
    ("search", Brand.VIVIUM): 2,
    ("customer", Brand.PV): 10,
    ("customer", Brand.VIVIUM): 10,
    ("policy", Brand.PV): 11,
    ("policy", Brand.VIVIUM): 12,
    ("life", Brand.PV): 11,
    ("life", Brand.VIVIUM): 11,
    ("request", Brand.PV): 8,
    ("request", Brand.VIVIUM): 8,
    ("faq", Brand.PV): 1,
    ("faq", Brand.VIVIUM): 1,
}


@pytest.mark.parametrize("brand", [Brand.PV, Brand.VIVIUM])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_tool_page_costs_the_same_for_a_small_and_a_large_portfolio(
    app, client, portfolios, brand, page
):
    """No N+1: one customer with one set of contracts or fifteen customers, one of them
    with twelve sets, cost the same statements on every page."""
    counts = []
    for me, held in portfolios[brand]:
        sign_in(client, me)
        counts.append(count_page(app, client, page, me, held))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("brand", [Brand.PV, Brand.VIVIUM])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_each_tool_page_runs_exactly_its_fixed_number_of_statements(
    app, client, portfolios, brand, page
):
    me, held = portfolios[brand][0]
    sign_in(client, me)
    assert count_page(app, client, page, me, held) == EXACT[page, brand]
