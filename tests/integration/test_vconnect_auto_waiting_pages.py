"""The console's quotes waiting for analysis (VA-8) a page at a time: PAGE_SIZE quotes,
the oldest request first, the next page after the last one shown (its request time,
then its id when two requests are at the same moment), however many quotes wait."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models import AutoQuote
from models.vconnect_auto import QuoteStatus
from portal.backoffice.vconnect_auto.waiting import PAGE_SIZE, After, waiting_for_analysis
from tests.integration.test_vconnect_auto import NOW, broker, customer, draft


def waiting(db, count: int, minutes=lambda i: i) -> list[str]:
    """`count` quotes in analysis, the i-th asked `minutes(i)` after NOW; their numbers."""
    me = broker(db)
    person = customer(db, me)
    numbers = []
    for i in range(count):
        quote = draft(db, me, person)
        quote.status, quote.updated_at = QuoteStatus.ANALYSIS, NOW + timedelta(minutes=minutes(i))
        numbers.append(quote.number)
    db.flush()
    return numbers


def test_va8_exactly_one_page_of_quotes_has_no_next_page(db):
    numbers = waiting(db, PAGE_SIZE)
    page = waiting_for_analysis(db)
    assert [q.number for q in page.quotes] == numbers and page.after is None


def test_va8_one_quote_more_than_a_page_waits_on_the_next_page(db):
    numbers = waiting(db, PAGE_SIZE + 1)
    first = waiting_for_analysis(db)
    assert [q.number for q in first.quotes] == numbers[:PAGE_SIZE]
    assert first.after == After(NOW + timedelta(minutes=PAGE_SIZE - 1), first.quotes[-1].id)
    second = waiting_for_analysis(db, first.after)
    assert [q.number for q in second.quotes] == numbers[PAGE_SIZE:] and second.after is None


def test_va8_requests_at_the_same_moment_are_paged_by_id_none_lost_none_twice(db):
    numbers = waiting(db, PAGE_SIZE + 2, minutes=lambda i: 0)
    first = waiting_for_analysis(db)
    second = waiting_for_analysis(db, first.after)
    assert [q.number for q in first.quotes + second.quotes] == numbers
    assert first.after.at == NOW and len(second.quotes) == 2


def test_va8_nothing_waiting_is_an_empty_page_without_a_next_one(db):
    page = waiting_for_analysis(db)
    assert page.quotes == [] and page.after is None


def test_va8_a_cursor_after_the_last_quote_gives_an_empty_page(db):
    waiting(db, 3)
    last = waiting_for_analysis(db).quotes[-1]
    page = waiting_for_analysis(db, After(last.since, last.id))
    assert page.quotes == [] and page.after is None


def test_va8_a_later_page_skips_a_quote_decided_meanwhile_without_shifting(db):
    numbers = waiting(db, PAGE_SIZE + 2)
    first = waiting_for_analysis(db)
    decided = db.scalars(select(AutoQuote).where(AutoQuote.number == numbers[0])).one()
    decided.status = QuoteStatus.APPROVED  # by the trainer, on the first page
    db.flush()
    second = waiting_for_analysis(db, first.after)
    assert [q.number for q in second.quotes] == numbers[PAGE_SIZE:]
