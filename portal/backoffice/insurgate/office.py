"""The office: integrations, invitations, roles, groups and members (IG-2..IG-5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.enums import Language
from models.insurgate import (
    IgGroup,
    IgIntegration,
    IgMembership,
    IgOffice,
    IgUser,
    IntegrationStatus,
    TokenPurpose,
)
from portal.backoffice.errors import Conflict, Forbidden, Invalid, NotFound
from portal.backoffice.insurgate import mail
from portal.backoffice.insurgate.accounts import Personal, check_email_free, new_link
from portal.rules import insurgate as rules

GROUP_DETAILS = (
    "street", "number", "postcode", "city", "email", "contact",
    "enterprise_number", "website", "phone",
)  # fmt: skip


def require_admin(user: IgUser) -> None:
    """IG-3: only an administrator manages the office."""
    if not rules.may_manage_office(user.is_admin):
        raise Forbidden("not_admin", "Only an administrator manages the office.")


def groups_of_office(db: Session, office_id: int) -> list[IgGroup]:
    return list(
        db.scalars(select(IgGroup).where(IgGroup.office_id == office_id).order_by(IgGroup.name))
    )


def group_in_office(db: Session, office_id: int, group_id: int) -> IgGroup:
    group = db.get(IgGroup, group_id)
    if group is None or group.office_id != office_id:
        raise NotFound("group_not_found", "No such group in this office.")
    return group


def create_group(db: Session, admin: IgUser, name: str, details: dict[str, str]) -> IgGroup:
    """IG-5: only the name is required, distinct in the office; the administrator who
    creates it is its first member, so that he can quote in it."""
    require_admin(admin)
    names = [g.name for g in groups_of_office(db, admin.office_id)]
    problem = rules.group_name_problem(name, names)
    if problem:
        raise Invalid(f"group_name_{problem}", "Group name refused.", field="name")
    extra = {k: (details.get(k) or "").strip() for k in GROUP_DETAILS}
    number = extra["enterprise_number"]
    if number and rules.enterprise_number_problem(number):
        code = f"enterprise_{rules.enterprise_number_problem(number)}"
        raise Invalid(code, "Enterprise number refused.", field="enterprise_number")
    group = IgGroup(office_id=admin.office_id, name=name.strip(), is_default=False, **extra)
    db.add(group)
    db.flush()
    db.add(IgMembership(user_id=admin.id, group_id=group.id))
    db.flush()
    return group


def request_integration(
    db: Session, user: IgUser, producer_number: str, group_name: str | None, now: datetime
) -> IgIntegration:
    """IG-2, IG-3: one integration per producer number. The first goes to the
    sub-account "Default"; each further one needs a new group with a distinct name.
    The requester becomes administrator."""
    number = producer_number.strip()
    taken = set(db.scalars(select(IgIntegration.producer_number)))
    problem = rules.producer_number_problem(number, taken)
    if problem:
        raise Invalid(f"producer_{problem}", "Producer number refused.", field="producer")
    default = default_group(db, user.office_id)
    used = db.scalar(select(IgIntegration.id).where(IgIntegration.group_id == default.id))
    user.is_admin = True
    if used is None and not group_name:
        group = default
        db.merge(IgMembership(user_id=user.id, group_id=group.id))
    else:
        group = create_group(db, user, group_name or "", {})
    integration = IgIntegration(
        office_id=user.office_id, group_id=group.id, producer_number=number,
        status=IntegrationStatus.REQUESTED, requested_by=user.id, requested_at=now,
        decided_at=None,
    )  # fmt: skip
    db.add(integration)
    db.flush()
    return integration


def decide_integration(
    db: Session, integration_id: int, accept: bool, now: datetime
) -> IgIntegration:
    """IG-2: the company accepts or refuses a request, once; the requester is emailed."""
    integration = db.get(IgIntegration, integration_id)
    if integration is None:
        raise NotFound("integration_not_found", "No such integration request.")
    if integration.status != IntegrationStatus.REQUESTED:
        raise Conflict("already_decided", "This request was decided already.")
    integration.status = IntegrationStatus.ACCEPTED if accept else IntegrationStatus.REFUSED
    integration.decided_at = now
    user = db.get(IgUser, integration.requested_by)
    group = db.get(IgGroup, integration.group_id)
    kind = "insurgate_integration_decided_email"
    decision = mail.part(kind, f"decision_{integration.status.value}", user)
    values = {"producer_number": integration.producer_number, "group": group.name}
    mail.send(db, kind, user, {**values, "decision": decision}, now)
    db.flush()
    return integration


def default_group(db: Session, office_id: int) -> IgGroup:
    return db.scalars(
        select(IgGroup).where(IgGroup.office_id == office_id, IgGroup.is_default.is_(True))
    ).one()


@dataclass(frozen=True)
class Invitation:
    personal: Personal
    is_admin: bool
    group_ids: list[int] = field(default_factory=list)


def invite(
    db: Session, admin: IgUser, invitation: Invitation, link_base: str, now: datetime
) -> IgUser:
    """IG-4: an administrator invites a collaborator (email unique on the platform) into
    groups, or the sub-account "Default" without any; the invitee is emailed a 7-day
    link to set his password."""
    require_admin(admin)
    check_email_free(db, invitation.personal.email)
    groups = [group_in_office(db, admin.office_id, g) for g in invitation.group_ids]
    p = invitation.personal
    user = IgUser(
        office_id=admin.office_id, first_name=p.first_name, last_name=p.last_name,
        email=rules.normal_email(p.email), language=p.language, password_hash=None,
        is_admin=invitation.is_admin, invited_at=now, activated_at=None, session_epoch=0,
    )  # fmt: skip
    db.add(user)
    db.flush()
    for group in groups or [default_group(db, admin.office_id)]:
        db.add(IgMembership(user_id=user.id, group_id=group.id))
    token = new_link(db, user, TokenPurpose.INVITATION, now)
    office = db.get(IgOffice, admin.office_id)
    inviter = f"{admin.first_name} {admin.last_name}"
    values = {"inviter": inviter, "office": office.trade_name, "link": f"{link_base}{token}"}
    mail.send(db, "insurgate_invitation_email", user, values, now)
    db.flush()
    return user


def colleague(db: Session, admin: IgUser, user_id: int) -> IgUser:
    user = db.get(IgUser, user_id)
    if user is None or user.office_id != admin.office_id:
        raise NotFound("user_not_found", "No such user in this office.")
    return user


def set_admin(db: Session, admin: IgUser, user_id: int, is_admin: bool) -> IgUser:
    """IG-3: an administrator sets or removes the role later (never his own)."""
    require_admin(admin)
    user = colleague(db, admin, user_id)
    if user.id == admin.id:
        raise Conflict("own_role", "An administrator cannot change his own role.")
    user.is_admin = is_admin
    db.flush()
    return user


def add_member(db: Session, admin: IgUser, user_id: int, group_id: int) -> None:
    """IG-5: a user may be in several groups."""
    require_admin(admin)
    user = colleague(db, admin, user_id)
    group = group_in_office(db, admin.office_id, group_id)
    db.merge(IgMembership(user_id=user.id, group_id=group.id))
    db.flush()


def remove_member(db: Session, admin: IgUser, user_id: int, group_id: int) -> None:
    """IG-5: removed from his last group, a user is back in "Default" (visible_groups)."""
    require_admin(admin)
    user = colleague(db, admin, user_id)
    group = group_in_office(db, admin.office_id, group_id)
    db.execute(
        delete(IgMembership).where(
            IgMembership.user_id == user.id, IgMembership.group_id == group.id
        )
    )
    db.flush()


def language_of(raw: str) -> Language:
    try:
        return Language(raw)
    except ValueError:
        raise Invalid("language_unknown", "The language is fr or nl.", field="language") from None
