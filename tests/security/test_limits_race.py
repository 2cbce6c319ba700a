"""Limits on abuse under fire, on SQLite and (with TEST_DATABASE_URL) on PostgreSQL
(OWASP ASVS 5.0 V2.4.1, V6.3.5, V15.4.2; RG-2): twenty parallel resends of one login
attempt send at most three SMS, and twenty parallel wrong passwords count twenty
failures (a lock, then even the right password refused)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from models import Channel, LimitBucket, OutboxMessage, SmsChallenge
from tests.security.conftest import FormClient, refusal_code
from tests.security.test_concurrency import (
    PASSWORD,
    THREADS,
    Browser,
    in_parallel,
    outcomes,
    registered_louise,  # noqa: F401  (fixture)
)


def login_sms_count(db) -> int:
    db.expire_all()
    return db.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.channel == Channel.SMS, OutboxMessage.kind == "login_sms")
    )


def test_rg2_twenty_parallel_resends_send_three_sms_at_most(app, db, registered_louise):  # noqa: F811
    """No cooldown here (sms_resend_seconds=0), so only the per-attempt limit of three
    sends stands between the threads and the SMS gateway."""
    app.extensions["auth_settings"] = replace(app.extensions["auth_settings"], sms_resend_seconds=0)
    login = Browser(app)
    form = FormClient(login.client, "/pv/nl/login/password")
    assert form.post(data={"email": "louise@example.be", "password": PASSWORD}).status_code == 302
    assert login_sms_count(db) == 1
    cookie = login.client.get_cookie("mypv_session", path="/pv").value
    forms = []
    for _ in range(THREADS):
        browser = Browser(app)
        browser.client.set_cookie("mypv_session", cookie, path="/pv")  # the same attempt
        forms.append(browser.sms_form("login/sms"))

    responses = in_parallel([lambda f=f: f.post("/pv/nl/sms/resend/login") for f in forms])

    assert all(r.status_code < 500 for r in responses)
    seen = outcomes(responses)
    assert set(seen) <= {"200", "sms_resend_limit", "sms_resend_too_soon"}, seen
    db.expire_all()
    challenge = db.scalars(select(SmsChallenge).where(SmsChallenge.purpose == "login")).one()
    assert challenge.sends == 3
    assert login_sms_count(db) == 3, "one first code and two resends"
    counted = db.get(LimitBucket, "sms_mobile:+32470123456")
    assert counted.count == 1 + 3, "the registration's SMS and this attempt's three"


def test_rg2_twenty_parallel_wrong_passwords_are_all_counted(app, db, registered_louise):  # noqa: F811
    forms = []
    for _ in range(THREADS):
        form = FormClient(Browser(app).client, "/pv/nl/login/password")
        form.refresh()
        forms.append(form)
    wrong = {"email": "louise@example.be", "password": "wrong password, long enough"}

    responses = in_parallel([lambda f=f: f.post(data=wrong) for f in forms])

    assert all(r.status_code < 500 for r in responses)
    seen = outcomes(responses)
    assert set(seen) <= {"invalid_credentials", "login_throttled", "login_locked"}, seen
    assert seen["invalid_credentials"] <= 9, "never more than nine plain refusals"
    db.expire_all()
    assert 10 <= db.get(LimitBucket, "login:pv:louise@example.be").count <= THREADS
    right = forms[0].post(data={"email": "louise@example.be", "password": PASSWORD})
    assert refusal_code(right) in ("login_throttled", "login_locked")
