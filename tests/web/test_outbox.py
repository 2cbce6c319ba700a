"""The outbox page and JSON endpoint: what the portal "sent", for testers to read
codes from (RG-1, RG-2), and who may read it."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import Channel
from tests.web.test_personal_data import MONDAY

FAR = {"REMOTE_ADDR": "192.0.2.10"}  # a documentation address: no traffic is sent


@pytest.fixture
def letter(submit, freeze, personas):
    freeze(MONDAY)
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})


def test_the_outbox_json_lists_the_letter_with_its_code_newest_first(client, letter):
    body = client.get("/sim/api/outbox?brand=pv&channel=letter").get_json()
    assert body["now"] == MONDAY.isoformat()
    (message,) = body["messages"]
    assert message["kind"] == "activation_letter" and message["channel"] == "letter"
    assert len(message["code"]) == 9 and message["code"] in message["body"]
    assert message["delivered"] is False
    assert datetime.fromisoformat(message["deliver_at"]) > MONDAY


def test_outbox_filters_by_recipient_and_refuses_bad_filters(client, letter):
    assert client.get("/sim/api/outbox?recipient=peeters").get_json()["messages"]
    assert client.get("/sim/api/outbox?recipient=nobody").get_json()["messages"] == []
    bad = client.get("/sim/api/outbox?channel=pigeon")
    assert bad.status_code == 400 and bad.get_json()["error"] == "invalid_filter"
    assert client.get("/sim/api/outbox?limit=0").status_code == 400


def test_the_outbox_page_shows_a_letter_as_a_letter_with_postmark_and_code(client, letter):
    html = client.get("/sim/outbox").get_data(as_text=True)
    assert 'class="letter-paper"' in html and "Posted 23/11/2026" in html
    assert 'data-testid="message-in-transit"' in html
    assert "data-copy=" in html


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


def test_outbox_sms_is_shown_as_a_phone_message(client, submit, db, letter):
    from sqlalchemy import select

    from models import OutboxMessage

    code = (
        db.scalars(select(OutboxMessage).where(OutboxMessage.channel == Channel.LETTER)).one().code
    )
    submit(
        "/pv/nl/register/activate",
        {
            "contract_number": "5436548",
            "code": code,
            "email": "l@example.be",
            "password": "correct horse battery",
            "mobile": "0470123456",
        },
    )
    html = client.get("/sim/outbox?channel=sms").get_data(as_text=True)
    assert (
        'class="phone"' in html
        and 'data-channel="sms"' in html
        and 'data-channel="letter"' not in html
    )
