"""The signed session cookie's verified contents kept per cookie value (auth/sessions.py,
issue 12): the same answers as Flask's own reading, without checking the signature again
on every page, and nothing one request changes reaching another."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import request
from itsdangerous import URLSafeTimedSerializer

from auth import sessions


def _opened(app, cookie: str | None):
    headers = {"Cookie": f"portal_sim_session={cookie}"} if cookie else {}
    with app.test_request_context("/", headers=headers):
        return app.session_interface.open_session(app, request)


def _cookie(app, data: dict) -> str:
    return app.session_interface.get_signing_serializer(app).dumps(data)


@pytest.fixture
def loads(app, monkeypatch):
    """How many times the signature was really checked."""
    calls = []
    original = URLSafeTimedSerializer.loads

    def counted(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(URLSafeTimedSerializer, "loads", counted)
    return calls


def test_a_cookie_value_is_verified_once_and_read_the_same_after(app, loads):
    cookie = _cookie(app, {"_user_id": "7", "sid": "abc", "seen_at": "2026-12-02T09:00:00"})
    first, second = _opened(app, cookie), _opened(app, cookie)
    assert (
        dict(first)
        == dict(second)
        == {
            "_user_id": "7",
            "sid": "abc",
            "seen_at": "2026-12-02T09:00:00",
        }
    )
    assert len(loads) == 1
    assert not second.modified


def test_what_a_request_changes_stays_in_that_request(app):
    cookie = _cookie(app, {"_flashes": [["info", "saved"]], "pending": {"mobile": "+32470"}})
    first = _opened(app, cookie)
    first["_flashes"].append(["info", "again"])
    first["pending"]["mobile"] = "changed"
    first["new"] = 1
    second = _opened(app, cookie)
    assert dict(second) == {"_flashes": [["info", "saved"]], "pending": {"mobile": "+32470"}}


def test_a_tampered_or_foreign_cookie_is_an_empty_session(app):
    cookie = _cookie(app, {"_user_id": "7"})
    assert dict(_opened(app, cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB"))) == {}
    other = URLSafeTimedSerializer("another-secret", salt="cookie-session").dumps({"_user_id": "1"})
    assert dict(_opened(app, other)) == {}


def test_a_kept_cookie_still_expires_with_the_session_lifetime(app, monkeypatch):
    app.permanent_session_lifetime = timedelta(minutes=10)
    cookie = _cookie(app, {"_user_id": "7"})
    assert dict(_opened(app, cookie)) == {"_user_id": "7"}
    later = sessions.time.time() + 11 * 60
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    assert dict(_opened(app, cookie)) == {}


def test_a_new_secret_key_does_not_read_the_old_kept_cookie(app):
    cookie = _cookie(app, {"_user_id": "7"})
    assert dict(_opened(app, cookie)) == {"_user_id": "7"}
    app.secret_key = "rotated-" + str(app.secret_key)
    assert dict(_opened(app, cookie)) == {}


def test_the_kept_values_are_bounded(app, monkeypatch):
    monkeypatch.setattr(sessions, "OPENED_KEPT", 3)
    for n in range(10):
        _opened(app, _cookie(app, {"n": n}))
    assert len(app.session_interface._opened) <= 3
