"""DC-3: how a customer receives documents in one brand (digital or paper), read by the
customer's documents page, publishing and the intermediaries' tools."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from models import Account, PaperException
from models.enums import Brand
from models.paper import PaperStatus


@dataclass(frozen=True)
class Delivery:
    """DC-3: how this customer receives documents in one brand."""

    mode: str  # "digital" or "paper"
    since: datetime | None
    reason: str  # "consent", "exception" or "no_account"


def delivery_mode(account: Any, exceptions: Iterable[Any]) -> Delivery:
    """DC-3: an approved exception means paper; else an account means the digital
    documents consented to at registration (RG-3); no account means paper too.
    `account` and `exceptions`: ORM objects or rows with the same attribute names."""
    approved = [e for e in exceptions if e.status == PaperStatus.APPROVED]
    if approved:
        latest = max(approved, key=lambda e: (e.decided_at or e.requested_at, e.id or 0))
        return Delivery("paper", latest.decided_at, "exception")
    if account is None:
        return Delivery("paper", None, "no_account")
    return Delivery("digital", account.digital_consent_at, "consent")


_OF_PERSON = {"brand": bindparam("brand"), "person_id": bindparam("person_id")}
# Built once with bound parameters (issue 12), as the Core statements below.
_EXCEPTION_ROWS = (
    select(PaperException)
    .where(
        PaperException.brand == _OF_PERSON["brand"],
        PaperException.person_id == _OF_PERSON["person_id"],
    )
    .order_by(PaperException.id)
)
_ACCOUNT_IN = select(Account).where(
    Account.brand == _OF_PERSON["brand"], Account.person_id == _OF_PERSON["person_id"]
)


def exceptions_of(db: Session, brand: Brand, person_id: int) -> list[PaperException]:
    return list(db.scalars(_EXCEPTION_ROWS, {"brand": brand, "person_id": person_id}))


def account_in(db: Session, brand: Brand, person_id: int) -> Account | None:
    return db.scalars(_ACCOUNT_IN, {"brand": brand, "person_id": person_id}).one_or_none()


_CONSENT = select(Account.digital_consent_at).where(
    Account.brand == bindparam("brand"), Account.person_id == bindparam("person_id")
)
_EXCEPTIONS = (
    select(
        PaperException.id,
        PaperException.status,
        PaperException.decided_at,
        PaperException.requested_at,
    )
    .where(
        PaperException.brand == bindparam("brand"),
        PaperException.person_id == bindparam("person_id"),
    )
    .order_by(PaperException.id)
)


def delivery_for(db: Session, brand: Brand, person_id: int) -> Delivery:
    """DC-3 for one customer in one brand, from the columns it needs only: two Core
    statements on the session's connection."""
    values = {"brand": brand, "person_id": person_id}
    account = db.connection().execute(_CONSENT, values).one_or_none()
    return delivery_with_account(db, brand, person_id, account)


def delivery_with_account(db: Session, brand: Brand, person_id: int, account: Any) -> Delivery:
    """DC-3 for a customer whose account (anything with `digital_consent_at`, or None)
    is already read: the logged-in customer on his documents page, whose consent comes
    with the account query every page runs (one statement, issue 12)."""
    values = {"brand": brand, "person_id": person_id}
    return delivery_mode(account, db.connection().execute(_EXCEPTIONS, values).all())
