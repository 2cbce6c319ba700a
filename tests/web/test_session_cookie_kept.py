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


def _saved(app, session) -> dict:
    response = app.response_class("")
    with app.test_request_context("/"):
        app.session_interface.save_session(app, session, response)
    return {"set-cookie": response.headers.getlist("Set-Cookie"), "vary": response.vary}


def test_a_session_left_as_it_came_sends_no_cookie_but_varies_with_it(app):
    session = _opened(app, _cookie(app, {"_user_id": "7"}))
    session.accessed = True  # as reading `flask.session` during a request marks it
    saved = _saved(app, session)
    assert saved["set-cookie"] == [] and "Cookie" in saved["vary"]


def test_a_changed_or_refreshed_session_is_written_as_flask_writes_it(app):
    changed = _opened(app, _cookie(app, {"_user_id": "7"}))
    changed["seen_at"] = "2026-12-02T10:00:00"
    assert [c for c in _saved(app, changed)["set-cookie"] if c.startswith("portal_sim_session=")]
    permanent = _opened(app, _cookie(app, {"_user_id": "7", "_permanent": True}))
    assert _saved(app, permanent)["set-cookie"]  # SESSION_REFRESH_EACH_REQUEST
    emptied = _opened(app, _cookie(app, {"_user_id": "7"}))
    emptied.clear()
    assert any("Expires=Thu, 01 Jan 1970" in c for c in _saved(app, emptied)["set-cookie"])


def test_a_session_left_as_it_came_works_out_no_cookie_attribute(app, monkeypatch):
    session = _opened(app, _cookie(app, {"_user_id": "7"}))

    def worked_out(*_args):
        raise AssertionError("cookie attributes worked out for a cookie never sent")

    monkeypatch.setattr(type(app.session_interface), "get_cookie_domain", worked_out)
    assert _saved(app, session)["set-cookie"] == []
