"""Sessions per brand space: timeouts, logout, renewal at login (BR-1, RG-2)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models import Brand
from models.sim import advance_clock
from tests.conftest import csrf_token

T0 = datetime(2026, 11, 23, 9, 0)


def test_an_idle_session_ends_after_30_minutes(client, db, freeze, personas, person_named, login):
    freeze(T0)
    login(person_named("Louise"), Brand.PV)
    advance_clock(db, timedelta(minutes=29))
    db.commit()
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)
    advance_clock(db, timedelta(minutes=31))
    db.commit()
    html = client.get("/pv/nl/").get_data(as_text=True)
    assert 'data-testid="session-expired"' in html and 'data-testid="welcome"' not in html


def test_an_active_session_still_ends_after_twelve_hours(
    client, db, freeze, personas, person_named, login
):
    freeze(T0)
    login(person_named("Louise"), Brand.PV)
    for _ in range(25):
        advance_clock(db, timedelta(minutes=29))
        db.commit()
        client.get("/pv/nl/documents")
    assert 'data-testid="session-expired"' in client.get("/pv/nl/").get_data(as_text=True)


@pytest.fixture
def real_time_passes(monkeypatch):
    """real_time_passes(seconds): the wall clock the signed cookie's timestamp is read
    against moves on, while the simulated clock stays where it is."""
    import time

    from itsdangerous.timed import TimestampSigner

    def _pass(seconds: int) -> None:
        moment = int(time.time()) + seconds
        monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _self: moment)

    return _pass


@pytest.mark.parametrize("real_minutes", [31, 3 * 60, 13 * 60])
def test_with_the_clock_frozen_an_active_customer_stays_signed_in_in_real_time(
    client, freeze, personas, person_named, login, real_time_passes, real_minutes
):
    """Idle (30 min) and absolute (12 h) timeouts follow the simulated clock alone: with
    the clock frozen, real minutes do not log a customer out (issue 10 item 5)."""
    freeze(T0)
    login(person_named("Louise"), Brand.PV)
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)
    real_time_passes(real_minutes * 60)
    assert client.get("/pv/nl/documents").status_code == 200
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)


def test_the_session_cookie_ends_with_the_browser(client, flow_login):
    """No Expires/Max-Age: the browser drops it when it closes; the server-side session
    carries the timeouts."""
    flow_login()
    response = client.get("/pv/nl/")
    assert 'data-testid="welcome"' in response.get_data(as_text=True)
    for header in response.headers.getlist("Set-Cookie"):
        assert "Expires=" not in header and "Max-Age=" not in header


def test_logout_is_a_post_with_a_csrf_token(client, personas, person_named, login):
    login(person_named("Louise"), Brand.PV)
    assert client.get("/pv/nl/logout").status_code == 405
    assert client.post("/pv/nl/logout").status_code == 400
    page = client.get("/pv/nl/").get_data(as_text=True)
    response = client.post("/pv/nl/logout", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert 'data-testid="logged-out"' in client.get("/pv/nl/").get_data(as_text=True)


def test_safe_next_keeps_only_paths_of_this_brand_space(app):
    from flask import g

    from portal.views.auth_common import safe_next

    with app.test_request_context("/pv/nl/"):
        g.brand = Brand.PV
        assert safe_next("/pv/nl/documents") == "/pv/nl/documents"
        for bad in (
            "https://evil.example/",
            "//evil.example/pv/",
            "/vivium/fr/",
            "/\\evil",
            "javascript:alert(1)",
        ):
            assert safe_next(bad) is None, bad


def test_a_session_cookie_copied_before_logout_no_longer_works(client, app, flow_login):
    """Logout ends the session on the server, not only in the browser."""
    cookie = flow_login()
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)
    page = client.get("/pv/nl/").get_data(as_text=True)
    client.post("/pv/nl/logout", data={"csrf_token": csrf_token(page)})
    client.set_cookie("mypv_session", cookie, path="/pv")
    assert 'data-testid="landing-title"' in client.get("/pv/nl/").get_data(as_text=True)


def test_login_gives_a_new_session_and_drops_what_was_there_before(client, flow_login):
    with client.session_transaction("/pv/nl/") as session:
        session["planted"] = "before login"
    before = client.get_cookie("mypv_session", path="/pv").value
    after = flow_login()
    assert after != before
    with client.session_transaction("/pv/nl/") as session:
        assert "planted" not in session and "sid" in session


@pytest.fixture
def flow_login(client, submit, db, personas):
    """Register Louise through the real flow; returns the session cookie after login."""
    from sqlalchemy import select

    from models import Channel, OutboxMessage
    from portal.sim.control import deliver_all_letters

    def newest(channel):
        if channel == Channel.LETTER:  # a code works once its letter arrived (RG-6)
            deliver_all_letters(db)
            db.commit()
        db.expire_all()
        return (
            db.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.channel == channel)
                .order_by(OutboxMessage.id.desc())
            )
            .first()
            .code
        )

    def _login():
        submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
        data = {
            "contract_number": "5436548",
            "code": newest(Channel.LETTER),
            "email": "l@example.be",
            "password": "correct horse battery",
            "mobile": "0470123456",
        }
        submit("/pv/nl/register/activate", data)
        submit("/pv/nl/register/confirm", {"code": newest(Channel.SMS)})
        return client.get_cookie("mypv_session", path="/pv").value

    return _login
