"""Story actions of V-Connect Auto (seed 003, issue 19): the story customer's broker
quotes a vehicle for him through V-Connect Auto's own services
(portal.backoffice.vconnect_auto), from the first screen to the policy that MyVivium
shows (VA-1..VA-4, VA-9, VA-10). Each step acts on the broker's latest quote for him."""

from __future__ import annotations

from sqlalchemy import select

from models import AutoQuote, Intermediary
from models.sim import FaultName, fault_on
from models.tariff_auto import default_tariff
from portal.backoffice.errors import NotFound
from portal.backoffice.vconnect_auto import customers, lifecycle, policy, quotes
from portal.backoffice.vconnect_auto.demo import SIGN_BASE
from portal.stories.actions import Action, Context

VEHICLE = ("kind", "make", "model", "year", "power_kw", "value_euro")


def broker_of(ctx: Context) -> Intermediary:
    """The broker of the customer's first contract in the story's brand."""
    return ctx.db.get(Intermediary, ctx.contract().intermediary_id)


def latest_quote(ctx: Context, me: Intermediary) -> AutoQuote:
    """The broker's newest quote for the story's customer (NotFound before the first)."""
    found = ctx.db.scalars(
        select(AutoQuote)
        .where(AutoQuote.intermediary_id == me.id, AutoQuote.person_id == ctx.person().id)
        .order_by(AutoQuote.id.desc())
    ).first()
    if found is None:
        raise NotFound("quote_not_found", "No quote for this customer yet.")
    return found


def _quote(ctx: Context, p: dict) -> None:
    """VA-10: the broker's first screen, a quote for a customer of his portfolio."""
    me = broker_of(ctx)
    person = customers.existing(ctx.db, me, ctx.person().id)
    quotes.create(
        ctx.db, me, person, ctx.now, line=p.get("line", "private"), use=p.get("use", "private"),
        bonus_malus=int(p.get("bonus_malus", 11)), tariff=default_tariff(),
    )  # fmt: skip


def _vehicle(ctx: Context, p: dict) -> None:
    """VA-1..VA-4: the vehicle typed in by hand (or an Informex code), checked; a
    motorhome above 5,000 kg is refused online (VA-3)."""
    me = broker_of(ctx)
    mass = p.get("mass_kg")
    vehicle = quotes.VehicleInput(
        plate=p.get("plate", "1STY001"), vin=p.get("vin", "VF1STY00000000001"),
        informex_code=p.get("informex_code"), kind=p.get("kind"), make=p.get("make"),
        model=p.get("model"), year=p.get("year"), power_kw=p.get("power_kw"),
        value_euro=p.get("value_euro"), mass_kg=None if mass is None else int(mass),
    )  # fmt: skip
    up = not fault_on(ctx.db, FaultName.INFORMEX_UNAVAILABLE)
    quotes.set_vehicle(ctx.db, me, latest_quote(ctx, me).number, vehicle, ctx.now,
                       informex_up=up, tariff=default_tariff())  # fmt: skip


def _choose(ctx: Context, p: dict) -> None:
    """VA-9, VA-10: the guarantees chosen, the premium follows."""
    me = broker_of(ctx)
    quotes.choose(
        ctx.db, me, latest_quote(ctx, me).number, list(p["guarantees"]), ctx.now,
        english_excess=bool(p.get("english_excess", False)),
        s2_pack=bool(p.get("s2_pack", False)), tariff=default_tariff(),
    )  # fmt: skip


def _offer(ctx: Context, p: dict) -> None:
    """VA-8, VA-10: the offer, once no analysis is owed."""
    me = broker_of(ctx)
    lifecycle.make_offer(ctx.db, me, latest_quote(ctx, me).number, ctx.now, default_tariff())


def _send(ctx: Context, p: dict) -> None:
    """VA-10: the customer is emailed the link to his signing page."""
    me = broker_of(ctx)
    lifecycle.send_for_signature(ctx.db, me, latest_quote(ctx, me).number, ctx.now, SIGN_BASE)


def _sign(ctx: Context, p: dict) -> None:
    """VA-10: the customer signs the proposal electronically."""
    lifecycle.sign(ctx.db, latest_quote(ctx, broker_of(ctx)).sign_token or "", ctx.now)


def _issue(ctx: Context, p: dict) -> None:
    """VA-10: the signed proposal becomes a policy in the customer's MyVivium."""
    me = broker_of(ctx)
    policy.finalise(ctx.db, me, latest_quote(ctx, me).number, ctx.now)


VCA_ACTIONS: dict[str, Action] = {
    "va_quote": Action(_quote, (), ("line", "use", "bonus_malus")),
    "va_vehicle": Action(_vehicle, (), (*VEHICLE, "mass_kg", "plate", "vin", "informex_code")),
    "va_choose": Action(_choose, ("guarantees",), ("english_excess", "s2_pack")),
    "va_offer": Action(_offer),
    "va_send_for_signature": Action(_send),
    "va_sign": Action(_sign),
    "va_issue": Action(_issue),
}
