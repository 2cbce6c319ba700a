"""Story actions of Insurgate (seed 002, issue 19): users of an office quote in a group
and look at a quote through Insurgate's own services (portal.backoffice.insurgate); a
quote is seen by the members of its group only (IG-5, IG-6). Users are named by their
Insurgate email, groups and quotes by their names."""

from __future__ import annotations

from sqlalchemy import select

from models.insurgate import IgGroup, IgQuote, IgUser
from portal.backoffice.errors import NotFound
from portal.backoffice.insurgate import quotes
from portal.rules.insurgate import normal_email
from portal.stories.actions import Action, Context


def user_named(ctx: Context, email: str) -> IgUser:
    found = ctx.db.scalars(select(IgUser).where(IgUser.email == normal_email(email))).first()
    if found is None:
        raise NotFound("user_not_found", "No Insurgate user with this email.")
    return found


def _quote(ctx: Context, p: dict) -> None:
    """IG-2, IG-6: a TPE quote made in one of the author's groups."""
    author = user_named(ctx, p["author"])
    group = ctx.db.scalar(
        select(IgGroup.id).where(IgGroup.office_id == author.office_id, IgGroup.name == p["group"])
    )
    space = quotes.space_of(ctx.db, author, group)
    form = quotes.QuoteForm(
        company_name=p["company"], activity=p.get("activity", "shop"),
        postcode=p.get("postcode", "1000"), covers=["workers_comp"], claims_count=0,
        workers=int(p.get("workers", 3)), payroll_euros=int(p.get("payroll", 100_000)),
        extra_legal=False, round_the_clock=False,
    )  # fmt: skip
    quotes.create_quote(ctx.db, author, space, form, ctx.now)


def _look(ctx: Context, p: dict) -> None:
    """IG-5: a user opens the newest quote of a company; outside his groups it is not
    found (quote_not_found)."""
    found = ctx.db.scalars(
        select(IgQuote).where(IgQuote.company_name == p["company"]).order_by(IgQuote.id.desc())
    ).first()
    reference = found.reference if found is not None else ""
    quotes.visible_quote(ctx.db, user_named(ctx, p["user"]), reference)


IG_ACTIONS: dict[str, Action] = {
    "ig_quote": Action(
        _quote, ("author", "group", "company"), ("activity", "postcode", "workers", "payroll")
    ),
    "ig_look": Action(_look, ("user", "company")),
}
