"""Limits on abuse of the password login and the registration letters, and lifting them
from the console and the API (auth.limits; RG-2, RG-5, RG-6, BR-2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import Channel, OutboxMessage
from models.sim import advance_clock
from tests.conftest import csrf_token
from tests.web.test_personal_data import MONDAY, PASSWORD, last_message, received_code, refusal

LOUISE = {"contract_number": "5436548", "birth_date": "1985-03-12"}
WRONG = "wrong password, long enough"


def letters(db) -> int:
    db.expire_all()
    return db.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.channel == Channel.LETTER)
    )


def move(db, **delta) -> None:
    advance_clock(db, timedelta(**delta))
    db.commit()


@pytest.fixture
def louise(client, submit, db, freeze, personas):
    """Louise registered in MyP&V (louise@example.be), then logged out."""
    freeze(MONDAY)
    assert refusal(submit("/pv/nl/register", LOUISE)) is None
    data = {
        "contract_number": "5436548",
        "code": received_code(db),
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470 12 34 56",
    }
    assert submit("/pv/nl/register/activate", data).status_code == 302
    code = last_message(db, Channel.SMS).code
    assert submit("/pv/nl/register/confirm", {"code": code}).status_code == 302
    client.delete_cookie("mypv_session", path="/pv")
    return "louise@example.be"


def log_in(submit, password, email="louise@example.be", lang="nl"):
    return submit(f"/pv/{lang}/login/password", {"email": email, "password": password})


def test_rg2_ten_wrong_passwords_pause_the_login_with_the_contact_centre_in_dutch(
    louise, submit, db
):
    assert [refusal(log_in(submit, WRONG)) for _ in range(9)] == ["invalid_credentials"] * 9
    paused = log_in(submit, WRONG)
    html = paused.get_data(as_text=True)
    assert refusal(paused) == "login_throttled"
    assert "23/11/2026 09:15" in html and "02 250 87 09" in html and "mypv@pv.be" in html
    assert "maandag tot donderdag van 8.30 tot 17 uur" in html
    assert refusal(log_in(submit, PASSWORD)) == "login_throttled", "the right one is refused"
    move(db, minutes=15)
    assert log_in(submit, PASSWORD).status_code == 302


def test_rg2_twenty_wrong_passwords_lock_the_login_for_a_day_told_in_french(louise, submit, db):
    for _ in range(10):
        log_in(submit, WRONG)
    for _ in range(9):
        move(db, minutes=15)
        assert refusal(log_in(submit, WRONG)) == "login_throttled"
    move(db, minutes=15)
    locked = log_in(submit, WRONG, lang="fr")
    html = locked.get_data(as_text=True)
    assert refusal(locked) == "login_locked"
    assert "02 250 87 09" in html and "du lundi au jeudi de 8 h 30 à 17 h" in html
    move(db, hours=23)
    assert refusal(log_in(submit, PASSWORD)) == "login_locked"
    move(db, hours=1)
    assert log_in(submit, PASSWORD).status_code == 302


def test_rg2_an_unknown_email_is_locked_the_same_way(louise, submit):
    """A lock tells nothing about which emails have an account (V6.3.8)."""
    answers = [refusal(log_in(submit, WRONG, email="nobody@example.be")) for _ in range(10)]
    assert answers[-1] == "login_throttled" and set(answers[:-1]) == {"invalid_credentials"}


def test_a_right_password_clears_the_failures(louise, submit, client):
    for _ in range(9):
        log_in(submit, WRONG)
    assert log_in(submit, PASSWORD).status_code == 302
    client.delete_cookie("mypv_session", path="/pv")
    assert refusal(log_in(submit, WRONG)) == "invalid_credentials"


def test_lifting_one_limit_through_the_api_frees_the_account(louise, submit, client):
    for _ in range(10):
        log_in(submit, WRONG)
    listed = client.get("/sim/api/limits").get_json()["limits"]
    (mine,) = [c for c in listed if c["key"] == "login:pv:louise@example.be"]
    assert mine["limiting"] and mine["count"] == 10 and mine["until"] == "2026-11-23T09:15:00"
    response = client.delete(f"/sim/api/limits/{mine['key']}", json={})
    assert response.status_code == 200 and response.get_json() == {"lifted": 1}
    assert log_in(submit, PASSWORD).status_code == 302
    missing = client.delete("/sim/api/limits/login:pv:nobody", json={})
    assert missing.status_code == 404 and missing.get_json()["error"] == "unknown_limit"


def test_lifting_all_limits_from_the_console_frees_the_account(louise, submit, client):
    for _ in range(10):
        log_in(submit, WRONG)
    page = client.get("/sim/").get_data(as_text=True)
    assert 'data-key="login:pv:louise@example.be" data-limiting="yes"' in page
    lifted = client.post("/sim/limits/lift", data={"csrf_token": csrf_token(page)})
    assert lifted.status_code == 302
    assert 'data-testid="no-limits"' in client.get("/sim/").get_data(as_text=True)
    assert log_in(submit, PASSWORD).status_code == 302
    counted = client.delete("/sim/api/limits", json={}).get_json()
    assert counted == {"lifted": 2}, "the login's SMS, per account and per mobile"


# --- registration step 1 and "send me a new code" (RG-5, RG-6) --------------------------


def step1(submit, birth, number="5436548", lang="nl"):
    return submit(f"/pv/{lang}/register", {"contract_number": number, "birth_date": birth})


def test_rg5_five_wrong_birth_dates_lock_the_contract_for_a_day(
    client, submit, db, freeze, personas
):
    freeze(MONDAY)
    answers = [refusal(step1(submit, f"1985-03-{day:02d}")) for day in range(1, 6)]
    assert answers == ["data_mismatch"] * 4 + ["register_limited"]
    locked = step1(submit, "1985-03-12", lang="fr")
    assert refusal(locked) == "register_limited", "even the right date is refused"
    assert "mypv@pv.be" in locked.get_data(as_text=True)
    assert letters(db) == 0
    move(db, days=1)
    assert refusal(step1(submit, "1985-03-12")) is None and letters(db) == 1


def test_rg5_one_client_address_gets_thirty_step1_tries_an_hour(
    client, submit, db, freeze, personas
):
    freeze(MONDAY)
    numbers = [f"99{i:05d}" for i in range(30)]  # unknown contracts: each its own counter
    assert {refusal(step1(submit, "1985-03-12", n)) for n in numbers} == {"contract_not_found"}
    assert refusal(step1(submit, "1985-03-12")) == "register_limited"
    other = {"REMOTE_ADDR": "127.0.0.2"}
    page = client.get("/pv/nl/register", environ_base=other)
    data = {**LOUISE, "csrf_token": csrf_token(page.get_data(as_text=True))}
    assert refusal(client.post("/pv/nl/register", data=data, environ_base=other)) is None
    move(db, hours=1)
    assert refusal(step1(submit, "1985-03-12")) is None


def test_rg6_three_letters_a_day_per_contract_and_new_code_still_answers_the_same(
    client, submit, db, freeze, personas
):
    freeze(MONDAY)
    assert refusal(step1(submit, "1985-03-12")) is None
    sent = [submit("/pv/nl/register/new-code", LOUISE) for _ in range(3)]
    assert all('data-testid="new-code-sent"' in r.get_data(as_text=True) for r in sent)
    assert letters(db) == 3, "the third request asked for a fourth letter: none posted"
    assert refusal(step1(submit, "1985-03-12")) == "letters_limited"
    move(db, days=1)
    assert 'data-testid="new-code-sent"' in submit("/pv/nl/register/new-code", LOUISE).get_data(
        as_text=True
    )
    assert letters(db) == 4


def test_rg6_new_code_is_limited_per_client_address_without_saying_so(
    client, submit, db, freeze, personas
):
    freeze(MONDAY)
    invented = {"contract_number": "5436549", "birth_date": "1985-03-12"}
    for _ in range(30):
        submit("/pv/nl/register/new-code", invented)
    response = submit("/pv/nl/register/new-code", LOUISE)
    assert 'data-testid="new-code-sent"' in response.get_data(as_text=True)
    assert refusal(response) is None and letters(db) == 0
