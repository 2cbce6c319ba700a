"""The intermediary's access to a customer's document and the V-Connect Auto mark of a
policy, on a real session (BK-2, BK-3, DC-1, VA-10): portal.backoffice.portfolio."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from models import AutoQuote, Brand, Contract, Document, Intermediary, Person
from models.enums import DocumentKind
from portal.backoffice import portfolio
from portal.backoffice.errors import NotFound
from seed import build
from seed.demo import load_demo
from tests.web.test_intermediary_query_counts import intermediary

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def held(db):
    """Two Vivium brokers; the first holds a customer with a life contract whose 2025 tax
    certificate is issued on 15/02/2026."""
    me, other = (intermediary(db, Brand.VIVIUM, number) for number in ("8009001", "8009002"))
    person = build.add_person(db, first_name="Docs", last_name="Courtier")
    life = build.add_contract(db, person, "life_pension_savings", brand=Brand.VIVIUM,
                              intermediary=me)  # fmt: skip
    db.flush()
    doc = Document(contract_id=life.id, kind=DocumentKind.TAX_CERTIFICATE, year=2025,
                   issued_on=date(2026, 2, 15), amount_cents=100)  # fmt: skip
    db.add(doc)
    db.commit()
    return me, other, person, doc


def test_bk2_the_intermediary_gets_the_document_the_customer_sees(db, catalogue, held):
    me, _, person, doc = held
    assert portfolio.document(db, me, person.id, doc.id, TODAY, catalogue) == (person, doc)


def test_dc1_a_document_is_there_from_its_issue_day_on(db, catalogue, held):
    me, _, person, doc = held
    assert portfolio.document(db, me, person.id, doc.id, date(2026, 2, 15), catalogue)
    with pytest.raises(NotFound) as refused:
        portfolio.document(db, me, person.id, doc.id, date(2026, 2, 14), catalogue)
    assert refused.value.code == "document_not_found"


def test_bk3_another_intermediary_does_not_get_the_customers_document(db, catalogue, held):
    _, other, person, doc = held
    with pytest.raises(NotFound) as refused:
        portfolio.document(db, other, person.id, doc.id, TODAY, catalogue)
    assert refused.value.code == "customer_not_found"


def test_bk3_a_document_of_another_customer_is_not_found(db, catalogue, held):
    me, _, person, _ = held
    stranger = build.add_person(db, first_name="Autre")
    theirs = build.add_contract(db, stranger, "life_pension_savings", brand=Brand.VIVIUM)
    found = build.add_life_documents(db, theirs, [2025])[0]
    db.commit()
    with pytest.raises(NotFound) as refused:
        portfolio.document(db, me, person.id, found.id, TODAY, catalogue)
    assert refused.value.code == "document_not_found"


def test_va10_a_policy_says_whether_its_intermediary_issued_it_in_v_connect_auto(db, catalogue):
    load_demo(db)
    db.commit()
    quote, number = db.execute(
        select(AutoQuote, Contract.number).join(Contract, Contract.id == AutoQuote.contract_id)
    ).first()
    me = db.get(Intermediary, quote.intermediary_id)
    assert portfolio.policy(db, me, number, NOW, catalogue).in_vconnect_auto
    person = db.get(Person, db.get(Contract, quote.contract_id).holder_id)
    car = build.add_contract(db, person, "car", brand=Brand.VIVIUM, intermediary=me)
    db.commit()
    assert not portfolio.policy(db, me, car.number, NOW, catalogue).in_vconnect_auto
