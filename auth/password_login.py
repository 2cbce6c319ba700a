"""Login with email and password, then an SMS code at every login (RG-2).

An unknown email and a wrong password give the same refusal, and both pay for one
password-hash check at the configured cost (auth.passwords), so that neither the message
nor the timing tells whether an email has an account.

Limits (auth.limits): wrong passwords are counted per brand and typed email, known or
not; once locked, even the right password is refused until the lock ends or is lifted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from auth import limits, passwords, sms, throttle
from auth.errors import AttemptUnknown, InvalidCredentials
from auth.settings import AuthSettings
from models import Account, SmsChallenge, normalise_email
from models.enums import Brand


def next_counter(db: Session, account: Account) -> int:
    """Reserve the account's next HOTP counter value atomically."""
    db.execute(
        update(Account).where(Account.id == account.id).values(otp_counter=Account.otp_counter + 1)
    )
    db.refresh(account, ["otp_counter"])
    return account.otp_counter - 1


def _wrong_password(db: Session, subject: str, now: datetime, rules: AuthSettings) -> None:
    """Count the failure; the one that reaches a limit already says so."""
    until = throttle.fail(
        db,
        "login",
        subject,
        limits.quota("login", rules),
        now,
        lambda failures, _start: limits.login_lock_until(failures, now, rules),
    )
    if until is not None:
        raise limits.login_refusal(until, now, rules)
    raise InvalidCredentials()


def start_login(
    db: Session, brand: Brand, email: str, password: str, now: datetime, rules: AuthSettings
) -> SmsChallenge:
    """Check email and password, then send the SMS code of this login attempt."""
    typed = normalise_email((email or "")[:254])
    subject = f"{brand.value}:{typed}"
    until = throttle.locked_until(db, "login", subject, now)
    if until is not None:
        raise limits.login_refusal(until, now, rules)
    account = db.scalars(
        select(Account).where(
            Account.brand == brand,
            Account.email == typed,
            Account.password_hash.is_not(None),
        )
    ).one_or_none()
    password = (password or "")[:128]
    if account is None:
        passwords.verify(passwords.dummy_hash(rules), password)  # the same cost (RG-2)
        _wrong_password(db, subject, now, rules)
    if not passwords.verify(account.password_hash, password):
        _wrong_password(db, subject, now, rules)
    if passwords.needs_rehash(account.password_hash, rules):  # the setting changed
        account.password_hash = passwords.hash_password(password, rules)
    throttle.forget(db, "login", subject)
    return sms.issue_challenge(
        db,
        brand=brand,
        purpose="login",
        secret=account.otp_secret,
        counter=next_counter(db, account),
        mobile=account.mobile,
        language=account.language,
        person_id=account.person_id,
        now=now,
        rules=rules,
        account_id=account.id,
    )


def login_challenge(db: Session, brand: Brand, token: str | None) -> tuple[SmsChallenge, Account]:
    challenge = db.scalars(
        select(SmsChallenge).where(
            SmsChallenge.attempt_token == (token or ""),
            SmsChallenge.brand == brand,
            SmsChallenge.purpose == "login",
        )
    ).one_or_none()
    if challenge is None or challenge.account_id is None:
        raise AttemptUnknown()
    account = db.scalars(
        select(Account)
        .options(joinedload(Account.person))
        .where(Account.id == challenge.account_id)
    ).one()
    return challenge, account


def finish_login(
    db: Session, brand: Brand, token: str | None, code: str, now: datetime, rules: AuthSettings
) -> Account:
    """The SMS code of this attempt, valid once, within its lifetime and tries."""
    challenge, account = login_challenge(db, brand, token)
    sms.verify_code(db, challenge, account.otp_secret, code, now, rules)
    return account


def resend_login_code(
    db: Session, brand: Brand, token: str | None, now: datetime, rules: AuthSettings
) -> None:
    challenge, account = login_challenge(db, brand, token)
    sms.resend(
        db,
        challenge,
        account.otp_secret,
        next_counter(db, account),
        account.language,
        account.person_id,
        now,
        rules,
    )
