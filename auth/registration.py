"""Registration with personal data: a letter with an activation code, then contract
number, code, email, password and mobile number, the mobile confirmed by SMS before the
account exists (RG-1, RG-2, RG-5, RG-6, RG-7).

Flows flush but never commit: the entry point commits. A refusal may leave a counter
update (a wrong code counted) that the entry point commits too; nothing else is written
before the checks pass.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pyotp
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from auth import sms
from auth.accounts import account_of, email_taken
from auth.codes import (
    CodeState,
    activation_code_state,
    code_matches,
    hash_code,
    new_activation_code,
    normalise_code,
)
from auth.errors import (
    ActivationCodeBlocked,
    ActivationCodeExpired,
    ActivationCodeReplaced,
    ActivationCodeUsed,
    ActivationCodeWrong,
    AlreadyRegistered,
    AttemptUnknown,
    AuthRefusal,
    ContractEnded,
    ContractNotFound,
    ContractOtherBrand,
    DataMismatch,
    EmailAlreadyUsed,
    PersonDuplicated,
)
from auth.messages import post_activation_letter, send_welcome_email
from auth.settings import AuthSettings
from auth.validation import check_password, normalise_contract_number, parse_email, parse_mobile
from models import (
    Account,
    ActivationCode,
    Contract,
    OutboxMessage,
    PendingRegistration,
    Person,
    SmsChallenge,
    normalise_email,
)
from models.enums import Brand, ContractStatus, Language

_REFUSED_BY_STATE = {
    CodeState.USED: ActivationCodeUsed,
    CodeState.VOIDED: ActivationCodeReplaced,
    CodeState.BLOCKED: ActivationCodeBlocked,
    CodeState.EXPIRED: ActivationCodeExpired,
}


def registration_contract(
    db: Session, brand: Brand, contract_number: str, birth_date: date
) -> Contract:
    """The contract and holder a registration may start from, or the refusal (RG-5).

    Unknown contract, a contract of the other brand (BR-1), an ended contract, a date of
    birth that does not match, a holder recorded twice: each has its own refusal.
    """
    number = normalise_contract_number(contract_number)
    contract = (
        db.scalars(select(Contract).where(Contract.number == number)).one_or_none()
        if number
        else None
    )
    if contract is None:
        raise ContractNotFound()
    if contract.brand != brand:
        raise ContractOtherBrand()
    holder = db.get(Person, contract.holder_id)
    if holder.birth_date != birth_date:
        raise DataMismatch()
    records = db.scalar(
        select(func.count())
        .select_from(Person)
        .where(Person.national_number == holder.national_number)
    )
    if records > 1:
        raise PersonDuplicated()
    if contract.status != ContractStatus.ACTIVE:
        raise ContractEnded()
    if account_of(db, brand, holder.id) is not None:
        raise AlreadyRegistered()
    return contract


def _void_codes(db: Session, brand: Brand, person_id: int, now: datetime) -> None:
    db.execute(
        update(ActivationCode)
        .where(
            ActivationCode.brand == brand,
            ActivationCode.person_id == person_id,
            ActivationCode.used_at.is_(None),
            ActivationCode.voided_at.is_(None),
        )
        .values(voided_at=now)
    )


def post_new_code(
    db: Session, brand: Brand, contract: Contract, now: datetime, rules: AuthSettings
) -> OutboxMessage:
    """RG-6: a fresh code by post; every earlier code of this person in this brand is void."""
    holder = db.get(Person, contract.holder_id)
    _void_codes(db, brand, holder.id, now)
    code = new_activation_code()
    expires = now + timedelta(days=rules.activation_code_days)
    letter = post_activation_letter(
        db, brand, holder, contract.number, code, now, expires, rules.letter_business_days
    )
    db.flush()
    db.add(
        ActivationCode(
            brand=brand,
            contract_id=contract.id,
            person_id=holder.id,
            code_hash=hash_code(code),
            letter_id=letter.id,
            created_at=now,
            expires_at=expires,
            failed_attempts=0,
        )
    )
    db.flush()
    return letter


def request_letter(
    db: Session,
    brand: Brand,
    contract_number: str,
    birth_date: date,
    now: datetime,
    rules: AuthSettings,
) -> OutboxMessage:
    """Step 1 (RG-1): check the contract and birth date, then post the letter."""
    contract = registration_contract(db, brand, contract_number, birth_date)
    return post_new_code(db, brand, contract, now, rules)


def request_replacement(
    db: Session,
    brand: Brand,
    contract_number: str,
    birth_date: date,
    now: datetime,
    rules: AuthSettings,
) -> None:
    """RG-6 "send me a new code": the same answer whether or not the data match, so that
    the page tells a stranger nothing about which contracts exist."""
    try:
        request_letter(db, brand, contract_number, birth_date, now, rules)
    except AuthRefusal:
        return


@dataclass(frozen=True)
class Started:
    pending: PendingRegistration
    challenge: SmsChallenge


def _matching_code(
    db: Session, brand: Brand, contract: Contract, typed: str, now: datetime, rules: AuthSettings
) -> ActivationCode:
    codes = list(
        db.scalars(
            select(ActivationCode)
            .where(ActivationCode.brand == brand, ActivationCode.contract_id == contract.id)
            .order_by(ActivationCode.id.desc())
        )
    )
    matched = next((c for c in codes if typed and code_matches(typed, c.code_hash)), None)
    if matched is None:
        current = next((c for c in codes if c.voided_at is None and c.used_at is None), None)
        if current is not None:
            db.execute(
                update(ActivationCode)
                .where(ActivationCode.id == current.id)
                .values(failed_attempts=ActivationCode.failed_attempts + 1)
            )
            db.refresh(current)
            if current.failed_attempts >= rules.activation_max_attempts:
                raise ActivationCodeBlocked()
        raise ActivationCodeWrong()
    state = activation_code_state(matched, now, rules.activation_max_attempts)
    if state != CodeState.VALID:
        raise _REFUSED_BY_STATE[state]()
    return matched


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
    activation = _matching_code(db, brand, contract, normalise_code(code), now, rules)
    address = parse_email(email)
    check_password(password, rules.password_min_length)
    phone = parse_mobile(mobile)
    if account_of(db, brand, activation.person_id) is not None:
        raise AlreadyRegistered()
    if email_taken(db, brand, address):
        raise EmailAlreadyUsed()
    pending = PendingRegistration(
        token=secrets.token_urlsafe(32),
        brand=brand,
        activation_code_id=activation.id,
        person_id=activation.person_id,
        email=address,
        password_hash=generate_password_hash(password),
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
