"""Sessions per brand space: timeouts, logout, renewal at login (BR-1, RG-2)."""

from __future__ import annotations

from datetime import datetime, timedelta

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
