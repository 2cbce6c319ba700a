"""SMS codes: HOTP (RFC 4226, pyotp) over a secret kept server-side and a counter that
the server advances for each code sent (RG-2).

Why HOTP with a server-side counter: every code sent is a fresh counter value, so a
code is valid once and for one attempt only, and nothing depends on clocks agreeing;
validity (10 minutes), tries (5) and resends are enforced on the challenge row.

Every SMS sent also counts against the limits per customer and per mobile number and
day (auth.limits), whatever its purpose (login, registration, change of mobile).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import pyotp
from sqlalchemy import update
from sqlalchemy.orm import Session

from auth import limits, throttle
from auth.codes import CodeState, sms_challenge_state
from auth.errors import (
    AttemptUnknown,
    SmsCodeBlocked,
    SmsCodeExpired,
    SmsCodeWrong,
    SmsResendLimit,
    SmsResendTooSoon,
)
from auth.messages import send_sms
from auth.settings import AuthSettings
from models import OutboxMessage, SmsChallenge
from models.enums import Brand, Language

DIGITS = 6


def code_at(secret: str, counter: int) -> str:
    return pyotp.HOTP(secret, digits=DIGITS).at(counter)


def reserve(
    db: Session,
    brand: Brand,
    person_id: int | None,
    mobile: str,
    now: datetime,
    rules: AuthSettings,
) -> None:
    """Count one SMS for this customer and this mobile number, or refuse (RG-2)."""
    account = f"{brand.value}:{person_id}"
    until = throttle.take(db, "sms_account", account, limits.quota("sms_account", rules), now)
    if until is None:
        until = throttle.take(db, "sms_mobile", mobile, limits.quota("sms_mobile", rules), now)
        if until is not None:
            throttle.give_back(db, "sms_account", account)
    if until is not None:
        raise limits.SmsLimited(until)


def issue_challenge(
    db: Session,
    *,
    brand: Brand,
    purpose: str,
    secret: str,
    counter: int,
    mobile: str,
    language: Language,
    person_id: int | None,
    now: datetime,
    rules: AuthSettings,
    account_id: int | None = None,
    pending_id: int | None = None,
    reserved: bool = False,
) -> SmsChallenge:
    """Create the challenge of one attempt and send its first code (counted by
    `reserve` here, unless the caller `reserved` it before its own writes)."""
    if not reserved:
        reserve(db, brand, person_id, mobile, now, rules)
    challenge = SmsChallenge(
        attempt_token=secrets.token_urlsafe(32),
        brand=brand,
        purpose=purpose,
        account_id=account_id,
        pending_id=pending_id,
        counter=counter,
        mobile=mobile,
        created_at=now,
        sent_at=now,
        expires_at=now + timedelta(minutes=rules.sms_code_minutes),
        sends=1,
        failed_attempts=0,
    )
    db.add(challenge)
    message = send_sms(
        db,
        brand,
        language,
        mobile,
        code_at(secret, counter),
        purpose,
        now,
        rules.sms_code_minutes,
        person_id,
    )
    db.flush()
    challenge.message_id = message.id
    db.flush()
    return challenge


def sms_arrived(db: Session, challenge: SmsChallenge, now: datetime) -> bool:
    """RG-2: the customer has the current code only if its SMS was delivered (not under
    the `sms_not_delivered` fault); a code typed from anywhere else counts as wrong."""
    if challenge.message_id is None:
        return True
    message = db.get(OutboxMessage, challenge.message_id)
    return message is None or message.delivered(now)


def verify_code(
    db: Session, challenge: SmsChallenge, secret: str, code: str, now: datetime, rules: AuthSettings
) -> None:
    """Accept the code once, or count a wrong try in the database (not in a process).
    The right code of an SMS that never came counts as a wrong one (`sms_arrived`).

    The counters are updated with conditional UPDATE statements so that parallel tries
    can neither exceed the limit nor use one code twice.
    """
    state = sms_challenge_state(challenge, now, rules.sms_max_attempts)
    if state == CodeState.USED:
        raise AttemptUnknown()
    if state == CodeState.BLOCKED:
        raise SmsCodeBlocked()
    if state == CodeState.EXPIRED:
        raise SmsCodeExpired()
    typed = "".join(ch for ch in (code or "")[:20] if ch.isdigit())
    right = len(typed) == DIGITS and pyotp.HOTP(secret, digits=DIGITS).verify(
        typed, challenge.counter
    )
    if right and sms_arrived(db, challenge, now):
        used = db.execute(
            update(SmsChallenge)
            .where(SmsChallenge.id == challenge.id, SmsChallenge.used_at.is_(None))
            .where(SmsChallenge.failed_attempts < rules.sms_max_attempts)
            .values(used_at=now)
        )
        if used.rowcount != 1:
            raise AttemptUnknown()
        return
    counted = db.execute(
        update(SmsChallenge)
        .where(
            SmsChallenge.id == challenge.id, SmsChallenge.failed_attempts < rules.sms_max_attempts
        )
        .values(failed_attempts=SmsChallenge.failed_attempts + 1)
    )
    db.refresh(challenge)
    if counted.rowcount != 1 or challenge.failed_attempts >= rules.sms_max_attempts:
        raise SmsCodeBlocked()
    raise SmsCodeWrong()


def resend(
    db: Session,
    challenge: SmsChallenge,
    secret: str,
    counter: int,
    language: Language,
    person_id: int | None,
    now: datetime,
    rules: AuthSettings,
) -> None:
    """Send a new code for the same attempt: the previous code stops working, the wrong
    tries already made still count, and sends are limited and spaced.

    The send is claimed with one conditional UPDATE (fewer than the maximum sends, the
    cooldown over, the attempt still open), so parallel resends never exceed the limit.
    """
    state = sms_challenge_state(challenge, now, rules.sms_max_attempts)
    if state in (CodeState.USED, CodeState.BLOCKED):
        raise AttemptUnknown() if state == CodeState.USED else SmsCodeBlocked()
    if challenge.sends >= rules.sms_max_sends:
        raise SmsResendLimit()
    if now < challenge.sent_at + timedelta(seconds=rules.sms_resend_seconds):
        raise SmsResendTooSoon()
    reserve(db, challenge.brand, person_id, challenge.mobile, now, rules)
    claimed = db.execute(
        update(SmsChallenge)
        .where(
            SmsChallenge.id == challenge.id,
            SmsChallenge.sends < rules.sms_max_sends,
            SmsChallenge.sent_at <= now - timedelta(seconds=rules.sms_resend_seconds),
            SmsChallenge.used_at.is_(None),
            SmsChallenge.failed_attempts < rules.sms_max_attempts,
        )
        .values(
            counter=counter,
            sends=SmsChallenge.sends + 1,
            sent_at=now,
            expires_at=now + timedelta(minutes=rules.sms_code_minutes),
        )
    )
    if claimed.rowcount != 1:
        _give_back_sms(db, challenge.brand, person_id, challenge.mobile)
        db.refresh(challenge)
        raise SmsResendLimit() if challenge.sends >= rules.sms_max_sends else SmsResendTooSoon()
    db.refresh(challenge)
    message = send_sms(
        db,
        challenge.brand,
        language,
        challenge.mobile,
        code_at(secret, counter),
        challenge.purpose,
        now,
        rules.sms_code_minutes,
        person_id,
    )
    db.flush()
    db.execute(
        update(SmsChallenge).where(SmsChallenge.id == challenge.id).values(message_id=message.id)
    )
    db.refresh(challenge)


def _give_back_sms(db: Session, brand: Brand, person_id: int | None, mobile: str) -> None:
    throttle.give_back(db, "sms_account", f"{brand.value}:{person_id}")
    throttle.give_back(db, "sms_mobile", mobile)
