"""The outbox page and JSON endpoint: the customer's letterbox and phone, for testers
to read codes from once delivered (RG-1, RG-2, RG-6), and who may read it."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.web.test_personal_data import MONDAY

FAR = {"REMOTE_ADDR": "192.0.2.10"}  # a documentation address: no traffic is sent
DELIVERY = datetime(2026, 11, 25, 8, 0)  # Monday 09:00 + 2 business days, from 08:00
STEP2 = {"contract_number": "5436548", "email": "l@example.be"}
STEP2 |= {"password": "correct horse battery", "mobile": "0470123456"}


@pytest.fixture
def letter(submit, freeze, personas):
    freeze(MONDAY)
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})


def only_letter(client, query: str = "") -> dict:
    (message,) = client.get(f"/sim/api/outbox?channel=letter{query}").get_json()["messages"]
    return message


def test_rg6_a_letter_in_transit_shows_its_envelope_and_no_content(client, letter):
    body = client.get("/sim/api/outbox?brand=pv&channel=letter").get_json()
    assert body["now"] == MONDAY.isoformat() and body["realism"] == "kept"
    (message,) = body["messages"]
    assert (message["kind"], message["channel"], message["brand"]) == (
        "activation_letter",
        "letter",
        "pv",
    )
    assert message["recipient"] == "Louise Peeters, Kerkstraat 12, 2000 Antwerpen"
    assert message["status"] == "in_transit" and message["delivered"] is False
    assert message["posted_at"] == MONDAY.isoformat()
    assert message["expected_at"] == message["deliver_at"] == DELIVERY.isoformat()
    assert (message["code"], message["body"], message["subject"]) == (None, None, None)
    assert message["revealed"] is False


def test_rg6_the_letter_is_readable_from_0800_on_its_delivery_day(client, letter, freeze):
    freeze(datetime(2026, 11, 25, 7, 59, 59))
    assert only_letter(client)["status"] == "in_transit"
    freeze(DELIVERY)
    message = only_letter(client)
    assert message["status"] == "delivered" and message["delivered"] is True
    assert len(message["code"]) == 9 and message["code"] in message["body"]
    assert "5436548" in message["body"] and message["subject"]


def test_rg6_a_lost_letter_is_marked_lost_and_never_readable(client, submit, freeze, personas):
    freeze(MONDAY)
    client.put("/sim/api/faults/letter_lost", json={"enabled": True})
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    client.post("/sim/api/letters/deliver", json={})
    client.post("/sim/api/clock/advance", json={"days": 30})
    message = only_letter(client)
    assert message["status"] == "lost" and message["lost"] is True
    assert (message["code"], message["body"]) == (None, None)
    html = client.get("/sim/outbox").get_data(as_text=True)
    assert 'data-testid="message-lost"' in html and "data-copy=" not in html


def test_rg2_an_sms_under_the_fault_is_not_delivered_and_never_readable(
    client, submit, db, letter, freeze
):
    client.post("/sim/api/letters/deliver", json={})
    code = only_letter(client)["code"]
    client.put("/sim/api/faults/sms_not_delivered", json={"enabled": True})
    submit("/pv/nl/register/activate", {**STEP2, "code": code})
    (sms,) = client.get("/sim/api/outbox?channel=sms").get_json()["messages"]
    assert sms["status"] == "not_delivered" and sms["code"] is None and sms["body"] is None
    html = client.get("/sim/outbox?channel=sms").get_data(as_text=True)
    assert 'data-testid="message-not-delivered"' in html and 'class="bubble"' not in html


def test_reveal_undelivered_shows_the_content_and_says_realism_is_broken(client, letter):
    body = client.get("/sim/api/outbox?channel=letter&reveal=undelivered").get_json()
    assert body["realism"] == "broken"
    (message,) = body["messages"]
    assert message["status"] == "in_transit" and message["revealed"] is True
    assert len(message["code"]) == 9 and message["code"] in message["body"]
    html = client.get("/sim/outbox?reveal=undelivered").get_data(as_text=True)
    assert 'data-testid="realism-broken"' in html and 'data-testid="message-revealed"' in html
    assert 'class="letter-paper"' in html and "data-copy=" in html


def test_reveal_marks_nothing_revealed_once_delivered(client, letter):
    client.post("/sim/api/letters/deliver", json={})
    message = only_letter(client, "&reveal=undelivered")
    assert message["status"] == "delivered" and message["revealed"] is False


def test_an_unknown_reveal_value_is_refused(client, letter):
    bad = client.get("/sim/api/outbox?reveal=all")
    assert bad.status_code == 400 and bad.get_json()["field"] == "reveal"
    assert client.get("/sim/outbox?reveal=all").status_code == 400


def test_outbox_filters_by_recipient_and_refuses_bad_filters(client, letter):
    assert client.get("/sim/api/outbox?recipient=peeters").get_json()["messages"]
    assert client.get("/sim/api/outbox?recipient=nobody").get_json()["messages"] == []
    bad = client.get("/sim/api/outbox?channel=pigeon")
    assert bad.status_code == 400 and bad.get_json()["error"] == "invalid_filter"
    assert client.get("/sim/api/outbox?limit=0").status_code == 400


@pytest.mark.parametrize("field", ["recipient", "kind", "brand"])
def test_filters_with_control_characters_are_refused_before_the_database(client, letter, field):
    """BUG-6: a NUL byte (or any control character) in a filter is a 400 of its own."""
    api = client.get(f"/sim/api/outbox?{field}=a%00b")
    assert api.status_code == 400 and api.get_json()["field"] == field
    page = client.get(f"/sim/outbox?{field}=a%01b")
    assert page.status_code == 400 and 'data-testid="outbox-error"' in page.get_data(as_text=True)


def test_the_outbox_page_shows_a_letter_in_transit_as_a_sealed_envelope(client, letter):
    html = client.get("/sim/outbox").get_data(as_text=True)
    assert 'data-testid="message-in-transit"' in html and "expected Wed 25/11/2026 08:00" in html
    assert 'data-testid="message-envelope"' in html and "Posted 23/11/2026 09:00" in html
    assert 'class="letter-paper"' not in html and "data-copy=" not in html
    assert 'data-status="in_transit"' in html


def test_the_outbox_page_shows_a_delivered_letter_with_postmark_and_code(client, letter):
    client.post("/sim/api/letters/deliver", json={})
    html = client.get("/sim/outbox").get_data(as_text=True)
    assert 'class="letter-paper"' in html and "Posted 23/11/2026" in html
    assert 'data-testid="message-delivered"' in html and "data-copy=" in html


def test_console_and_api_refuse_a_remote_visitor_without_the_token(app, client):
    app.config["SIM_TOKEN"] = "s3cret-token"
    assert client.get("/sim/outbox", environ_base=FAR).status_code == 403
    refused = client.get("/sim/api/outbox", environ_base=FAR)
    assert refused.status_code == 403 and refused.get_json()["error"] == "forbidden"
    ok = client.get(
        "/sim/api/outbox", environ_base=FAR, headers={"Authorization": "Bearer s3cret-token"}
    )
    assert ok.status_code == 200
    wrong = client.get("/sim/api/outbox", environ_base=FAR, headers={"X-Sim-Token": "guess"})
    assert wrong.status_code == 403


def test_outbox_sms_is_shown_as_a_phone_message(client, submit, letter):
    client.post("/sim/api/letters/deliver", json={})
    submit("/pv/nl/register/activate", {**STEP2, "code": only_letter(client)["code"]})
    html = client.get("/sim/outbox?channel=sms").get_data(as_text=True)
    assert (
        'class="phone"' in html
        and 'data-channel="sms"' in html
        and 'data-channel="letter"' not in html
        and 'data-status="delivered"' in html
    )
