"""The leaks the reader-language crawler found, each pinned where it was fixed
(tests/web/test_pages_speak_the_reader_language.py): the S² Pack timeline's event names
in V-Connect (S2-5, S2-6), and the amount before the euro sign in V-Connect Auto and
Insurgate, Dutch included (VA-10, IG-6; the tools' rule of tests/web/test_intermediary_money)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models import Contract, Intermediary
from models.sim import clock_now
from models.telematics import S2Box, S2Event
from seed.insurgate import DEMO_PASSWORD as IG_PASSWORD
from seed.s2pack import seed_s2pack
from tests.conftest import csrf_token
from tests.web.test_pages_speak_the_reader_language import read

NBSP = "\u00a0"
LOTTE = "4021009002"  # box received, in Claire's portfolio


@pytest.fixture
def claire(client, db, personas):
    """Claire Dubois (Vivium broker 8000201), with the demo's S² Pack boxes, signed in."""
    seed_s2pack(db, clock_now(db).date())
    db.commit()
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "8000201")).one()
    for lang in ("fr", "nl"):
        page = client.get(f"/vconnect/{lang}/signin").get_data(as_text=True)
        client.post(f"/vconnect/{lang}/signin/pick",
                    data={"csrf_token": csrf_token(page), "intermediary_id": me.id})  # fmt: skip
    return me


def visible(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return read(response.get_data(as_text=True))[0]


@pytest.mark.parametrize(
    "lang, arrives, on_its_way",
    [("fr", "Box reçue", "SMS : la box est en route"),
     ("nl", "Box ontvangen", "Sms: de box is onderweg")],
)  # fmt: skip
def test_the_brokers_s2_timeline_names_each_event_in_his_language(
    client, claire, lang, arrives, on_its_way
):
    text = visible(client, f"/vconnect/{lang}/policies/{LOTTE}")
    assert arrives in text and on_its_way in text
    assert "box_received" not in text and "s2_delivery_sms" not in text


def test_an_sms_not_sent_and_an_event_not_yet_named_read_as_words(client, claire, db):
    contract = db.scalars(select(Contract).where(Contract.number == LOTTE)).one()
    box = db.scalars(select(S2Box).where(S2Box.contract_id == contract.id)).one()
    at = box.received_at + timedelta(hours=1)
    db.add_all([S2Event(box_id=box.id, at=at, kind="s2_reminder_sms_not_sent", details={}),
                S2Event(box_id=box.id, at=at, kind="trip_imported", details={})])  # fmt: skip
    db.commit()
    text = visible(client, f"/vconnect/nl/policies/{LOTTE}")
    assert "Herinnerings-sms (niet verstuurd: geen gsm-nummer)" in text
    assert "Andere gebeurtenis van het pack" in text and "trip_imported" not in text


@pytest.mark.parametrize("lang, premium", [("nl", "439,35"), ("fr", "439,35")])
def test_v_connect_auto_writes_the_amount_then_the_euro_sign(client, claire, lang, premium):
    overview = visible(client, f"/vconnect/{lang}/auto/")
    assert f"{premium} €" in overview and "€ 4" not in overview
    quote = visible(client, f"/vconnect/{lang}/auto/quotes/VA00000001")
    assert "€ 2" not in quote and "€ 4" not in quote and f"{premium} €" in quote


def test_an_insurgate_request_in_dutch_writes_the_amount_then_the_euro_sign(client, personas):
    token = csrf_token(client.get("/insurgate/nl/login").get_data(as_text=True))
    client.post("/insurgate/nl/login", data={"csrf_token": token, "password": IG_PASSWORD,
                                             "email": "7964@pv.be"})  # fmt: skip
    text = visible(client, "/insurgate/nl/requests/PV_TPE-KMO_TEST_0251")
    assert "Jaarpremie (fictief): 1.080,00 €" in text and "120.000,00 €" in text
    assert "€ 1" not in text
