"""Accounts made from a verified identity (itsme, eID) and their later logins (RG-1,
RG-3, RG-5, RG-7, BR-1)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from auth.errors import AlreadyRegistered, EmailAlreadyUsed
from auth.identity import match_person
from auth.validation import parse_email
from models import Account, Contract, IdentityLink, Person, normalise_email
from models.enums import Brand, Language


def subject_for(secret: str, brand: Brand, provider: str, national_number: str) -> str:
    """A pairwise identifier: the same person has a different subject in each brand."""
    message = f"{provider}:{brand.value}:{national_number}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def linked_account(session: Session, brand: Brand, provider: str, subject: str) -> Account | None:
    return session.scalars(
        select(Account)
        .join(IdentityLink, IdentityLink.account_id == Account.id)
        .options(joinedload(Account.person))
        .where(
            IdentityLink.brand == brand,
            IdentityLink.provider == provider,
            IdentityLink.subject == subject,
        )
    ).one_or_none()


def resolve_person(session: Session, brand: Brand, national_number: str) -> Person:
    """The back-office person behind a national number, or a named refusal (RG-5)."""
    records = list(session.scalars(select(Person).where(Person.national_number == national_number)))
    ids = [p.id for p in records]
    contracts_of: dict[int, list[Contract]] = {i: [] for i in ids}
    if ids:
        for contract in session.scalars(select(Contract).where(Contract.holder_id.in_(ids))):
            contracts_of[contract.holder_id].append(contract)
    return match_person(records, contracts_of, brand)


def account_of(session: Session, brand: Brand, person_id: int) -> Account | None:
    return session.scalars(
        select(Account)
        .options(joinedload(Account.person))
        .where(Account.brand == brand, Account.person_id == person_id)
    ).one_or_none()


def email_taken(session: Session, brand: Brand, email: str) -> bool:
    return (
        session.scalar(
            select(Account.id).where(
                Account.brand == brand, Account.email == normalise_email(email)
            )
        )
        is not None
    )


def link_identity(
    session: Session, account: Account, provider: str, subject: str, now: datetime
) -> None:
    session.add(
        IdentityLink(
            brand=account.brand, provider=provider, subject=subject, account=account, created_at=now
        )
    )


def create_identity_account(
    session: Session,
    brand: Brand,
    person_id: int,
    provider: str,
    subject: str,
    email: str,
    language: Language,
    now: datetime,
) -> Account:
    """RG-3: the account records when the customer accepted digital documents.
    RG-7: the database's unique constraint settles a race for the same address.
    The caller commits; on refusal nothing has been written."""
    address = parse_email(email)
    if account_of(session, brand, person_id) is not None:
        raise AlreadyRegistered()
    if email_taken(session, brand, address):
        raise EmailAlreadyUsed()
    account = Account(
        brand=brand,
        person_id=person_id,
        email=normalise_email(address),
        language=language,
        method=provider,
        created_at=now,
        digital_consent_at=now,
    )
    session.add(account)
    link_identity(session, account, provider, subject, now)
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise EmailAlreadyUsed() from exc
    return account
