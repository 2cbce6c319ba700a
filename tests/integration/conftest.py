"""Integration fixtures: the flows and services on a real database session, without
HTTP. They reuse tests/conftest.py's `app` (SQLite file, or PostgreSQL with
TEST_DATABASE_URL) and `db` (a session of that app); each test calls a service the way
its view does, then commits where the view commits (after a success, and after a
refusal that counted something)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from auth.settings import AuthSettings
from models import Brand, Contract, Language
from models.sim import clock_now, set_clock
from seed import build

MONDAY = datetime(2026, 11, 23, 9, 0)
BIRTH = date(1985, 3, 12)


@pytest.fixture
def rules(app) -> AuthSettings:
    return app.extensions["auth_settings"]


@pytest.fixture
def catalogue(app):
    return app.extensions["catalogue"]


@pytest.fixture
def now(db) -> Callable[[], datetime]:
    """The simulated clock, frozen on Monday 23 November 2026 at 09:00; `now()` reads it
    as the views do (move it with models.sim.advance_clock)."""
    set_clock(db, MONDAY, frozen=True)
    db.commit()
    return lambda: clock_now(db)


@pytest.fixture
def contract(db) -> Contract:
    """An active P&V life contract of a Dutch-speaking holder without an account."""
    holder = build.add_person(
        db, first_name="Louise", last_name="Peeters", birth_date=BIRTH, language=Language.NL
    )
    contract = build.add_contract(db, holder, "life_pension_savings", brand=Brand.PV)
    db.commit()
    return contract
