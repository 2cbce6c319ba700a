"""Limits on SMS (per customer and per mobile number, a day; change of mobile counted),
on problem reports, the support list without screenshots, and unblocking an eID card
(auth.limits; RG-1, RG-2, RG-5)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from models import Brand, Channel, EidCard, OutboxMessage, SupportRequest
from models.sim import advance_clock
from seed import build
from tests.conftest import csrf_token, session_cookie
from tests.web.test_personal_data import MONDAY, refusal


def sms_count(db, recipient: str | None = None) -> int:
    db.expire_all()
    query = (
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.channel == Channel.SMS)
    )
    if recipient:
        query = query.where(OutboxMessage.recipient == recipient)
    return db.scalar(query)


def change_mobile(submit, number: str, lang: str = "nl"):
    return submit(
        f"/pv/{lang}/profile", {"mobile-mobile": number}, action=f"/pv/{lang}/profile/mobile"
    )


@pytest.fixture
def louise(freeze, personas, person_named, login):
    freeze(MONDAY)
    return login(person_named("Louise"), Brand.PV, email="louise@example.be", mobile="+32470123456")


def test_rg2_change_of_mobile_counts_ten_sms_a_day_per_customer(app, client, louise, submit, db):
    numbers = [f"0499 00 00 {i:02d}" for i in range(11)]
    answers = [change_mobile(submit, n) for n in numbers[:10]]
    assert all(a.status_code == 302 for a in answers)
    refused = change_mobile(submit, numbers[10])
    assert refusal(refused) == "sms_limited" and "02 250 87 09" in refused.get_data(as_text=True)
    assert sms_count(db) == 10
    advance_clock(db, timedelta(days=1))
    db.commit()
    name, value, path = session_cookie(app, Brand.PV, louise.id)  # the old session expired
    client.set_cookie(name, value, path=path)
    assert change_mobile(submit, numbers[10]).status_code == 302


def test_rg2_one_mobile_number_gets_ten_sms_a_day_whoever_asks(
    app, client, submit, db, louise, person_named
):
    for _ in range(6):
        assert change_mobile(submit, "0499 99 99 99").status_code == 302
    sofie = build.add_account(db, person_named("Sofie"), Brand.PV, email="sofie@example.be")
    db.commit()
    other = app.test_client()
    other.set_cookie(*session_cookie(app, Brand.PV, sofie.id)[:2], path="/pv")

    def other_change():
        page = other.get("/pv/fr/profile").get_data(as_text=True)
        data = {"csrf_token": csrf_token(page), "mobile-mobile": "0499 99 99 99"}
        return other.post("/pv/fr/profile/mobile", data=data)

    assert [other_change().status_code for _ in range(4)] == [302] * 4
    assert refusal(other_change()) == "sms_limited"
    assert sms_count(db, "+32499999999") == 10


# --- problem reports (RG-5) ---------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def send_report(client, address: str = "127.0.0.1"):
    environ = {"REMOTE_ADDR": address}
    page = client.get("/vivium/fr/register", environ_base=environ).get_data(as_text=True)
    payload = {
        "csrf_token": csrf_token(page),
        "error_code": "data_mismatch",
        "email": "someone@example.be",
        "screenshot": (io.BytesIO(PNG), "erreur.png"),
    }
    return client.post(
        "/vivium/fr/support/report",
        data=payload,
        content_type="multipart/form-data",
        environ_base=environ,
    )


def reports(db) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(SupportRequest))


def test_rg5_five_reports_an_hour_per_client_address(client, db, freeze, personas):
    freeze(MONDAY)
    assert [send_report(client).status_code for _ in range(5)] == [200] * 5
    refused = send_report(client)
    assert refused.status_code == 429 and refusal(refused) == "report_limited"
    assert "myvivium@vivium.be" in refused.get_data(as_text=True)
    assert send_report(client, "127.0.0.9").status_code == 200
    assert reports(db) == 6


def test_rg5_reports_from_everyone_are_capped_per_day(app, client, db, freeze, personas):
    freeze(MONDAY)
    app.extensions["auth_settings"] = replace(app.extensions["auth_settings"], report_total_day=3)
    codes = [send_report(client, f"127.0.1.{i}").status_code for i in range(4)]
    assert codes == [200, 200, 200, 429] and reports(db) == 3


def test_the_support_list_never_loads_the_screenshots(app, client, db, freeze, personas):
    freeze(MONDAY)
    for i in range(3):
        send_report(client, f"127.0.2.{i}")
    statements: list[str] = []
    engine = app.extensions["db_engine"]
    listen = lambda *args: statements.append(args[2])  # noqa: E731  (conn, cursor, statement, ...)
    event.listen(engine, "before_cursor_execute", listen)
    try:
        assert client.get("/sim/support").status_code == 200
        assert len(client.get("/sim/api/support").get_json()["requests"]) == 3
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    loads = [s for s in statements if re.search(r"support_request\.screenshot\b(?!_)", s)]
    assert loads == []
    (first,) = client.get("/sim/api/support?limit=1").get_json()["requests"]
    detail = client.get(f"/sim/api/support/{first['id']}").get_json()
    assert client.get(detail["screenshot_url"]).data == PNG


# --- eID cards blocked by three wrong PINs (RG-1) --------------------------------------------


def block_card(submit, number: str) -> None:
    for _ in range(3):
        page = f"/pv/nl/login/eid/pin?card={number}"
        submit(page, {"card": number, "pin": "0000"}, action="/pv/nl/login/eid/pin")


def test_rg1_the_api_unblocks_one_card(client, submit, db, personas, person_named):
    louise, marc = person_named("Louise").national_number, person_named("Marc").national_number
    block_card(submit, louise)
    block_card(submit, marc)
    listed = client.get("/sim/api/eid/cards/blocked").get_json()["cards"]
    assert {c["card"] for c in listed} == {louise, marc}
    response = client.post(f"/sim/api/eid/cards/{louise}/unblock", json={})
    assert response.status_code == 200 and response.get_json()["card"]["tries_left"] == 3
    db.expire_all()
    assert not db.get(EidCard, louise).blocked and db.get(EidCard, marc).blocked
    again = client.post(f"/sim/api/eid/cards/{louise}/unblock", json={})
    assert again.status_code == 409 and again.get_json()["error"] == "card_not_blocked"
    bad = client.post("/sim/api/eid/cards/12345/unblock", json={})
    assert bad.status_code == 422 and bad.get_json()["error"] == "invalid_card"
    ok = submit(
        f"/pv/nl/login/eid/pin?card={louise}",
        {"card": louise, "pin": "1234"},
        action="/pv/nl/login/eid/pin",
    )
    assert ok.status_code == 302


def test_rg1_the_console_lists_blocked_cards_and_unblocks_one(
    client, submit, db, personas, person_named
):
    louise = person_named("Louise").national_number
    block_card(submit, louise)
    page = client.get("/sim/").get_data(as_text=True)
    assert f'data-testid="blocked-card" data-card="{louise}"' in page
    done = client.post("/sim/eid/unblock", data={"csrf_token": csrf_token(page), "card": louise})
    assert done.status_code == 302
    assert 'data-testid="no-blocked-cards"' in client.get("/sim/").get_data(as_text=True)
    db.expire_all()
    assert db.get(EidCard, louise).wrong_pins == 0
