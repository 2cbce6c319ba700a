"""Activation letters: who may ask for one, posting it, replacing it, and checking the
code typed back (RG-1, RG-5, RG-6)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from auth.accounts import account_of
from auth.codes import (
    CodeState,
    activation_code_state,
    code_matches,
    hash_code,
    new_activation_code,
)
from auth.errors import (
    ActivationCodeBlocked,
    ActivationCodeExpired,
    ActivationCodeReplaced,
    ActivationCodeUsed,
    ActivationCodeWrong,
    AlreadyRegistered,
    AuthRefusal,
    ContractEnded,
    ContractNotFound,
    ContractOtherBrand,
    DataMismatch,
    PersonDuplicated,
)
from auth.messages import post_activation_letter
from auth.settings import AuthSettings
from auth.validation import normalise_contract_number
from models import ActivationCode, Contract, OutboxMessage, Person
from models.enums import Brand, ContractStatus

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


def matching_code(
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
    still_valid = db.execute(  # parallel wrong tries may have blocked it since we read it
        update(ActivationCode)
        .where(
            ActivationCode.id == matched.id,
            ActivationCode.failed_attempts < rules.activation_max_attempts,
            ActivationCode.used_at.is_(None),
            ActivationCode.voided_at.is_(None),
        )
        .values(failed_attempts=ActivationCode.failed_attempts)
    )
    if still_valid.rowcount != 1:
        raise ActivationCodeBlocked()
    return matched
