"""The simulated clock read along with another query (issue 12): the customer pages'
account query brings the clock's row, and `clock_now` then needs no statement of its
own, yet a change of the clock in the same session is what it answers."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import event

from models.sim import clock_now, real_now, remember_clock, set_clock

MONDAY = datetime(2026, 3, 2, 9, 30)


def _statements(db) -> list[str]:
    seen: list[str] = []
    event.listen(db.get_bind(), "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_a_clock_read_with_the_account_costs_no_statement(db):
    remember_clock(db, 0, MONDAY)
    seen = _statements(db)
    assert clock_now(db) == MONDAY
    assert seen == []


def test_a_running_clock_read_with_the_account_adds_its_offset(db):
    remember_clock(db, 3600, None)
    assert abs(clock_now(db) - (real_now() + timedelta(hours=1))) < timedelta(seconds=5)


def test_no_clock_row_read_with_the_account_is_the_real_time(db):
    remember_clock(db, None, None)
    assert abs(clock_now(db) - real_now()) < timedelta(seconds=5)


def test_setting_the_clock_in_the_same_session_wins_over_what_was_read(db):
    set_clock(db, MONDAY, frozen=True)
    db.commit()
    remember_clock(db, 0, MONDAY)
    set_clock(db, MONDAY + timedelta(days=3), frozen=True)
    assert clock_now(db) == MONDAY + timedelta(days=3)
    db.commit()
    db.expunge_all()  # the row leaves the identity map: what was read is gone too
    assert clock_now(db) == MONDAY + timedelta(days=3)


def test_a_tool_users_query_brings_the_clock_and_the_tool_reads_no_clock_statement(db):
    """The intermediaries' tools: the signed-in intermediary's query reads the clock's
    row too (portal.backoffice.portfolio.signed_in)."""
    from models import Brand
    from portal.backoffice import portfolio
    from seed.intermediaries import generated

    me = generated(Brand.VIVIUM, 1)
    db.add(me)
    set_clock(db, MONDAY, frozen=True)
    db.commit()
    db.expunge_all()
    portfolio.signed_in(db, Brand.VIVIUM, me.id, "vconnect")
    seen = _statements(db)
    assert clock_now(db) == MONDAY and seen == []
