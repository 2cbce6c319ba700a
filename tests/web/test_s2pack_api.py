"""The S² Pack through the control API and the clock: a trainer walks a customer from
the welcome SMS to an e-call and to the premium adjustment (S2-2..S2-8)."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import Brand, Language
from seed import build

SIGNED = datetime(2026, 3, 10, 10, 0)


@pytest.fixture
def car(db, freeze):
    freeze(SIGNED)
    holder = build.add_person(db, first_name="Jef", language=Language.NL, mobile="+32470998877")
    contract = build.add_contract(
        db,
        holder,
        "car",
        number="7700123",
        brand=Brand.VIVIUM,
        annual_premium_cents=80_000,
        covered=["civil_liability"],
    )
    db.commit()
    return contract


def sms_kinds(client) -> list[str]:
    found = client.get("/sim/api/outbox?channel=sms").get_json()["messages"]
    return [m["kind"] for m in sorted(found, key=lambda m: m["id"])]


def test_subscribing_sends_the_welcome_sms_and_the_clock_plays_the_box_s2_6(client, car):
    answer = client.post("/sim/api/s2pack/7700123", json={})
    assert answer.status_code == 201
    assert answer.get_json()["stage"] == "ordered"
    assert answer.get_json()["next_step"] == {"at": "2026-03-12T10:00:00", "step": "box_sent"}
    events = client.get("/sim/api/events").get_json()["events"]
    assert ("s2_box_sent", "2026-03-12T10:00:00") in [(e["kind"], e["at"]) for e in events]
    client.post("/sim/api/clock/next-event", json={})
    assert client.get("/sim/api/s2pack/7700123").get_json()["stage"] == "sent"
    assert sms_kinds(client) == ["s2_welcome_sms", "s2_delivery_sms"]


def test_moving_the_clock_two_months_ends_in_the_premium_adjustment_s2_5(client, car):
    client.post("/sim/api/s2pack/7700123", json={})
    client.post("/sim/api/clock/advance", json={"days": 60})
    box = client.get("/sim/api/s2pack/7700123").get_json()
    assert box["stage"] == "lapsed" and box["next_step"] is None
    letters = client.get("/sim/api/outbox?channel=letter").get_json()["messages"]
    assert sorted(m["kind"] for m in letters) == [
        "s2_late_reminder_letter",
        "s2_late_reminder_letter",
        "s2_premium_adjusted_letter",
    ]
    assert sms_kinds(client).count("s2_late_reminder_sms") == 2


def installed(client) -> None:
    client.post("/sim/api/s2pack/7700123", json={})
    client.post("/sim/api/clock/advance", json={"days": 5})
    answer = client.post("/sim/api/s2pack/7700123/install", json={"by": "customer"})
    assert answer.status_code == 200 and answer.get_json()["stage"] == "active"


def test_an_unanswered_impact_of_4_5_g_is_an_e_call_with_sms_and_tow_truck_s2_2(client, car):
    installed(client)
    answer = client.post(
        "/sim/api/s2pack/7700123/impact", json={"g": 4.5, "answered": False, "place": "Leuven"}
    )
    assert answer.get_json()["response"] == {"ecall": True, "call": True, "sms": True, "tow": True}
    assert sms_kinds(client)[-1] == "s2_ecall_missed_sms"
    kinds = [e["kind"] for e in answer.get_json()["log"]]
    assert kinds[-5:] == ["impact", "ecall", "assistance_call", "s2_ecall_missed_sms", "tow_truck"]


def test_each_box_event_sends_its_sms_s2_4_s2_6_s2_7_s2_8(client, car):
    installed(client)
    client.post("/sim/api/s2pack/7700123/battery", json={"what": "disconnected"})
    anomaly = client.post("/sim/api/s2pack/7700123/anomaly", json={}).get_json()
    assert anomaly["phone"] == "02 420 43 82" and anomaly["stage"] == "anomaly"
    client.post("/sim/api/s2pack/7700123/regularise", json={})
    theft = client.post("/sim/api/s2pack/7700123/theft", json={}).get_json()
    assert theft["steps"][0] == "control_room:0800-12.414"
    moved = client.post("/sim/api/s2pack/7700123/vehicle", json={"plate": "2-ABC-345"})
    assert moved.status_code == 200 and moved.get_json()["phone"] == "02 420 43 82"
    ended = client.post("/sim/api/s2pack/7700123/end", json={}).get_json()
    assert ended["stage"] == "ended"
    assert sms_kinds(client)[3:] == [
        "s2_battery_disconnected_sms",
        "s2_anomaly_sms",
        "s2_vehicle_change_sms",
        "s2_deinstallation_sms",
    ]


@pytest.mark.parametrize(
    ("path", "body", "status", "error"),
    [
        ("/sim/api/s2pack/7700123/impact", {"g": "strong"}, 422, "invalid_field"),
        ("/sim/api/s2pack/7700123/impact", {"g": 3, "stopped": "yes"}, 422, "invalid_field"),
        ("/sim/api/s2pack/7700123/impact", {"g": 99}, 422, "s2_bad_impact"),
        ("/sim/api/s2pack/7700123/battery", {"what": "flat"}, 422, "s2_bad_battery"),
        ("/sim/api/s2pack/7700123/vehicle", {"plate": "<b>"}, 422, "s2_bad_plate"),
        ("/sim/api/s2pack/7700123/install", {"by": 3}, 422, "invalid_field"),
        ("/sim/api/s2pack/7700123/end", [1], 400, "invalid_body"),
        ("/sim/api/s2pack/no.pe/end", {}, 404, "s2_no_pack"),
        ("/sim/api/s2pack/7700123", {}, 409, "s2_pack_exists"),
        ("/sim/api/s2pack/999999", {}, 404, "contract_not_found"),
    ],
)
def test_bad_input_gets_a_json_error_never_a_500(client, car, path, body, status, error):
    installed(client)
    answer = client.post(path, json=body)
    assert answer.status_code == status and answer.get_json()["error"] == error


def test_an_impact_before_installation_is_refused_s2_1(client, car):
    client.post("/sim/api/s2pack/7700123", json={})
    answer = client.post("/sim/api/s2pack/7700123/impact", json={"g": 3})
    assert answer.status_code == 409 and answer.get_json()["error"] == "s2_not_active"


def test_the_api_is_in_the_openapi_document(client):
    paths = client.get("/sim/api/openapi.json").get_json()["paths"]
    assert {"/s2pack/{number}", "/s2pack/{number}/impact", "/s2pack/{number}/end"} <= set(paths)


def test_post_customers_sets_the_pack_on_a_vivium_car_contract_s2_1_s2_6(client, freeze):
    freeze(SIGNED)
    body = {
        "brand": "vivium",
        "language": "fr",
        "mobile": "+32470555666",
        "contracts": [{"product": "car", "number": "7700999", "status": "active", "s2_pack": True}],
    }
    answer = client.post("/sim/api/customers", json=body)
    assert answer.status_code == 201
    assert client.get("/sim/api/s2pack/7700999").get_json()["stage"] == "ordered"
    (welcome,) = client.get("/sim/api/outbox?channel=sms").get_json()["messages"]
    assert welcome["kind"] == "s2_welcome_sms" and "mot de passe" in welcome["body"]


@pytest.mark.parametrize(
    ("contract", "field"),
    [
        ({"product": "motorbike", "s2_pack": True}, "contracts[0].s2_pack"),
        ({"product": "car", "s2_pack": "yes"}, "contracts[0].s2_pack"),
        ({"product": "car", "brand": "pv", "s2_pack": True}, "contracts[0].s2_pack"),
    ],
)
def test_post_customers_refuses_the_pack_where_it_does_not_fit(client, freeze, contract, field):
    freeze(SIGNED)
    answer = client.post("/sim/api/customers", json={"brand": "vivium", "contracts": [contract]})
    assert answer.status_code == 422 and answer.get_json()["field"] == field
