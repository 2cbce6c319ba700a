"""The S² catch-up before every console page and API call (S2-5..S2-7, issue 12): one
statement tells whether any box is open and reads the simulated clock with it, so a
console request with no open box pays one statement for both."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import event, update

from models.sim import ClockState, clock_now, real_now, set_clock
from models.telematics import S2Box, S2Stage
from portal.backoffice import s2pack
from tests.integration.test_s2pack_life import SIGNED, car, subscribed

__all__ = ["car"]  # the fixture this module borrows
MONDAY = datetime(2026, 11, 23, 9, 0)


def statements(db, call) -> tuple[object, int]:
    seen: list[str] = []
    engine = db.get_bind()

    def count(*_args) -> None:
        seen.append("")

    event.listen(engine, "before_cursor_execute", count)
    try:
        return call(), len(seen)
    finally:
        event.remove(engine, "before_cursor_execute", count)


def fresh(db):
    """The same database as a new request sees it."""
    db.commit()
    db.expunge_all()
    db.info.clear()


def test_with_no_open_box_one_statement_answers_and_reads_the_clock(db):
    set_clock(db, MONDAY, frozen=True)
    fresh(db)
    found, counted = statements(db, lambda: s2pack.any_open_box(db))
    assert found is False and counted == 1
    now, counted = statements(db, lambda: clock_now(db))
    assert now == MONDAY and counted == 0


def test_an_ordered_box_is_open_and_an_active_one_is_not(db, car):
    set_clock(db, SIGNED, frozen=True)
    box, _holder = subscribed(db, car)
    fresh(db)
    assert s2pack.any_open_box(db) is True
    db.execute(update(S2Box).where(S2Box.id == box.id).values(stage=S2Stage.ACTIVE))
    fresh(db)
    assert s2pack.any_open_box(db) is False


def test_without_a_clock_row_one_statement_still_answers_and_the_time_is_real(db, car):
    subscribed(db, car)
    db.execute(ClockState.__table__.delete())
    fresh(db)
    found, counted = statements(db, lambda: s2pack.any_open_box(db))
    assert found is True and counted == 1
    now, counted = statements(db, lambda: clock_now(db))
    assert abs(now - real_now()) < timedelta(seconds=5) and counted == 0


def test_a_running_clock_is_kept_as_an_offset(db):
    set_clock(db, real_now() + timedelta(days=3))
    fresh(db)
    s2pack.any_open_box(db)
    assert abs(clock_now(db) - (real_now() + timedelta(days=3))) < timedelta(seconds=5)
