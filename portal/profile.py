"""Changing contact details in the portal (PD-1, PD-2, RG-7).

The change is recorded, the customer sees it at once; the intermediary's view follows
PD-2 (P&V the next day, Vivium never); contract addresses never change here (PD-1).
A new mobile number is confirmed by an SMS code sent to it before it is used.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pyotp
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from auth import sms
from auth.accounts import email_taken
from auth.errors import AttemptUnknown, AuthRefusal, EmailAlreadyUsed
from auth.password_login import next_counter
from auth.settings import AuthSettings
from auth.validation import parse_email, parse_mobile
from models import Account, ContactChange, Person, SmsChallenge, normalise_email
from models.enums import Brand
from portal.rules.contacts import FIELDS, ContactDetails, customer_view, intermediary_sees_from

POSTCODE = re.compile(r"[1-9][0-9]{3}")


class InvalidAddress(AuthRefusal):
    code, rule = "invalid_address", "PD-1"
    reportable = False


_CONTACT_COLUMNS = tuple(getattr(Person, f) for f in FIELDS)
#: The account's login email and mobile, and the person's contact columns (`FIELDS`).
_SHOWN_DETAILS = (
    select(Account.email.label("account_email"), Account.mobile.label("account_mobile"))
    .add_columns(*_CONTACT_COLUMNS)
    .join(Person, Person.id == Account.person_id)
    .where(Account.brand == bindparam("brand"), Account.person_id == bindparam("person_id"))
)
_CHANGES = (
    select(*(getattr(ContactChange, f) for f in FIELDS))
    .where(
        ContactChange.person_id == bindparam("person_id"),
        ContactChange.brand == bindparam("brand"),
    )
    .order_by(ContactChange.id)
)


def shown_details(db: Session, brand: Brand, person_id: int) -> ContactDetails | None:
    """What the customer sees as their contact details (PD-1): the person's, with every
    change of the portal applied at once, and the account's login email and mobile.
    Plain columns in two Core statements (the profile page reads them on every visit,
    issue 12); None when the person has no account in this brand."""
    connection = db.connection()
    values = {"brand": brand, "person_id": person_id}
    row = connection.execute(_SHOWN_DETAILS, values).one_or_none()
    if row is None:
        return None
    details = customer_view(row, connection.execute(_CHANGES, values))
    return replace(details, email=row.account_email, mobile=row.account_mobile or details.mobile)


def _record(db: Session, account: Account, now: datetime, **fields) -> ContactChange:
    change = ContactChange(
        brand=account.brand,
        person_id=account.person_id,
        changed_at=now,
        intermediary_sees_from=intermediary_sees_from(account.brand, now),
        **fields,
    )
    db.add(change)
    return change


def change_address(
    db: Session, account: Account, street: str, number: str, postcode: str, city: str, now: datetime
) -> ContactChange:
    values = {
        "street": street.strip(),
        "house_number": number.strip(),
        "postcode": postcode.strip(),
        "city": city.strip(),
    }
    if (
        not (1 <= len(values["street"]) <= 120)
        or not (1 <= len(values["house_number"]) <= 12)
        or not POSTCODE.fullmatch(values["postcode"])
        or not (1 <= len(values["city"]) <= 80)
        or any("\x00" in v for v in values.values())
    ):
        raise InvalidAddress()
    return _record(db, account, now, **values)


def change_email(db: Session, account: Account, email: str, now: datetime) -> None:
    """RG-7 holds here too: the new address must be free in this brand."""
    address = parse_email(email)
    if normalise_email(address) == account.email:
        return
    if email_taken(db, account.brand, address):
        raise EmailAlreadyUsed()
    account.email = normalise_email(address)
    _record(db, account, now, email=address)
    try:
        db.flush()
    except IntegrityError as exc:
        db.rollback()
        raise EmailAlreadyUsed() from exc


def start_mobile_change(
    db: Session, account: Account, mobile: str, now: datetime, rules: AuthSettings
) -> SmsChallenge:
    """Send a code to the new number; nothing changes until it comes back."""
    number = parse_mobile(mobile)
    if account.otp_secret is None:
        account.otp_secret = pyotp.random_base32()
        db.flush()
    return sms.issue_challenge(
        db,
        brand=account.brand,
        purpose="mobile_change",
        secret=account.otp_secret,
        counter=next_counter(db, account),
        mobile=number,
        language=account.language,
        person_id=account.person_id,
        now=now,
        rules=rules,
        account_id=account.id,
    )


def confirm_mobile_change(
    db: Session, account: Account, token: str | None, code: str, now: datetime, rules: AuthSettings
) -> None:
    challenge = db.scalars(
        select(SmsChallenge).where(
            SmsChallenge.attempt_token == (token or ""),
            SmsChallenge.account_id == account.id,
            SmsChallenge.purpose == "mobile_change",
        )
    ).one_or_none()
    if challenge is None:
        raise AttemptUnknown()
    sms.verify_code(db, challenge, account.otp_secret, code, now, rules)
    account.mobile = challenge.mobile
    _record(db, account, now, mobile=challenge.mobile)
