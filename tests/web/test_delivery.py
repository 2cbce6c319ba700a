"""The portal accepts only codes the customer can have: an activation code once its
letter is in the letterbox (RG-6), an SMS code only if its SMS was delivered (RG-2).
Faults lose mail for real; the console's "next events" say what moving the clock does."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import Brand, Channel, OutboxMessage
from models.sim import advance_clock
from tests.web.test_personal_data import MONDAY, PASSWORD, refusal

LOUISE = {"contract_number": "5436548", "birth_date": "1985-03-12"}
STEP2 = {"contract_number": "5436548", "email": "louise@example.be", "password": PASSWORD}
STEP2 |= {"mobile": "0470 12 34 56"}


def newest(db, channel: Channel) -> OutboxMessage:
    db.expire_all()
    query = select(OutboxMessage).where(OutboxMessage.channel == channel)
    return db.scalars(query.order_by(OutboxMessage.id.desc())).first()


@pytest.fixture
def portal(client, submit, freeze, personas):
    freeze(MONDAY)

    class Portal:
        def letter(self, page="/pv/nl/register"):
            return submit(page, LOUISE)

        def activate(self, code):
            return submit("/pv/nl/register/activate", {**STEP2, "code": code})

        def sms(self, code):
            return submit("/pv/nl/register/confirm", {"code": code})

        def fault(self, name, on=True):
            client.put(f"/sim/api/faults/{name}", json={"enabled": on})

    return Portal()


def test_rg6_the_code_of_a_letter_in_transit_is_refused_as_a_wrong_code(portal, db, freeze):
    portal.letter()
    code = newest(db, Channel.LETTER).code  # read behind the post's back
    assert refusal(portal.activate(code)) == "activation_code_wrong"
    freeze(datetime(2026, 11, 25, 7, 59))
    assert refusal(portal.activate(code)) == "activation_code_wrong"
    freeze(datetime(2026, 11, 25, 8, 0))  # in the letterbox from 08:00
    assert portal.activate(code).status_code == 302


def test_rg6_the_code_of_a_lost_letter_never_works_and_a_new_code_is_lost_too(
    portal, client, db, freeze
):
    portal.fault("letter_lost")
    portal.letter()
    lost = newest(db, Channel.LETTER).code
    advance_clock(db, timedelta(days=5))
    db.commit()
    assert refusal(portal.activate(lost)) == "activation_code_wrong"
    portal.letter("/pv/nl/register/new-code")
    again = newest(db, Channel.LETTER)
    assert again.code != lost and again.lost is True
    client.post("/sim/api/letters/deliver", json={})
    assert refusal(portal.activate(again.code)) == "activation_code_wrong"
    portal.fault("letter_lost", on=False)
    portal.letter("/pv/nl/register/new-code")
    client.post("/sim/api/letters/deliver", json={})
    (arrived, *_) = client.get("/sim/api/outbox?channel=letter").get_json()["messages"]
    assert arrived["status"] == "delivered"
    assert portal.activate(arrived["code"]).status_code == 302


def test_rg2_the_code_of_an_sms_never_delivered_is_refused_until_a_resend_arrives(
    portal, client, submit, db
):
    portal.letter()
    client.post("/sim/api/letters/deliver", json={})
    portal.fault("sms_not_delivered")
    assert portal.activate(newest(db, Channel.LETTER).code).status_code == 302
    never = newest(db, Channel.SMS)
    assert never.lost is True
    assert refusal(portal.sms(never.code)) == "sms_code_wrong"
    portal.fault("sms_not_delivered", on=False)
    advance_clock(db, timedelta(seconds=60))
    db.commit()
    resent = submit("/pv/nl/register/confirm", {}, action="/pv/nl/sms/resend/mobile")
    assert 'data-testid="sms-resent"' in resent.get_data(as_text=True)
    (sms, *_) = client.get("/sim/api/outbox?channel=sms").get_json()["messages"]
    assert sms["status"] == "delivered" and sms["code"]
    assert portal.sms(sms["code"]).status_code == 302


def test_rg6_a_letter_posted_before_easter_monday_arrives_on_wednesday_0800(
    client, submit, freeze, personas
):
    freeze(datetime(2026, 4, 3, 15, 0))  # Friday; Monday 6 April 2026 is Easter Monday
    submit("/vivium/fr/register", {"contract_number": "4011002345", "birth_date": "1972-09-10"})
    (letter,) = client.get("/sim/api/outbox?channel=letter").get_json()["messages"]
    assert letter["expected_at"] == "2026-04-08T08:00:00" and letter["status"] == "in_transit"


def test_deliver_all_letters_now_also_delivers_an_email_or_sms_in_transit(client, db, freeze):
    freeze(MONDAY)
    later = MONDAY + timedelta(hours=1)
    for channel in (Channel.EMAIL, Channel.SMS, Channel.LETTER):
        db.add(
            OutboxMessage(
                brand=Brand.PV,
                channel=channel,
                kind="test",
                language="nl",
                recipient="x",
                subject="s",
                body="b",
                posted_at=MONDAY,
                deliver_at=later,
                lost=channel == Channel.LETTER,
            )
        )
    db.commit()
    assert client.post("/sim/api/letters/deliver", json={}).get_json() == {"delivered": 2}
    statuses = [m["status"] for m in client.get("/sim/api/outbox").get_json()["messages"]]
    assert statuses == ["lost", "delivered", "delivered"]


def test_the_welcome_email_is_readable_at_once_on_a_frozen_clock(portal, client, db):
    portal.letter()
    client.post("/sim/api/letters/deliver", json={})
    portal.activate(newest(db, Channel.LETTER).code)
    portal.sms(newest(db, Channel.SMS).code)
    (email,) = client.get("/sim/api/outbox?channel=email").get_json()["messages"]
    assert email["status"] == "delivered" and "MyP&V" in email["body"]
