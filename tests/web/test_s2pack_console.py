"""The console page of the S² Pack and its demo customers: a trainer walks a customer
from the welcome SMS to an e-call and to the premium adjustment with the console and the
clock alone (S2-2, S2-5, S2-6, S2-7, S2-8)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.conftest import csrf_token

TODAY = datetime(2026, 3, 10, 12, 0)


@pytest.fixture
def demo(client, freeze, personas):
    """The S² demo customers added by the console's button on the simulated today."""
    freeze(TODAY)
    page = client.get("/sim/s2pack").get_data(as_text=True)
    assert 'data-testid="s2-none"' in page
    answer = client.post("/sim/s2pack/demo", data={"csrf_token": csrf_token(page)})
    assert answer.status_code == 302
    return client.get("/sim/s2pack").get_data(as_text=True)


def post(client, page: str, path: str, **fields):
    return client.post(path, data={"csrf_token": csrf_token(page), **fields})


def stage(client, number: str) -> str:
    return client.get(f"/sim/api/s2pack/{number}").get_json()["stage"]


def test_the_demo_holds_a_customer_at_each_stage_s2_5_s2_7(client, demo):
    for number, wanted in [
        ("4021009001", "ordered"),
        ("4021009002", "received"),
        ("4021009003", "active"),
        ("4021009004", "active"),
        ("4021009005", "lapsed"),
    ]:
        assert f'data-testid="s2-box-{number}" data-stage="{wanted}"' in demo
    assert "vivium-s2" in demo


def test_lotte_goes_to_the_premium_adjustment_with_the_clock_alone_s2_5(client, demo):
    for _ in range(4):
        post(client, demo, "/sim/clock/next-event")
    assert stage(client, "4021009002") in ("received", "lapsed")
    client.post("/sim/api/clock/advance", json={"days": 45})
    assert stage(client, "4021009002") == "lapsed"


def test_an_impact_from_the_console_is_an_e_call_for_thomas_s2_2(client, demo):
    answer = post(
        client,
        demo,
        "/sim/s2pack/4021009003/impact",
        g="4.2",
        in_belgium="yes",
        stopped="yes",
        place="Liège",
    )
    assert answer.status_code == 302
    flashed = client.get("/sim/s2pack").get_data(as_text=True)
    assert "Impact recorded: ecall, call, sms, tow." in flashed
    kinds = [e["kind"] for e in client.get("/sim/api/s2pack/4021009003").get_json()["log"]]
    assert kinds[-1] == "tow_truck"


def test_annas_box_of_september_2015_sends_her_to_the_mobile_installer_s2_7(client, demo):
    post(client, demo, "/sim/s2pack/4021009004/anomaly")
    assert "Anomaly SMS sent with 071 528 747." in client.get("/sim/s2pack").get_data(as_text=True)


def test_the_demo_page_password_signs_nora_in_and_the_welcome_sms_is_there_s2_6(client, demo):
    sms = client.get("/sim/api/outbox?channel=sms").get_json()["messages"]
    assert any(m["kind"] == "s2_welcome_sms" and "vivium-s2" in m["body"] for m in sms)
    page = client.get("/s2/nl/login").get_data(as_text=True)
    answer = client.post(
        "/s2/nl/login",
        data={"csrf_token": csrf_token(page), "login": "s2-4021009001", "password": "vivium-s2"},
    )
    assert answer.status_code == 302


@pytest.mark.parametrize(
    ("path", "fields", "code"),
    [
        ("/sim/s2pack/4021009003/impact", {"g": "nan"}, "invalid_field"),
        ("/sim/s2pack/4021009003/impact", {"g": "strong"}, "invalid_field"),
        ("/sim/s2pack/4021009003/battery", {"what": "flat"}, "s2_bad_battery"),
        ("/sim/s2pack/4021009001/install", {}, "s2_not_sent"),
        ("/sim/s2pack/9999999/end", {}, "s2_no_pack"),
        ("/sim/s2pack/subscribe", {"number": "4021009001"}, "s2_pack_exists"),
        ("/sim/s2pack/demo", {}, None),
    ],
)
def test_a_refused_console_action_is_a_flash_with_its_code(client, demo, path, fields, code):
    answer = post(client, demo, path, **fields)
    assert answer.status_code == 302
    page = client.get("/sim/s2pack").get_data(as_text=True)
    assert f"({code})" in page if code else "already there" in page


def test_the_button_adds_the_demo_customers_again_after_an_empty_reset_s2_6(client, demo):
    assert client.post("/sim/api/reset", json={"mode": "empty"}).status_code == 200
    page = client.get("/sim/s2pack").get_data(as_text=True)
    assert 'data-testid="s2-none"' in page
    assert client.post("/sim/s2pack/demo", data={"csrf_token": csrf_token(page)}).status_code == 302
    page = client.get("/sim/s2pack").get_data(as_text=True)
    assert "6 S² Pack customers added" in page
    assert 'data-testid="s2-box-4021009006" data-stage="active"' in page


def test_koen_has_no_mobile_so_an_impact_brings_no_call_and_no_sms_s2_2_s2_8(client, db, demo):
    assert "4021009006 · Koen Maes" in demo and "(nl, no mobile)" in demo
    before = client.get("/sim/api/outbox?channel=sms").get_json()["messages"]
    answer = post(
        client, demo, "/sim/s2pack/4021009006/impact", g="4.2", in_belgium="yes", stopped="yes"
    )
    assert answer.status_code == 302
    page = client.get("/sim/s2pack").get_data(as_text=True)
    assert "Impact recorded: no assistance, the customer has no mobile: no call, no SMS." in page
    box = client.get("/sim/api/s2pack/4021009006").get_json()
    assert [e["kind"] for e in box["log"]][-2:] == ["impact", "no_assistance"]
    assert client.get("/sim/api/outbox?channel=sms").get_json()["messages"] == before
    via_api = client.post("/sim/api/s2pack/4021009006/impact", json={"g": 4.2, "answered": False})
    assert via_api.get_json()["response"] == {
        "ecall": False,
        "call": False,
        "sms": False,
        "tow": False,
    }
