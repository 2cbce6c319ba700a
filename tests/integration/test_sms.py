"""SMS codes on a real session (RG-2): a challenge with its first code, wrong codes
counted in the database up to the block, a code used once, expiry, and the resend
limits (cooldown, number of sends), called as auth/registration.py calls auth/sms.py."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest

from auth import sms
from auth.errors import (
    AttemptUnknown,
    SmsCodeBlocked,
    SmsCodeExpired,
    SmsCodeWrong,
    SmsResendLimit,
    SmsResendTooSoon,
)
from auth.validation import parse_mobile
from models import Brand, Channel, Language, OutboxMessage, SmsChallenge
from models.sim import advance_clock


@pytest.fixture
def attempt(db, contract, now, rules):
    """(challenge, secret): one login attempt of the contract's holder, its code sent."""
    secret = pyotp.random_base32()
    challenge = sms.issue_challenge(
        db,
        brand=Brand.PV,
        purpose="login",
        secret=secret,
        counter=0,
        mobile=parse_mobile("0470 12 34 56"),
        language=Language.NL,
        person_id=contract.holder_id,
        now=now(),
        rules=rules,
    )
    db.commit()
    return challenge, secret


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def sent_code(db, challenge: SmsChallenge) -> str:
    db.refresh(challenge)
    return db.get(OutboxMessage, challenge.message_id).code


def test_rg2_a_challenge_sends_its_code_by_sms_valid_for_some_minutes(db, attempt, now, rules):
    challenge, secret = attempt
    message = db.get(OutboxMessage, challenge.message_id)
    assert message.channel == Channel.SMS and message.recipient == challenge.mobile
    assert message.code == sms.code_at(secret, 0) and message.delivered(now())
    assert challenge.expires_at == now() + timedelta(minutes=rules.sms_code_minutes)


def test_rg2_wrong_codes_are_counted_until_the_attempt_is_blocked(db, attempt, now, rules):
    challenge, secret = attempt
    code = sent_code(db, challenge)
    for tries in range(1, rules.sms_max_attempts):
        with pytest.raises(SmsCodeWrong):
            sms.verify_code(db, challenge, secret, wrong(code), now(), rules)
        db.commit()  # the view commits the counted try
        db.refresh(challenge)
        assert challenge.failed_attempts == tries
    with pytest.raises(SmsCodeBlocked):
        sms.verify_code(db, challenge, secret, wrong(code), now(), rules)
    db.commit()
    with pytest.raises(SmsCodeBlocked):  # even the right code, once blocked
        sms.verify_code(db, challenge, secret, code, now(), rules)


def test_rg2_the_right_code_works_once(db, attempt, now, rules):
    challenge, secret = attempt
    code = sent_code(db, challenge)
    sms.verify_code(db, challenge, secret, code, now(), rules)
    db.commit()
    db.refresh(challenge)
    assert challenge.used_at == now()
    with pytest.raises(AttemptUnknown):
        sms.verify_code(db, challenge, secret, code, now(), rules)


def test_rg2_a_code_expires_at_its_expiry(db, attempt, now, rules):
    challenge, secret = attempt
    advance_clock(db, challenge.expires_at - now())
    db.commit()
    with pytest.raises(SmsCodeExpired):
        sms.verify_code(db, challenge, secret, sent_code(db, challenge), now(), rules)


def test_rg2_resends_are_spaced_limited_and_replace_the_previous_code(
    db, attempt, contract, now, rules
):
    challenge, secret = attempt
    first = sent_code(db, challenge)

    def resend() -> None:
        holder = contract.holder_id
        sms.resend(db, challenge, secret, challenge.sends, Language.NL, holder, now(), rules)

    with pytest.raises(SmsResendTooSoon):
        resend()
    db.commit()
    for sends in range(2, rules.sms_max_sends + 1):
        advance_clock(db, timedelta(seconds=rules.sms_resend_seconds))
        resend()
        db.commit()
        assert challenge.sends == sends
    advance_clock(db, timedelta(seconds=rules.sms_resend_seconds))
    with pytest.raises(SmsResendLimit):
        resend()
    db.commit()
    latest = sent_code(db, challenge)
    assert latest == sms.code_at(secret, challenge.counter) != first
    with pytest.raises(SmsCodeWrong):  # the earlier code stopped working
        sms.verify_code(db, challenge, secret, first, now(), rules)
    db.commit()
    sms.verify_code(db, challenge, secret, latest, now(), rules)
