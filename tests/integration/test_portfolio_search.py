"""The tool's portfolio list and search on a real session, SQLite and PostgreSQL (BK-3):
built once as plain rows (issue 12), it finds the intermediary's own customers only, by
name (letter case aside, `%` and `_` as letters), national number, contract number or
plate, and counts for each hit the portfolio's contracts that match."""

from __future__ import annotations

import pytest

from models import Brand, Intermediary
from portal.backoffice import portfolio
from seed import build
from tests.web.test_intermediary_query_counts import intermediary
from tests.web.test_query_counts import counted


def agent(db, number: str) -> Intermediary:
    return intermediary(db, Brand.PV, number)


@pytest.fixture
def book(db):
    """Agent `me` holds Louise Peeters (a car, a home, a life contract) and Marc Dubois
    (one car); Louise also has a car with another agent `other`, who holds Zoé Van_Dam."""
    me, other = agent(db, "4200001"), agent(db, "4200002")
    louise = build.add_person(db, first_name="Louise", last_name="Peeters")
    marc = build.add_person(db, first_name="Marc", last_name="Dubois")
    zoe = build.add_person(db, first_name="Zoé", last_name="Van_Dam")
    car = build.add_contract(db, louise, "car", brand=Brand.PV, intermediary_id=me.id,
                             vehicle_plate="1ABC123")  # fmt: skip
    home = build.add_contract(db, louise, "home", brand=Brand.PV, intermediary_id=me.id)
    build.add_contract(db, louise, "life_pension_savings", brand=Brand.PV, intermediary_id=me.id)
    build.add_contract(db, louise, "car", brand=Brand.PV, intermediary_id=other.id,
                       vehicle_plate="1XYZ999")  # fmt: skip
    build.add_contract(db, marc, "car", brand=Brand.PV, intermediary_id=me.id,
                       vehicle_plate="2DEF456")  # fmt: skip
    build.add_contract(db, zoe, "car", brand=Brand.PV, intermediary_id=other.id)
    db.commit()
    return {"me": me, "other": other, "louise": louise, "marc": marc, "zoe": zoe,
            "car": car, "home": home}  # fmt: skip


def found(db, me: Intermediary, text: str) -> dict[str, int]:
    return {hit.person.full_name: hit.contracts for hit in portfolio.search(db, me, text)}


def test_bk3_without_a_query_the_list_is_the_portfolio_by_last_name_with_its_policies(db, book):
    hits = portfolio.search(db, book["me"], "")
    assert [(h.person.last_name, h.contracts) for h in hits] == [("Dubois", 1), ("Peeters", 3)]
    marc = hits[0].person
    assert (marc.id, marc.national_number) == (book["marc"].id, book["marc"].national_number)


def test_bk3_a_customer_found_by_name_counts_all_his_policies_of_the_portfolio(db, book):
    assert found(db, book["me"], "peeters") == {"Louise Peeters": 3}
    assert found(db, book["me"], "LOUISE PEE") == {"Louise Peeters": 3}
    assert found(db, book["me"], "Peeters Louise") == {"Louise Peeters": 3}


def test_bk3_a_customer_found_by_one_contract_counts_that_contract_only(db, book):
    assert found(db, book["me"], book["home"].number) == {"Louise Peeters": 1}
    assert found(db, book["me"], "1-abc-123") == {"Louise Peeters": 1}


def test_bk3_a_customer_found_by_national_number_counts_all_his_policies(db, book):
    assert found(db, book["me"], book["marc"].national_number) == {"Marc Dubois": 1}


def test_bk2_another_agents_customer_and_contract_are_never_found(db, book):
    assert found(db, book["me"], "Van_Dam") == {}
    assert found(db, book["me"], "1XYZ999") == {}  # Louise's car with the other agent
    assert found(db, book["other"], "Peeters") == {"Louise Peeters": 1}


def test_percent_and_underscore_in_a_query_are_letters_not_wildcards(db, book):
    assert found(db, book["me"], "%") == {}
    assert found(db, book["me"], "Pe_ters") == {}
    assert found(db, book["other"], "van_d") == {"Zoé Van_Dam": 1}


def test_the_list_stops_at_its_limit(db, book):
    for n in range(portfolio.SEARCH_LIMIT + 2):
        person = build.add_person(db, first_name=f"Extra{n:02d}", last_name="Aaa")
        build.add_contract(db, person, "home", brand=Brand.PV, intermediary_id=book["me"].id)
    db.commit()
    hits = portfolio.search(db, book["me"], "")
    assert len(hits) == portfolio.SEARCH_LIMIT
    assert [h.person.first_name for h in hits[:2]] == ["Extra00", "Extra01"]


@pytest.mark.parametrize("text", ["", "peeters", "1-abc-123", "Van_Dam", "nobody"])
def test_bk3_the_tools_page_is_the_search_with_the_portfolios_size_in_one_statement(
    app, db, book, text
):
    """The tool's portfolio page reads the search's hits, in their order, and the number
    of his customers in one statement (issue 12), the size even when nothing matches."""
    with counted(app.extensions["db_engine"]) as seen:
        hits, size = portfolio.page(db, book["me"], text)
    assert len(seen) == 1
    assert (hits, size) == (portfolio.search(db, book["me"], text), 2)
    assert portfolio.portfolio_size(db, book["me"]) == 2


def test_bk3_an_empty_portfolio_has_no_hit_and_size_zero(db, book):
    assert portfolio.page(db, agent(db, "4200003"), "") == ([], 0)
    assert portfolio.page(db, agent(db, "4200004"), "peeters") == ([], 0)
