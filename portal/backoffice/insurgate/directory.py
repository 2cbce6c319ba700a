"""What the office pages show: users with their groups, products and status, groups,
integrations (IG-2, IG-4, IG-5). A fixed number of queries per page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.insurgate import (
    IgGroup,
    IgIntegration,
    IgMembership,
    IgOffice,
    IgUser,
    IntegrationStatus,
)
from portal.backoffice.errors import NotFound
from portal.backoffice.insurgate.quotes import PRODUCT
from portal.rules import insurgate as rules


@dataclass(frozen=True)
class IntegrationRow:
    id: int
    producer_number: str
    group: str
    status: str
    requested_at: datetime


def integrations(db: Session, office_id: int) -> list[IntegrationRow]:
    rows = db.execute(
        select(IgIntegration, IgGroup.name)
        .join(IgGroup, IgGroup.id == IgIntegration.group_id)
        .where(IgIntegration.office_id == office_id)
        .order_by(IgIntegration.id)
    ).all()
    return [
        IntegrationRow(i.id, i.producer_number, name, i.status.value, i.requested_at)
        for i, name in rows
    ]


@dataclass(frozen=True)
class UserRow:
    user: IgUser
    groups: list[str]
    products: list[str]
    status: str  # IG-4: "invited" or "active"


@dataclass(frozen=True)
class OfficeView:
    office: IgOffice
    users: list[UserRow]
    groups: list[IgGroup]


def _memberships(db: Session, office_id: int) -> dict[int, list[IgGroup]]:
    rows = db.execute(
        select(IgMembership.user_id, IgGroup)
        .join(IgGroup, IgGroup.id == IgMembership.group_id)
        .where(IgGroup.office_id == office_id)
        .order_by(IgGroup.name)
    ).all()
    found: dict[int, list[IgGroup]] = {}
    for user_id, group in rows:
        found.setdefault(user_id, []).append(group)
    return found


def _row(user: IgUser, groups: list[IgGroup], default: IgGroup, quoting: bool) -> UserRow:
    """IG-5: a user in no group shows the sub-account "Default"."""
    names = [g.name for g in groups] or [default.name]
    status = rules.user_status(bool(user.password_hash))
    return UserRow(user, names, [PRODUCT] if quoting else [], status)


def office_view(db: Session, office_id: int) -> OfficeView:
    office = db.get(IgOffice, office_id)
    groups = list(
        db.scalars(select(IgGroup).where(IgGroup.office_id == office_id).order_by(IgGroup.name))
    )
    default = next(g for g in groups if g.is_default)
    users = db.scalars(
        select(IgUser).where(IgUser.office_id == office_id).order_by(IgUser.last_name, IgUser.id)
    ).all()
    statuses = db.scalars(
        select(IgIntegration.status).where(IgIntegration.office_id == office_id)
    ).all()
    quoting = rules.may_quote(s.value for s in statuses)
    members = _memberships(db, office_id)
    rows = [_row(u, members.get(u.id, []), default, quoting) for u in users]
    return OfficeView(office, rows, groups)


@dataclass(frozen=True)
class UserView:
    user: IgUser
    group_ids: set[int]
    status: str


def user_view(db: Session, office_id: int, user_id: int) -> UserView:
    user = db.get(IgUser, user_id)
    if user is None or user.office_id != office_id:
        raise NotFound("user_not_found", "No such user in this office.")
    ids = set(db.scalars(select(IgMembership.group_id).where(IgMembership.user_id == user.id)))
    return UserView(user, ids, rules.user_status(bool(user.password_hash)))


@dataclass(frozen=True)
class WaitingRow:
    id: int
    office: str
    producer_number: str
    group: str
    requester: str
    email: str
    requested_at: datetime


def waiting_integrations(db: Session, limit: int = 200) -> list[WaitingRow]:
    """IG-2: the requests the company has not decided yet, oldest first (one query)."""
    rows = db.execute(
        select(IgIntegration, IgOffice.trade_name, IgGroup.name, IgUser)
        .join(IgOffice, IgOffice.id == IgIntegration.office_id)
        .join(IgGroup, IgGroup.id == IgIntegration.group_id)
        .join(IgUser, IgUser.id == IgIntegration.requested_by)
        .where(IgIntegration.status == IntegrationStatus.REQUESTED)
        .order_by(IgIntegration.requested_at, IgIntegration.id)
        .limit(limit)
    ).all()
    found = []
    for i, office, group, u in rows:
        who = f"{u.first_name} {u.last_name}"
        found.append(
            WaitingRow(i.id, office, i.producer_number, group, who, u.email, i.requested_at)
        )
    return found
