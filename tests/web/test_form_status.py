"""A refused form answers 422 (or 400 for a form that cannot be read) with its message,
in the customer's language (issue 10): registration steps (RG-1, RG-5, RG-6, RG-2),
login (RG-2), contact changes (PD-1, PD-2, RG-7), the support report (RG-5). An email
with spaces inside is refused, never rewritten (RG-7)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from models import Account, Brand, Channel, OutboxMessage
from portal.sim.control import deliver_all_letters

MONDAY = datetime(2026, 11, 23, 9, 0)
PASSWORD = "correct horse battery"


def refusal(response) -> str | None:
    match = re.search(r'data-code="([a-z_]+)"', response.get_data(as_text=True))
    return match.group(1) if match else None


def in_language(response, lang: str) -> bool:
    return f'<html lang="{lang}"' in response.get_data(as_text=True)


def letter_code(db) -> str:
    """The newest letter's code, once the post delivered it (RG-6)."""
    deliver_all_letters(db)
    db.commit()
    db.expire_all()
    query = select(OutboxMessage).where(OutboxMessage.channel == Channel.LETTER)
    return db.scalars(query.order_by(OutboxMessage.id.desc())).first().code


@pytest.fixture
def ready(freeze, personas):
    freeze(MONDAY)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"contract_number": "0000000", "birth_date": "1985-03-12"}, "contract_unknown"),
        ({"contract_number": "5436548", "birth_date": "not a date"}, None),
    ],
)
def test_step1_refusals_answer_422_in_the_page_language(ready, submit, data, code):
    response = submit("/pv/fr/register", data)
    assert response.status_code == 422, refusal(response)
    assert in_language(response, "fr")
    if code:
        assert refusal(response) is not None


def test_a_new_code_request_that_cannot_be_read_answers_422(ready, submit):
    data = {"contract_number": "5436548", "birth_date": "31/02/1985"}
    response = submit("/pv/nl/register/new-code", data)
    assert response.status_code == 422 and in_language(response, "nl")


def activation(submit, db, **fields):
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    data = {
        "contract_number": "5436548",
        "code": letter_code(db),
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470 12 34 56",
        **fields,
    }
    return submit("/pv/nl/register/activate", data)


@pytest.mark.parametrize(
    "fields",
    [
        {"code": "WRONGCODE"},
        {"email": "' OR '1'='1' --@example.be"},
        {"email": "louise @example.be"},
        {"mobile": "02 123 45 67"},
        {"password": "short"},
        {"password": ""},
    ],
)
def test_step2_refusals_answer_422_with_their_message(ready, submit, db, fields):
    response = activation(submit, db, **fields)
    assert response.status_code == 422, response.status_code
    assert in_language(response, "nl")
    assert db.scalars(select(Account)).first() is None


def test_a_wrong_sms_code_answers_422(ready, submit, db):
    assert activation(submit, db).status_code == 302
    response = submit("/pv/nl/register/confirm", {"code": "000000"})
    assert response.status_code == 422 and refusal(response)


def test_a_resend_asked_too_soon_answers_422_with_its_message(ready, submit, db):
    assert activation(submit, db).status_code == 302
    response = submit("/pv/nl/register/confirm", {}, action="/pv/nl/sms/resend/mobile")
    assert response.status_code == 422 and refusal(response) == "sms_resend_too_soon"
    assert in_language(response, "nl")


def test_a_wrong_password_answers_422(ready, submit, db, person_named, login):
    response = submit(
        "/pv/nl/login/password", {"email": "nobody@example.be", "password": "wrong password!"}
    )
    assert response.status_code == 422 and refusal(response) and in_language(response, "nl")


@pytest.mark.parametrize(
    ("url", "data", "status"),
    [
        (
            "/pv/nl/profile/address",
            {
                "address-street": "Bondgenotenlaan",
                "address-house_number": "5",
                "address-postcode": "0000",
                "address-city": "Leuven",
            },
            422,
        ),
        (
            "/pv/nl/profile/address",
            {
                "address-street": "",
                "address-house_number": "5",
                "address-postcode": "3000",
                "address-city": "Leuven",
            },
            400,
        ),
        ("/pv/nl/profile/email", {"email-email": "sofie new@example.be"}, 422),
        ("/pv/nl/profile/email", {"email-email": "' OR '1'='1' --@example.be"}, 422),
        ("/pv/nl/profile/mobile", {"mobile-mobile": "02 123 45 67"}, 422),
    ],
)
def test_a_refused_contact_change_answers_422_or_400(
    ready, submit, db, person_named, login, url, data, status
):
    login(person_named("Sofie"), Brand.PV, email="sofie@example.be")
    response = submit("/pv/nl/profile", data, action=url)
    assert response.status_code == status
    assert in_language(response, "nl")
    db.expire_all()
    assert db.scalars(select(Account)).one().email == "sofie@example.be"


def test_a_support_report_with_a_spaced_email_answers_400(ready, submit):
    page = "/pv/fr/register"
    response = submit(
        page,
        {"error_code": "person_not_found", "email": "a b@example.be"},
        action="/pv/fr/support/report",
    )
    assert response.status_code == 400 and in_language(response, "fr")
