"""Registration with personal data, after the activation letter (auth.activation):
contract number, code, email, password and mobile number, the mobile confirmed by SMS
before the account exists (RG-1, RG-2, RG-6, RG-7).

Flows flush but never commit: the entry point commits. A refusal may leave a counter
update (a wrong code counted) that the entry point commits too; nothing else is written
before the checks pass.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from auth import passwords, sms
from auth.accounts import account_of, email_taken
from auth.activation import matching_code
from auth.codes import normalise_code
from auth.errors import (
    ActivationCodeUsed,
    ActivationCodeWrong,
    AlreadyRegistered,
    AttemptUnknown,
    EmailAlreadyUsed,
)
from auth.messages import send_welcome_email
from auth.settings import AuthSettings
from auth.validation import check_password, normalise_contract_number, parse_email, parse_mobile
from models import (
    Account,
    ActivationCode,
    Contract,
    PendingRegistration,
    Person,
    SmsChallenge,
    normalise_email,
)
from models.enums import Brand, Language


@dataclass(frozen=True)
class Started:
    pending: PendingRegistration
    challenge: SmsChallenge


def start_activation(
    db: Session,
    brand: Brand,
    *,
    contract_number: str,
    code: str,
    email: str,
    password: str,
    mobile: str,
    language: Language,
    now: datetime,
    rules: AuthSettings,
) -> Started:
    """Step 2 (RG-1, RG-2): prove the letter's code, choose email and password, and
    receive an SMS on the mobile number. Nothing of the account exists yet."""
    number = normalise_contract_number(contract_number)
    contract = db.scalars(
        select(Contract).where(Contract.number == number, Contract.brand == brand)
    ).one_or_none()
    if contract is None:
        raise ActivationCodeWrong()
    activation = matching_code(db, brand, contract, normalise_code(code), now, rules)
    address = parse_email(email)
    check_password(password, rules.password_min_length)
    phone = parse_mobile(mobile)
    if account_of(db, brand, activation.person_id) is not None:
        raise AlreadyRegistered()
    if email_taken(db, brand, address):
        raise EmailAlreadyUsed()
    sms.reserve(db, brand, activation.person_id, phone, now, rules)  # before any write
    pending = PendingRegistration(
        token=secrets.token_urlsafe(32),
        brand=brand,
        activation_code_id=activation.id,
        person_id=activation.person_id,
        email=address,
        password_hash=passwords.hash_password(password, rules),
        mobile=phone,
        language=language,
        otp_secret=pyotp.random_base32(),
        created_at=now,
    )
    db.add(pending)
    db.flush()
    challenge = sms.issue_challenge(
        db,
        brand=brand,
        purpose="mobile",
        secret=pending.otp_secret,
        counter=0,
        mobile=phone,
        language=language,
        person_id=pending.person_id,
        now=now,
        rules=rules,
        pending_id=pending.id,
        reserved=True,
    )
    return Started(pending, challenge)


def pending_challenge(
    db: Session, brand: Brand, token: str | None
) -> tuple[SmsChallenge, PendingRegistration]:
    challenge = db.scalars(
        select(SmsChallenge).where(
            SmsChallenge.attempt_token == (token or ""),
            SmsChallenge.brand == brand,
            SmsChallenge.purpose == "mobile",
        )
    ).one_or_none()
    pending = (
        db.get(PendingRegistration, challenge.pending_id)
        if challenge and challenge.pending_id
        else None
    )
    if challenge is None or pending is None:
        raise AttemptUnknown()
    return challenge, pending


def confirm_mobile(
    db: Session, brand: Brand, token: str | None, code: str, now: datetime, rules: AuthSettings
) -> Account:
    """Step 3: the SMS code proves the mobile number; then, in one transaction, the
    activation code is consumed and the account created (RG-7 settled by the database's
    unique constraint when two registrations race for one address)."""
    challenge, pending = pending_challenge(db, brand, token)
    sms.verify_code(db, challenge, pending.otp_secret, code, now, rules)
    consumed = db.execute(
        update(ActivationCode)
        .where(
            ActivationCode.id == pending.activation_code_id,
            ActivationCode.used_at.is_(None),
            ActivationCode.voided_at.is_(None),
        )
        .values(used_at=now)
    )
    if consumed.rowcount != 1:
        raise ActivationCodeUsed()
    account = Account(
        brand=brand,
        person_id=pending.person_id,
        email=normalise_email(pending.email),
        language=pending.language,
        method="password",
        created_at=now,
        digital_consent_at=now,
        password_hash=pending.password_hash,
        mobile=pending.mobile,
        otp_secret=pending.otp_secret,
        otp_counter=challenge.counter + 1,
    )
    db.add(account)
    try:
        db.flush()
    except IntegrityError as exc:
        db.rollback()
        raise EmailAlreadyUsed() from exc
    person = db.get(Person, pending.person_id)
    send_welcome_email(db, brand, person, pending.email, pending.language, now)
    db.delete(pending)
    db.flush()
    return account


def resend_mobile_code(
    db: Session, brand: Brand, token: str | None, now: datetime, rules: AuthSettings
) -> None:
    challenge, pending = pending_challenge(db, brand, token)
    sms.resend(
        db,
        challenge,
        pending.otp_secret,
        challenge.sends,
        pending.language,
        pending.person_id,
        now,
        rules,
    )
