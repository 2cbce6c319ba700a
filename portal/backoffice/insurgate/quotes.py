"""Quotes of the TPE tool, seen by the members of their group only (IG-2, IG-5, IG-6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.insurgate import IgGroup, IgIntegration, IgMembership, IgQuote, IgUser
from portal.backoffice.errors import Conflict, NotFound
from portal.rules import insurgate as rules

LIST_LIMIT = 200
PRODUCT = "TPE Tool - MVP"


@dataclass(frozen=True)
class Space:
    """What a user may see: the groups of his switcher and the one chosen."""

    groups: list[IgGroup]
    current: IgGroup
    may_quote: bool


def space_of(db: Session, user: IgUser, wanted_group: int | None) -> Space:
    """IG-5: the switcher lists the groups the user sees (his groups, or "Default");
    an unknown or foreign group falls back to the first one. Two queries."""
    rows = db.execute(
        select(IgGroup, IgMembership.user_id)
        .outerjoin(
            IgMembership,
            (IgMembership.group_id == IgGroup.id) & (IgMembership.user_id == user.id),
        )
        .where(IgGroup.office_id == user.office_id)
        .order_by(IgGroup.is_default, IgGroup.name)
    ).all()
    mine = [g.id for g, member in rows if member is not None]
    default = next(g.id for g, _ in rows if g.is_default)
    visible = rules.visible_groups(mine, default)
    groups = [g for g, _ in rows if g.id in visible]
    current = next((g for g in groups if g.id == wanted_group), groups[0])
    statuses = db.scalars(
        select(IgIntegration.status).where(IgIntegration.office_id == user.office_id)
    ).all()
    return Space(groups, current, rules.may_quote(s.value for s in statuses))


@dataclass(frozen=True)
class Row:
    quote: IgQuote
    author: str


def list_quotes(db: Session, group: IgGroup, query: str) -> list[Row]:
    """IG-6: the group's quotes, newest first, filtered on every word of `query`."""
    stmt = (
        select(IgQuote, IgUser.first_name, IgUser.last_name)
        .join(IgUser, IgUser.id == IgQuote.author_id)
        .where(IgQuote.group_id == group.id)
        .order_by(IgQuote.created_at.desc(), IgQuote.id.desc())
        .limit(LIST_LIMIT)
    )
    for word in query.lower().split()[:8]:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(IgQuote.search_text.like(f"%{escaped}%", escape="\\"))
    return [Row(q, f"{first} {last}") for q, first, last in db.execute(stmt)]


@dataclass(frozen=True)
class QuoteForm:
    company_name: str
    activity: str
    postcode: str
    covers: list[str]
    claims_count: int
    workers: int
    payroll_euros: int
    extra_legal: bool
    round_the_clock: bool


def create_quote(db: Session, user: IgUser, space: Space, form: QuoteForm, now: datetime):
    """IG-2, IG-6: a quote in the chosen group, only once an integration is accepted;
    the premium follows `rules.tpe_premium_cents`."""
    if not space.may_quote:
        raise Conflict("no_integration", "No accepted integration yet: no quote.")
    premium = rules.tpe_premium_cents(
        rules.QuoteInput(
            form.activity, form.workers, form.payroll_euros, form.claims_count,
            form.extra_legal, form.round_the_clock,
        )
    )  # fmt: skip
    count = db.scalar(select(func.count(IgQuote.id)).where(IgQuote.office_id == user.office_id))
    slug = "".join(c for c in form.company_name.upper() if c.isalnum())[:12] or "TPE"
    fields = [form.company_name, form.activity, form.postcode, *form.covers, user.last_name]
    quote = IgQuote(
        reference=f"PV_TPE-KMO_{slug}_{user.office_id:03d}{count + 1:04d}",
        office_id=user.office_id, group_id=space.current.id, author_id=user.id,
        created_at=now, status="active", company_name=form.company_name,
        activity=form.activity, postcode=form.postcode, covers=",".join(form.covers),
        claims_count=form.claims_count, workers=form.workers,
        payroll_euros=form.payroll_euros, extra_legal=form.extra_legal,
        round_the_clock=form.round_the_clock, premium_cents=premium,
        search_text=" ".join(fields).lower(),
    )  # fmt: skip
    db.add(quote)
    db.flush()
    return quote


def visible_quote(db: Session, user: IgUser, reference: str) -> IgQuote:
    """IG-5: a quote of a group the user does not see is not found (a 404)."""
    quote = db.scalars(select(IgQuote).where(IgQuote.reference == reference)).first()
    if quote is None or quote.office_id != user.office_id:
        raise NotFound("quote_not_found", "No such quote.")
    mine = db.scalars(select(IgMembership.group_id).where(IgMembership.user_id == user.id)).all()
    default = db.scalar(
        select(IgGroup.id).where(IgGroup.office_id == user.office_id, IgGroup.is_default)
    )
    if not rules.may_see_quote(quote.group_id, rules.visible_groups(mine, default)):
        raise NotFound("quote_not_found", "No such quote.")
    return quote
