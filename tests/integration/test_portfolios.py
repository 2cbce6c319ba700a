"""Portfolios on a real session (BK-3): the demo intermediaries hold the personas,
generated customers go to generated intermediaries by holder, deterministically, and the
tool's queries do not grow with what a customer holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from models import Brand, Contract, Intermediary
from portal.backoffice import portfolio
from portal.backoffice.errors import Forbidden, NotFound
from seed import build
from seed.bulk import seed_customers
from seed.demo import load_demo
from seed.intermediaries import PORTFOLIO_SIZE, assign_portfolios
from tests.web.test_query_counts import counted

NOW = datetime(2026, 11, 23, 9, 0)


def test_bk3_every_persona_contract_is_in_a_demo_portfolio(db):
    load_demo(db)
    db.commit()
    without = db.scalar(select(func.count()).where(Contract.intermediary_id.is_(None)))
    assert without == 0
    brands = db.execute(
        select(Contract.brand, Intermediary.brand).join(
            Intermediary, Intermediary.id == Contract.intermediary_id
        )
    ).all()
    assert all(contract == holder for contract, holder in brands)


def test_bk3_generated_customers_get_portfolios_of_realistic_size(db):
    seed_customers(db, 700, seed=11)
    db.commit()
    without = db.scalar(select(func.count()).where(Contract.intermediary_id.is_(None)))
    assert without == 0
    sizes = db.execute(
        select(Contract.intermediary_id, func.count(func.distinct(Contract.holder_id))).group_by(
            Contract.intermediary_id
        )
    ).all()
    assert len(sizes) >= 4 and max(size for _, size in sizes) <= PORTFOLIO_SIZE + 50
    holders = db.execute(
        select(
            Contract.holder_id, Contract.brand, func.count(func.distinct(Contract.intermediary_id))
        ).group_by(Contract.holder_id, Contract.brand)
    ).all()
    assert all(count == 1 for *_, count in holders), "one intermediary per holder and brand"


def test_assigning_twice_changes_nothing_and_is_the_same_on_every_run(db):
    person = build.add_person(db)
    build.add_contract(db, person, "car", brand=Brand.VIVIUM)
    db.flush()
    assert assign_portfolios(db) == 1
    first = db.scalar(select(Contract.intermediary_id))
    assert assign_portfolios(db) == 0
    producer = db.get(Intermediary, first).producer_number
    assert producer == "8001000"


def test_sign_in_refuses_a_wrong_password_and_a_generated_intermediary(db):
    load_demo(db)
    person = build.add_person(db)
    build.add_contract(db, person, "car", brand=Brand.PV)
    assign_portfolios(db)
    db.commit()
    assert portfolio.sign_in(db, Brand.PV, "4000101", "demo-intermediary").first_name == "Annelies"
    for number, password in (("4000101", "wrong"), ("4001000", ""), ("", "x")):
        try:
            portfolio.sign_in(db, Brand.PV, number, password)
        except Forbidden as exc:
            assert exc.code == "wrong_credentials"
        else:
            raise AssertionError(f"{number} signed in")


def test_bk2_the_customer_of_another_intermediary_is_not_found(app, db, catalogue):
    load_demo(db)
    db.commit()
    benoit = db.scalars(select(Intermediary).where(Intermediary.producer_number == "4000102")).one()
    louise_id = db.scalar(select(Contract.holder_id).where(Contract.number == "3654654"))
    try:
        portfolio.customer(db, benoit, louise_id, NOW, catalogue)
    except NotFound as exc:
        assert exc.code == "customer_not_found"
    else:
        raise AssertionError("another agent's customer was shown")


def test_the_account_page_uses_as_many_queries_for_one_policy_as_for_ten(app, db, catalogue):
    load_demo(db)
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "4000101")).one()
    counts = []
    for n in (1, 10):
        person = build.add_person(db, first_name=f"Q{n}")
        for i in range(n):
            life = build.add_contract(db, person, "life_pension_savings", brand=Brand.PV,
                                      intermediary=me,
                                      components=[{"kind": "pension_savings"}] * 2)  # fmt: skip
            build.add_contract(db, person, "car", brand=Brand.PV, intermediary=me,
                               vehicle_plate=f"1QC{n}{i:02d}")  # fmt: skip
            build.add_life_documents(db, life, [2024, 2025])
        db.commit()
        with counted(db.get_bind()) as statements:
            portfolio.customer(db, me, person.id, NOW, catalogue)
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


def test_bk3_the_portfolio_list_counts_rows_so_postgresql_reads_the_index_alone(db):
    """BK-3: each customer's number of policies is `count(*)`, not `count(contract.id)`:
    PostgreSQL then answers from ix_contract_intermediary_holder without the contract rows
    (an index-only scan; issue 12), with the same counts."""
    load_demo(db)
    db.commit()
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "4000101")).one()
    with counted(db.get_bind()) as statements:
        hits = portfolio.search(db, me, "")
    assert len(statements) == 1
    assert "count(*)" in statements[0] and "count(contract.id)" not in statements[0]
    held = db.execute(
        select(Contract.holder_id, func.count())
        .where(Contract.intermediary_id == me.id)
        .group_by(Contract.holder_id)
    ).all()
    assert {hit.person.id: hit.contracts for hit in hits} == dict(held)
