"""The console reads the simulated clock once per request (issue 12): the S² catch-up,
the page and its clock in the bar share one moment, and a request that sets or moves the
clock reads it again (S2-5..S2-7 are played at the clock's time)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models.sim import advance_clock, set_clock
from portal.db import get_session
from portal.sim import blueprints

MONDAY = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def clock_reads(monkeypatch) -> list[datetime]:
    reads: list[datetime] = []
    real = blueprints.clock_now

    def counted(session):
        reads.append(real(session))
        return reads[-1]

    monkeypatch.setattr(blueprints, "clock_now", counted)
    return reads


@pytest.mark.parametrize("path", ["/sim/", "/sim/outbox", "/sim/support"])
def test_a_console_page_reads_the_clock_once(client, db, clock_reads, path):
    set_clock(db, MONDAY, frozen=True)
    db.commit()
    response = client.get(path)
    assert response.status_code == 200
    assert "23/11/2026 09:00" in response.get_data(as_text=True)
    assert len(clock_reads) == 1


def test_a_request_that_moves_the_clock_reads_it_again(app, db, clock_reads):
    set_clock(db, MONDAY, frozen=True)
    db.commit()
    with app.test_request_context("/sim/"):
        session = get_session()
        assert blueprints.console_now() == MONDAY
        assert blueprints.console_now() == MONDAY
        advance_clock(session, timedelta(days=1))
        assert blueprints.console_now() == MONDAY + timedelta(days=1)
        set_clock(session, MONDAY, frozen=True)
        assert blueprints.console_now() == MONDAY
    assert len(clock_reads) == 3
