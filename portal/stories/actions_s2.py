"""Story actions of the VIVIUM S² Pack (seed 004, issue 19): each calls the S² Pack's
own services (portal.backoffice.s2pack), after playing what the box's life has due at
the step's moment (the box is sent, received... as the clock moves on)."""

from __future__ import annotations

from portal.backoffice import s2pack
from portal.stories.actions import Action, Context

STORY_S2_PASSWORD = "Story-s2-2026"


def _box(ctx: Context, p: dict):
    s2pack.play_due(ctx.db, ctx.now)
    return s2pack.box_of(ctx.db, ctx.contract(p.get("contract")).number)


def _subscribe(ctx: Context, p: dict) -> None:
    """S2-6: the option on his car policy: the box ordered, the welcome SMS."""
    s2pack.add_s2_pack(ctx.db, ctx.contract(p.get("contract")), ctx.now, password=STORY_S2_PASSWORD)


def _install(ctx: Context, p: dict) -> None:
    """S2-5, S2-6: the box installed: the activation SMS, Vivium told."""
    box, _contract, holder = _box(ctx, p)
    s2pack.install(ctx.db, box, holder, ctx.now, by="customer")


def _impact(ctx: Context, p: dict) -> None:
    """S2-2: an impact; from 2.5 g with the car stopped in Belgium, the e-call."""
    box, _contract, holder = _box(ctx, p)
    s2pack.impact(
        ctx.db,
        box,
        holder,
        ctx.now,
        g=float(p.get("g", 3.0)),
        in_belgium=bool(p.get("in_belgium", True)),
        stopped=bool(p.get("stopped", True)),
        answered=bool(p.get("answered", False)),
        place=str(p.get("place", "E40, Bruxelles")),
    )


def _play(ctx: Context, p: dict) -> None:
    """What the box's life has due by now (sending, reminders, adjustments: S2-5, S2-7)."""
    _box(ctx, p)


S2_ACTIONS: dict[str, Action] = {
    "s2_subscribe": Action(_subscribe, (), ("contract",)),
    "s2_play": Action(_play, (), ("contract",)),
    "s2_install": Action(_install, (), ("contract",)),
    "s2_impact": Action(
        _impact, (), ("contract", "g", "in_belgium", "stopped", "answered", "place")
    ),
}
