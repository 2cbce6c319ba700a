"""The console token on a shared instance (issue 10 item 4; SECURITY.md, V8.2.1, V7.2.1):
never kept in clear in a cookie, dropped from the URL at once, typed into a POST form,
masked in the access logs."""

from __future__ import annotations

import logging

import pytest

from auth.sessions import NEUTRAL_COOKIE
from portal.sim.access import TokenMaskFilter
from tests.conftest import csrf_token

REMOTE = {"REMOTE_ADDR": "192.0.2.10"}


def neutral_session(app, client) -> dict:
    cookie = client.get_cookie(NEUTRAL_COOKIE)
    assert cookie is not None
    serializer = app.session_interface.get_signing_serializer(app)
    return serializer.loads(cookie.value)


def test_a_token_in_the_url_is_dropped_by_a_redirect_and_only_a_flag_is_kept(app, client):
    token = app.config["SIM_TOKEN"]
    response = client.get(f"/sim/outbox?channel=sms&token={token}", environ_base=REMOTE)
    assert response.status_code == 302
    assert response.location == "/sim/outbox?channel=sms"
    assert token not in client.get_cookie(NEUTRAL_COOKIE).value
    assert token not in repr(neutral_session(app, client))
    assert client.get("/sim/outbox", environ_base=REMOTE).status_code == 200


def test_a_cookie_holding_the_token_in_clear_no_longer_opens_the_console(app, client):
    with client.session_transaction("/sim/") as session:
        session["sim_token"] = app.config["SIM_TOKEN"]
    assert client.get("/sim/", environ_base=REMOTE).status_code == 403


def test_a_sign_in_flag_of_another_token_is_refused(app, client):
    client.get(f"/sim/?token={app.config['SIM_TOKEN']}", environ_base=REMOTE)
    app.config["SIM_TOKEN"] = "a-new-token-after-a-restart"
    assert client.get("/sim/", environ_base=REMOTE).status_code == 403


def test_the_refusal_page_signs_in_with_a_post_form(app, client):
    refused = client.get("/sim/outbox", environ_base=REMOTE)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 403 and 'data-testid="sim-signin-form"' in html
    assert 'method="post"' in html and 'type="password"' in html
    data = {"csrf_token": csrf_token(html), "token": app.config["SIM_TOKEN"], "next": "/sim/outbox"}
    signed = client.post("/sim/signin", data=data, environ_base=REMOTE)
    assert signed.status_code == 302 and signed.location == "/sim/outbox"
    assert client.get("/sim/outbox", environ_base=REMOTE).status_code == 200


def test_a_wrong_token_in_the_form_is_refused_with_the_form_again(client):
    page = client.get("/sim/signin", environ_base=REMOTE).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "token": "wrong"}
    refused = client.post("/sim/signin", data=data, environ_base=REMOTE)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 403 and 'data-testid="sim-signin-error"' in html
    assert client.get("/sim/", environ_base=REMOTE).status_code == 403


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "/sim/\x00", ""]
)
def test_the_sign_in_goes_back_only_to_a_local_path(app, client, target):
    page = client.get("/sim/signin", environ_base=REMOTE).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "token": app.config["SIM_TOKEN"], "next": target}
    signed = client.post("/sim/signin", data=data, environ_base=REMOTE)
    assert signed.status_code == 302 and signed.location == "/sim/"


def test_the_sign_in_form_needs_its_csrf_token(app, client):
    data = {"token": app.config["SIM_TOKEN"]}
    assert client.post("/sim/signin", data=data, environ_base=REMOTE).status_code == 400


def test_the_api_does_not_take_the_token_from_the_url(app, client):
    """Scripts send a header; a token in an API URL would end up in logs."""
    token = app.config["SIM_TOKEN"]
    response = client.get(f"/sim/api/clock?token={token}", environ_base=REMOTE)
    assert response.status_code == 403 and response.json["error"] == "forbidden"


def test_werkzeug_s_access_log_masks_the_token(app, caplog):
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        logging.getLogger("werkzeug").info(
            '%s - - [%s] "%s" %s %s',
            "192.0.2.10",
            "23/Nov/2026 09:00:00",
            "GET /sim/?a=1&token=s3cr3t-value HTTP/1.1",
            "302",
            "-",
        )
    assert "s3cr3t-value" not in caplog.text and "token=***" in caplog.text


def test_gunicorn_s_access_log_masks_the_token():
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        '%(h)s "%(r)s" %(U)s %(q)s',
        ({"h": "192.0.2.10", "r": "GET /sim/?token=abc HTTP/1.1", "U": "/sim/", "q": "token=abc"},),
        None,
    )
    assert TokenMaskFilter().filter(record)
    assert "abc" not in record.getMessage() and record.getMessage().count("token=***") == 2


def test_the_filter_is_on_the_access_loggers(app):
    for name in ("werkzeug", "gunicorn.access"):
        assert any(isinstance(f, TokenMaskFilter) for f in logging.getLogger(name).filters)
