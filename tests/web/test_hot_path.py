"""Issue 12: a logged-in customer's page reads the account, the person, the live session
and the simulated clock in one statement, and keeps every rule that reads them (the
idle timeout, the `seen_at` refresh, BR-1's brand check)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from models import Brand, PortalSession
from models.brands import PROFILES
from models.sim import ClockState, advance_clock
from seed.build import add_person
from tests.conftest import session_cookie
from tests.web.test_query_counts import counted

T0 = datetime(2026, 3, 2, 10, 0)


def _logged_in_help(app, client, db, login, freeze):
    freeze(T0)
    login(add_person(db, first_name="Hot"), Brand.PV)
    db.commit()
    client.get("/pv/nl/help")  # the session now shows this page: no write on the next


def test_a_page_the_session_already_shows_reads_account_session_and_clock_in_one_select(
    app, client, db, login, freeze
):
    _logged_in_help(app, client, db, login, freeze)
    with counted(app.extensions["db_engine"]) as statements:
        html = client.get("/pv/nl/help").get_data(as_text=True)
    assert "/pv/nl/logout" in html
    assert len(statements) == 1, statements
    assert all(table in statements[0] for table in ("account", "portal_session", "sim_clock"))


def test_a_clock_moved_between_two_pages_is_read_afresh_and_refreshes_seen_at(
    app, client, db, login, freeze
):
    _logged_in_help(app, client, db, login, freeze)
    advance_clock(db, timedelta(minutes=5))
    db.commit()
    assert "/pv/nl/logout" in client.get("/pv/nl/help").get_data(as_text=True)
    db.expire_all()
    seen = db.scalars(select(PortalSession.seen_at)).all()
    assert seen == [T0 + timedelta(minutes=5)]


def test_a_clock_moved_past_the_idle_timeout_logs_the_customer_out_on_the_next_page(
    app, client, db, login, freeze
):
    _logged_in_help(app, client, db, login, freeze)
    advance_clock(db, timedelta(minutes=31))
    db.commit()
    html = client.get("/pv/nl/").get_data(as_text=True)
    assert 'data-testid="session-expired"' in html and "/pv/nl/logout" not in html


def test_without_a_clock_row_the_customer_page_still_opens_on_real_time(app, client, db, login):
    login(add_person(db, first_name="NoClock"), Brand.PV)
    db.execute(delete(ClockState))
    db.commit()
    html = client.get("/pv/nl/help").get_data(as_text=True)
    assert "/pv/nl/logout" in html


def test_the_one_select_still_refuses_a_live_session_shown_in_another_brand_space(
    app, client, db, login, freeze
):
    """BR-1: a live session of a P&V account, carried in Vivium's cookie, is anonymous."""
    freeze(T0)
    account = login(add_person(db, first_name="Elsewhere"), Brand.PV)
    _, value, _ = session_cookie(app, Brand.PV, account.id)
    client.set_cookie(PROFILES[Brand.VIVIUM].cookie_name, value, path="/vivium")
    assert "/pv/nl/logout" in client.get("/pv/nl/help").get_data(as_text=True)
    assert "/vivium/fr/logout" not in client.get("/vivium/fr/help").get_data(as_text=True)
