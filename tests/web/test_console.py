"""The console and the control API: clock, letters, faults, reset, personas."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from models import Account, Person
from tests.conftest import csrf_token
from tests.web.test_personal_data import MONDAY


def post_json(client, url, body=None, method="post"):
    return getattr(client, method)(url, json=body if body is not None else {})


def test_api_sets_reads_and_advances_the_clock(client):
    set_ = post_json(client, "/sim/api/clock", {"at": "2026-12-01T09:00:00", "frozen": True}, "put")
    assert set_.get_json() == {"now": "2026-12-01T09:00:00", "frozen": True}
    moved = post_json(client, "/sim/api/clock/advance", {"days": 2, "hours": 3})
    assert moved.get_json()["now"] == "2026-12-03T12:00:00"
    assert client.get("/sim/api/clock").get_json()["now"] == "2026-12-03T12:00:00"


@pytest.mark.parametrize(
    ("body", "status"),
    [({"at": "yesterday"}, 422), ({}, 422), ({"at": "2026-12-01T09:00", "frozen": "yes"}, 422)],
)
def test_api_refuses_a_bad_clock_with_a_json_error(client, body, status):
    response = post_json(client, "/sim/api/clock", body, "put")
    assert response.status_code == status and response.get_json()["error"] == "invalid_clock"


def test_api_state_changes_need_a_json_body(client):
    response = client.post("/sim/api/reset", data={"mode": "demo"})
    assert response.status_code == 415 and response.get_json()["error"] == "json_required"


def test_api_refuses_an_absurd_clock_move(client):
    response = post_json(client, "/sim/api/clock/advance", {"days": 10**9})
    assert response.status_code == 422


def test_deliver_all_letters_now_delivers_letters_in_transit(client, submit, freeze, personas):
    freeze(MONDAY)
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    assert client.get("/sim/api/outbox").get_json()["messages"][0]["delivered"] is False
    assert post_json(client, "/sim/api/letters/deliver").get_json() == {"delivered": 1}
    assert client.get("/sim/api/outbox").get_json()["messages"][0]["delivered"] is True


def test_faults_are_switched_on_and_off_through_the_api(client):
    assert client.get("/sim/api/faults").get_json()["letter_lost"] is False
    assert post_json(client, "/sim/api/faults/letter_lost", {"enabled": True}, "put").get_json()[
        "letter_lost"
    ]
    assert not client.delete("/sim/api/faults/letter_lost", json={}).get_json()["letter_lost"]
    unknown = post_json(client, "/sim/api/faults/meteor", {"enabled": True}, "put")
    assert unknown.status_code == 404 and unknown.get_json()["error"] == "unknown_fault"


def test_a_lost_letter_never_arrives(client, submit, freeze, personas):
    freeze(MONDAY)
    post_json(client, "/sim/api/faults/letter_lost", {"enabled": True}, "put")
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    post_json(client, "/sim/api/clock/advance", {"days": 30})
    (letter,) = client.get("/sim/api/outbox").get_json()["messages"]
    assert letter["lost"] is True and letter["delivered"] is False


def test_reset_goes_back_to_the_demo_data_or_to_empty(client, db, login, personas, person_named):
    from models import Brand

    login(person_named("Louise"), Brand.PV)
    assert post_json(client, "/sim/api/reset", {"mode": "empty"}).get_json() == {
        "mode": "empty",
        "personas": 0,
    }
    assert db.scalar(select(func.count()).select_from(Person)) == 0
    assert post_json(client, "/sim/api/reset", {"mode": "demo"}).get_json()["personas"] == 8
    assert db.scalar(select(func.count()).select_from(Account)) == 0
    assert post_json(client, "/sim/api/reset", {"mode": "chaos"}).status_code == 422


def test_personas_api_lists_identifiers_for_scripts(client, personas):
    cards = {p["key"]: p for p in client.get("/sim/api/personas").get_json()["personas"]}
    louise = cards["louise"]
    assert louise["birth_date"] == "1985-03-12" and len(louise["national_number"]) == 11
    assert {
        "brand": "pv",
        "number": "5436548",
        "product": "life_pension_savings",
        "status": "active",
    } in louise["contracts"]
    assert cards["nathalie"]["records"] == 2


def test_console_dashboard_moves_the_clock_with_a_csrf_protected_form(client, freeze, db):
    freeze(datetime(2026, 11, 23, 9, 0))
    page = client.get("/sim/").get_data(as_text=True)
    assert 'data-testid="fault-itsme_unavailable"' in page
    assert client.post("/sim/clock/advance", data={"days": "1"}).status_code == 400
    response = client.post("/sim/clock/advance", data={"days": "1", "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert "24/11/2026 09:00" in client.get("/sim/").get_data(as_text=True)


def test_console_personas_page_shows_a_card_per_persona(client, personas):
    html = client.get("/sim/personas").get_data(as_text=True)
    for key in ("louise", "marc", "jean-pierre", "sofie", "luc", "nathalie", "emma", "thomas"):
        assert f'data-testid="persona-{key}"' in html
