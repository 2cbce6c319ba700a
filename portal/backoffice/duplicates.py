"""RG-5: people recorded more than once in the back office, and how support folds the
duplicate records of one national number into one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from models import (
    Account,
    ActivationCode,
    ContactChange,
    Contract,
    OutboxMessage,
    PaperException,
    PendingRegistration,
    Person,
    SupportRequest,
)
from portal.backoffice.errors import Conflict, Invalid


@dataclass(frozen=True)
class Merged:
    kept: Person
    removed_ids: list[int]


def duplicate_groups(db: Session, national_number: str | None = None, limit: int = 20) -> list:
    """Back-office people recorded more than once (RG-5), as lists of records by id."""
    numbers = select(Person.national_number).group_by(Person.national_number)
    numbers = numbers.having(func.count() > 1)
    if national_number:
        numbers = numbers.where(Person.national_number == national_number)
    wanted = list(db.scalars(numbers.order_by(Person.national_number).limit(limit)))
    people = db.scalars(
        select(Person).where(Person.national_number.in_(wanted)).order_by(Person.id)
    )
    groups: dict[str, list[Person]] = {n: [] for n in wanted}
    for person in people:
        groups[person.national_number].append(person)
    return list(groups.values())


def merge_records(db: Session, national_number: str, keep_id: int | None, now: datetime) -> Merged:
    """RG-5: fold every duplicate record of one national number into one (the lowest id
    unless told): contracts move with their documents, then accounts, codes, contact
    changes, requests, messages and exceptions; the duplicates are deleted."""
    groups = duplicate_groups(db, national_number, limit=1)
    if not groups:
        raise Conflict("no_duplicate", "This national number is recorded only once.")
    records = groups[0]
    keep = records[0] if keep_id is None else next((p for p in records if p.id == keep_id), None)
    if keep is None:
        raise Invalid("invalid_keep", "keep_person_id is not one of the duplicates.")
    removed = [p for p in records if p.id != keep.id]
    for other in removed:
        _absorb(db, keep, other, now)
    db.flush()
    db.expire_all()
    return Merged(keep, [p.id for p in removed])


def _absorb(db: Session, keep: Person, other: Person, now: datetime) -> None:
    for field in ("email", "mobile", "company_number"):
        if getattr(keep, field) is None and getattr(other, field) is not None:
            setattr(keep, field, getattr(other, field))
    db.execute(update(Contract).where(Contract.holder_id == other.id).values(holder_id=keep.id))
    kept_brands = set(db.scalars(select(Account.brand).where(Account.person_id == keep.id)))
    for account in db.scalars(select(Account).where(Account.person_id == other.id)).all():
        if account.brand in kept_brands:  # one account per brand and person (BR-1, RG-7)
            db.execute(delete(Account).where(Account.id == account.id))
        else:
            db.execute(update(Account).where(Account.id == account.id).values(person_id=keep.id))
            kept_brands.add(account.brand)
    for model in (ActivationCode, PendingRegistration, ContactChange, SupportRequest):
        db.execute(update(model).where(model.person_id == other.id).values(person_id=keep.id))
    for model in (OutboxMessage, PaperException):
        db.execute(update(model).where(model.person_id == other.id).values(person_id=keep.id))
    if kept_brands:  # a registered brand needs no activation code any more
        db.execute(
            update(ActivationCode)
            .where(
                ActivationCode.person_id == keep.id,
                ActivationCode.brand.in_(kept_brands),
                ActivationCode.used_at.is_(None),
                ActivationCode.voided_at.is_(None),
            )
            .values(voided_at=now)
        )
    db.execute(delete(Person).where(Person.id == other.id))
