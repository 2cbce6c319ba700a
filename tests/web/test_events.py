"""The console's next scheduled events and "advance to the next event", on the page and
through the API (RG-1, RG-2, RG-6; session expiries)."""

from __future__ import annotations

from datetime import datetime

from models import Brand
from tests.conftest import csrf_token
from tests.web.test_personal_data import MONDAY

LOUISE = {"contract_number": "5436548", "birth_date": "1985-03-12"}


def test_events_list_the_letter_and_the_code_expiry_and_next_event_moves_the_clock(
    client, submit, freeze, personas
):
    freeze(MONDAY)
    submit("/pv/nl/register", LOUISE)
    body = client.get("/sim/api/events").get_json()
    assert body["now"] == MONDAY.isoformat()
    assert [(e["kind"], e["at"]) for e in body["events"]] == [
        ("letter_delivery", "2026-11-25T08:00:00"),
        ("activation_code_expiry", "2026-12-23T09:00:00"),
    ]
    moved = client.post("/sim/api/clock/next-event", json={}).get_json()
    assert moved["now"] == "2026-11-25T08:00:00" and moved["frozen"] is True
    assert moved["event"]["kind"] == "letter_delivery"
    (letter,) = client.get("/sim/api/outbox?channel=letter").get_json()["messages"]
    assert letter["status"] == "delivered" and letter["code"]
    assert [e["kind"] for e in client.get("/sim/api/events").get_json()["events"]] == [
        "activation_code_expiry"
    ]


def test_next_event_with_nothing_scheduled_is_a_409_and_the_clock_stays(client, freeze):
    freeze(MONDAY)
    answer = client.post("/sim/api/clock/next-event", json={})
    assert answer.status_code == 409 and answer.get_json()["error"] == "no_scheduled_event"
    assert client.get("/sim/api/clock").get_json()["now"] == MONDAY.isoformat()
    assert client.get("/sim/api/events?limit=0").status_code == 400
    assert client.get("/sim/api/events?limit=x").get_json()["error"] == "invalid_limit"


def test_a_session_lists_its_idle_expiry(client, freeze, personas, person_named, login):
    freeze(MONDAY)
    login(person_named("Louise"), Brand.PV, email="louise@example.be")
    (event,) = client.get("/sim/api/events").get_json()["events"]
    assert event == {
        "at": "2026-11-23T09:30:01",
        "kind": "session_idle_expiry",
        "brand": "pv",
        "what": "session of louise@example.be ends after 30 minutes idle",
        "ref": event["ref"],
    }
    assert 'data-testid="logout"' in client.get("/pv/nl/").get_data(as_text=True)
    client.post("/sim/api/clock/next-event", json={})
    assert 'data-testid="logout"' not in client.get("/pv/nl/").get_data(as_text=True)


def test_the_dashboard_lists_the_events_and_advances_to_the_next(client, submit, freeze, personas):
    freeze(MONDAY)
    html = client.get("/sim/").get_data(as_text=True)
    assert 'data-testid="no-events"' in html
    submit("/pv/nl/register", LOUISE)
    html = client.get("/sim/").get_data(as_text=True)
    assert 'data-testid="events-table"' in html and 'data-kind="letter_delivery"' in html
    assert "Wed 25/11/2026 08:00:00" in html
    done = client.post(
        "/sim/clock/next-event", data={"csrf_token": csrf_token(html)}, follow_redirects=True
    )
    assert "Clock moved to 25/11/2026 08:00:00" in done.get_data(as_text=True)
    assert client.get("/sim/api/clock").get_json()["now"] == datetime(2026, 11, 25, 8).isoformat()


def test_a_limit_in_other_digits_is_a_400_not_a_500(client):
    # "²".isdigit() is True but int("²") raises: every odd limit is the same 400.
    for raw in ("²", "٣", "１０"):
        answer = client.get(f"/sim/api/events?limit={raw}")
        assert answer.status_code == 400, raw
        assert answer.get_json()["error"] == "invalid_limit"
