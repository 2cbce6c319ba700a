"""VA-5 through the services on a real session: the quote keeps the return-slip term the
broker chose (30 by default), an unknown term is refused before anything is written, and
the policy's deadline follows the term."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models import AutoQuote
from models.vconnect_auto import QuoteStatus
from portal.backoffice.errors import Conflict, Malformed
from portal.backoffice.vconnect_auto import lifecycle, policy, quotes
from tests.integration.test_vconnect_auto import (
    NOW,
    TARIFF,
    broker,
    customer,
    draft,
    to_policy,
    with_vehicle,
)


def test_va5_a_quote_is_created_with_a_30_day_term_unless_the_broker_chooses(db):
    me = broker(db)
    assert draft(db, me).term_days == 30
    for term in (45, 60, 90):
        assert draft(db, me, term_days=term).term_days == term


@pytest.mark.parametrize("term", [0, 31, 120])
def test_va5_a_quote_with_another_term_is_refused_and_not_written(db, term):
    me = broker(db)
    person = customer(db, me)
    with pytest.raises(Malformed) as refused:
        draft(db, me, person, term_days=term)
    assert (refused.value.code, refused.value.details["rule"]) == ("term_days_invalid", "VA-5")
    assert db.scalar(select(func.count()).select_from(AutoQuote)) == 0


@pytest.mark.parametrize("term", [45, 60, 90])
def test_va5_the_policy_deadline_is_its_due_date_plus_the_chosen_term(db, term):
    me = broker(db)
    quote = to_policy(db, me, with_vehicle(db, me, draft(db, me, term_days=term)))
    _, contract = policy.issued(db, me, quote.number)
    deadline = policy.return_slip_deadline(quote, contract)
    assert deadline == contract.renewal_date + timedelta(days=term)


def test_va5_the_policy_deadline_of_a_30_day_term_ends_the_due_month_plus_30_days(db):
    me = broker(db)
    quote = to_policy(db, me, with_vehicle(db, me, draft(db, me)))
    _, contract = policy.issued(db, me, quote.number)
    assert contract.renewal_date == date(2027, 11, 23)
    assert policy.return_slip_deadline(quote, contract) == date(2027, 12, 30)


def test_va5_another_term_on_an_offered_quote_takes_it_back_to_draft(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    lifecycle.make_offer(db, me, quote.number, NOW, TARIFF)
    changed = quotes.set_term(db, me, quote.number, 60, NOW, tariff=TARIFF)
    assert (changed.term_days, changed.status) == (60, QuoteStatus.DRAFT)


def test_va5_an_issued_policy_keeps_its_term(db):
    me = broker(db)
    quote = to_policy(db, me, with_vehicle(db, me, draft(db, me, term_days=45)))
    with pytest.raises(Conflict):
        quotes.set_term(db, me, quote.number, 90, NOW, tariff=TARIFF)
    assert quote.term_days == 45


def test_va5_a_duplicated_quote_keeps_the_term(db):
    me = broker(db)
    quote = draft(db, me, term_days=90)
    assert lifecycle.duplicate(db, me, quote.number, NOW).term_days == 90
