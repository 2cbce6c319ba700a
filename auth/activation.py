"""Activation letters: who may ask for one, posting it, replacing it, and checking the
code typed back (RG-1, RG-5, RG-6); a code works only once its letter has arrived.

Limits (auth.limits): step 1 and "send me a new code" per client address and hour;
refused step-1 tries per contract number and day; letters per contract and day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from auth import limits, throttle
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
from models import Account, ActivationCode, Contract, OutboxMessage, Person
from models.calendar import letter_delivery
from models.enums import Brand, ContractStatus
from models.sim import FaultName, fault_on

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
        raise ContractOtherBrand(contract.brand)
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


def _address_allowed(db: Session, address: str, now: datetime, rules: AuthSettings):
    """None if this client address may try step 1 or "new code" once more, else until
    when it may not."""
    return throttle.take(
        db, "register_address", address, limits.quota("register_address", rules), now
    )


def request_letter(
    db: Session,
    brand: Brand,
    contract_number: str,
    birth_date: date,
    now: datetime,
    rules: AuthSettings,
    address: str = "",
) -> OutboxMessage:
    """Step 1 (RG-1, RG-5): check the contract and birth date, then post the letter;
    within the limits per client address, per contract number and per contract's
    letters."""
    number = normalise_contract_number(contract_number) or "-"
    until = _address_allowed(db, address, now, rules) or throttle.locked_until(
        db, "register_contract", number, now
    )
    if until is not None:
        raise limits.RegisterLimited(until)
    try:
        contract = registration_contract(db, brand, contract_number, birth_date)
    except AuthRefusal:
        lock = throttle.fail(
            db,
            "register_contract",
            number,
            limits.quota("register_contract", rules),
            now,
            lambda failures, start: limits.contract_lock_until(failures, start, rules),
        )
        if lock is not None:
            raise limits.RegisterLimited(lock) from None
        raise
    until = throttle.take(db, "letters", number, limits.quota("letters", rules), now)
    if until is not None:
        raise limits.LettersLimited(until)
    return post_new_code(db, brand, contract, now, rules)


def _same_work_as_a_letter(db: Session, now: datetime, rules: AuthSettings) -> None:
    """What checking the holder and posting a letter cost, without posting one: the
    holder's three look-ups, a code made and hashed, its delivery date, an UPDATE of the
    codes and the fault switch, so that "new code" takes about the same time whether or
    not the data matched (RG-6)."""
    db.scalar(select(Person.id).where(Person.id == -1))
    db.scalar(select(func.count()).select_from(Person).where(Person.national_number == ""))
    db.scalar(select(Account.id).where(Account.id == -1))
    hash_code(new_activation_code())
    letter_delivery(now, rules.letter_business_days)
    db.execute(update(ActivationCode).where(ActivationCode.id == -1).values(voided_at=now))
    fault_on(db, FaultName.LETTER_LOST)
    db.flush()


def request_replacement(
    db: Session,
    brand: Brand,
    contract_number: str,
    birth_date: date,
    now: datetime,
    rules: AuthSettings,
    address: str = "",
) -> None:
    """RG-6 "send me a new code": the same answer, in the same time, whether or not the
    data match or a limit stopped the letter, so that the page tells a stranger nothing
    about which contracts exist. Wrong data here lock nothing (a stranger could
    otherwise stop the customer's own step 1)."""
    number = normalise_contract_number(contract_number) or "-"
    allowed = _address_allowed(db, address, now, rules) is None
    try:
        contract = registration_contract(db, brand, contract_number, birth_date)
    except AuthRefusal:
        contract = None
    if allowed and contract is not None:
        if throttle.take(db, "letters", number, limits.quota("letters", rules), now) is None:
            post_new_code(db, brand, contract, now, rules)
            return
    else:  # the same statements as counting a letter
        throttle.take(db, "new_code_unmatched", "all", limits.UNCOUNTED, now)
    _same_work_as_a_letter(db, now, rules)


def letter_arrived(db: Session, code: ActivationCode, now: datetime) -> bool:
    """RG-6: the customer holds a code only once its letter is in the letterbox; the
    code of a letter in transit or lost in the post is refused as a wrong code (a row
    whose letter is gone counts as delivered)."""
    if code.letter_id is None:
        return True
    letter = db.get(OutboxMessage, code.letter_id)
    return letter is None or letter.delivered(now)


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
    if matched is not None and not letter_arrived(db, matched, now):
        matched = None  # the customer cannot have this code: it is a wrong one
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
