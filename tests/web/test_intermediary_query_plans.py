"""The statements of the console's pages and the intermediaries' portfolio pages find
their rows through an index (issue 12): with 100,000 customers and 1,000,000 outbox
messages a scan of a large table per request is what made them slow.

The plans are SQLite's, on the models' schema (tests/web/test_migrations.py keeps the
migrations in step with it)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select

import models  # noqa: F401  (every table on the metadata)
from models import Contract, Person
from models.base import Base
from models.telematics import S2Box
from portal.backoffice.s2pack.clock import OPEN


@pytest.fixture(scope="module")
def plan():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)

    def explain(query) -> str:
        sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
        return "\n".join(row[-1] for row in rows)

    yield explain
    engine.dispose()


def test_the_open_s2_boxes_every_console_page_plays_are_searched_by_their_stage(plan):
    """S2-5..S2-7's catch-up runs before every console page and API call: it starts from
    the few open boxes, never from every person and contract."""
    query = (
        select(S2Box.id)
        .join(Contract, Contract.id == S2Box.contract_id)
        .join(Person, Person.id == Contract.holder_id)
        .where(S2Box.stage.in_(OPEN))
    )
    found = plan(query)
    assert "SEARCH s2_box USING INDEX ix_s2_box_stage" in found
    assert "SCAN" not in found


def test_a_portfolio_is_counted_from_the_index_alone(plan):
    """BK-3: the size of an intermediary's portfolio reads no contract row."""
    query = select(func.count(func.distinct(Contract.holder_id))).where(
        Contract.intermediary_id == 7
    )
    assert "USING COVERING INDEX ix_contract_intermediary_holder" in plan(query)


def test_a_portfolio_page_reaches_its_customers_through_the_same_index(plan):
    """BK-3: the portfolio's first customers, from his contracts' index to each record."""
    query = (
        select(Person.id, func.count(Contract.id))
        .join(Contract, Contract.holder_id == Person.id)
        .where(Contract.intermediary_id == 7)
        .group_by(Person.id)
    )
    found = plan(query)
    assert "SEARCH contract USING COVERING INDEX ix_contract_intermediary_holder" in found
    assert "SEARCH person USING INTEGER PRIMARY KEY" in found


def test_a_portfolio_search_reads_contract_numbers_and_plates_from_the_index_alone(plan):
    """BK-3: the search the tools run (portal.backoffice.portfolio.LISTINGS, SQLite's):
    the contracts matching a number or a plate, and each hit's count, come from the
    portfolio index without one contract row read (issue 12)."""
    from portal.backoffice.portfolio import LISTINGS

    values = {"me": 7, "like": "%x%", "digits": "", "number": "7001168230", "plate": "1ABC234"}
    found = plan(LISTINGS[True, True].params(values))
    contract_lines = [line for line in found.splitlines() if "contract" in line]
    assert contract_lines and all(
        "COVERING INDEX ix_contract_intermediary_holder" in line for line in contract_lines
    ), found


@pytest.mark.parametrize("by_text", [False, True])
def test_on_postgresql_a_portfolio_s_holders_are_given_as_one_array(by_text):
    """BK-3 (issue 12): PostgreSQL hashes an `IN (subquery)` of the portfolio's holders
    and scans every person (20 ms with 100,000 customers); the tools' statement gives the
    holders as one array, read once, so each holder is read by primary key (2 to 3 ms)."""
    from sqlalchemy.dialects import postgresql

    from portal.backoffice.portfolio import LISTINGS

    sql = str(LISTINGS[by_text, False].compile(dialect=postgresql.dialect()))
    assert "FROM person \nWHERE person.id = ANY (CAST((SELECT array_agg(contract.holder_id)" in sql
