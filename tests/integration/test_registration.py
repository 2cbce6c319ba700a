"""Registration with personal data on a real session (RG-1, RG-2, RG-5, RG-6, RG-7):
the letter posted, delivered by moving the clock, the code accepted, the mobile
confirmed by SMS, the account made; called as portal/views/password.py calls them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from auth import activation, registration
from auth.errors import ActivationCodeWrong, DataMismatch
from models import (
    Account,
    ActivationCode,
    Brand,
    Channel,
    Language,
    OutboxMessage,
    PendingRegistration,
)
from models.sim import advance_clock
from tests.integration.conftest import BIRTH

PASSWORD = "correct horse battery"
ADDRESS = "198.51.100.7"


def post_letter(db, contract, now, rules) -> OutboxMessage:
    letter = activation.request_letter(
        db, Brand.PV, contract.number, BIRTH, now(), rules, address=ADDRESS
    )
    db.commit()
    return letter


def start(db, contract, code, now, rules) -> registration.Started:
    return registration.start_activation(
        db,
        Brand.PV,
        contract_number=contract.number,
        code=code,
        email="louise@example.be",
        password=PASSWORD,
        mobile="0470 12 34 56",
        language=Language.NL,
        now=now(),
        rules=rules,
    )


def test_rg1_rg6_the_letter_is_posted_to_the_holder_and_arrives_business_days_later(
    db, contract, now, rules
):
    letter = post_letter(db, contract, now, rules)
    assert (letter.channel, letter.kind) == (Channel.LETTER, "activation_letter")
    assert letter.person_id == contract.holder_id and letter.code
    assert not letter.delivered(now()) and letter.deliver_at > now()
    code = db.scalars(select(ActivationCode)).one()
    assert code.letter_id == letter.id and letter.code.replace("-", "") not in code.code_hash


def test_rg5_a_wrong_birth_date_posts_no_letter(db, contract, now, rules):
    with pytest.raises(DataMismatch):
        activation.request_letter(
            db, Brand.PV, contract.number, BIRTH.replace(day=13), now(), rules, address=ADDRESS
        )
    db.commit()
    assert db.scalars(select(OutboxMessage)).first() is None


def test_rg6_the_code_of_a_letter_in_transit_is_refused_and_counted(db, contract, now, rules):
    letter = post_letter(db, contract, now, rules)
    with pytest.raises(ActivationCodeWrong):
        start(db, contract, letter.code, now, rules)
    db.commit()  # the view commits the counted wrong try
    assert db.scalars(select(ActivationCode)).one().failed_attempts == 1
    assert db.scalars(select(PendingRegistration)).first() is None


def test_rg1_rg2_rg7_letter_delivered_code_accepted_mobile_confirmed_account_made(
    db, contract, now, rules
):
    letter = post_letter(db, contract, now, rules)
    advance_clock(db, letter.deliver_at - now())
    db.commit()
    assert letter.delivered(now())

    started = start(db, contract, letter.code, now, rules)
    db.commit()
    assert db.scalars(select(Account)).first() is None  # nothing of the account yet
    sms = db.get(OutboxMessage, started.challenge.message_id)
    assert sms.channel == Channel.SMS and sms.code

    account = registration.confirm_mobile(
        db, Brand.PV, started.challenge.attempt_token, sms.code, now(), rules
    )
    db.commit()
    db.expire_all()
    made = db.scalars(select(Account)).one()
    assert made.id == account.id and made.person_id == contract.holder_id
    assert (made.brand, made.email, made.method) == (Brand.PV, "louise@example.be", "password")
    assert made.digital_consent_at == now()  # RG-3 consent given at registration
    assert db.scalars(select(ActivationCode)).one().used_at == now()
    assert db.scalars(select(PendingRegistration)).first() is None
    kinds = db.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.id)).all()
    assert kinds[-1] == "welcome_email"
