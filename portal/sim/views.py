"""Console pages: dashboard (clock, next events, faults, reset), outbox, personas."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, flash, redirect, render_template, request, url_for

from auth import eid_stub, throttle
from models.sim import FaultName, fault_named
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim import control, limits_state
from portal.sim.blueprints import console, console_now
from portal.sim.console_i18n import console_gettext as _
from portal.sim.events import scheduled_events
from portal.sim.outbox import OutboxFilter, list_messages, shown
from portal.sim.outbox_html import articles
from portal.sim.personas import persona_cards

EVENTS_SHOWN = 10


@console.get("/")
def dashboard():
    db = get_session()
    now = console_now()
    rules = current_app.extensions["auth_settings"]
    return render_template(
        "sim/dashboard.html",
        faults=control.faults(db),
        descriptions={fault.value: fault.description for fault in FaultName},
        form=EmptyForm(),
        limits=limits_state.counters(db, now, rules),
        blocked_cards=limits_state.blocked_cards(db, now),
        events=scheduled_events(db, now, rules, limit=EVENTS_SHOWN),
    )


def _done(message: str):
    """A console action done: its flash, back to the dashboard (the request commits)."""
    flash(message)
    return redirect(url_for("sim.dashboard"))


def _checked_form() -> bool:
    return EmptyForm().validate_on_submit()


@console.post("/clock/advance")
def clock_advance():
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    try:
        hours = float(request.form.get("hours") or 0)
        days = float(request.form.get("days") or 0)
        moved = control.move_clock(get_session(), hours=hours, days=days)
    except ValueError:
        flash(_("Give a number of hours or days (at most ten years)."), "error")
        return redirect(url_for("sim.dashboard"))
    return _done(_("Clock moved to %(when)s.", when=f"{moved:%d/%m/%Y %H:%M}"))


@console.post("/clock/set")
def clock_set():
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    try:
        at = datetime.fromisoformat(request.form.get("at", ""))
        moment = control.put_clock(
            get_session(), at.replace(tzinfo=None), frozen=bool(request.form.get("frozen"))
        )
    except ValueError:
        flash(_("Give a date and time within 50 years of today, e.g. 2026-12-01T09:00."), "error")
        return redirect(url_for("sim.dashboard"))
    return _done(_("Clock set to %(when)s.", when=f"{moment:%d/%m/%Y %H:%M}"))


@console.post("/letters/deliver")
def letters_deliver():
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    count = control.deliver_all_letters(get_session())
    return _done(_("%(count)s message(s) delivered now.", count=count))


@console.post("/clock/next-event")
def clock_next_event():
    """Move the clock to the next scheduled event of the dashboard's list."""
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    db = get_session()
    event = control.advance_to_next_event(db, current_app.extensions["auth_settings"])
    if event is None:
        flash(_("No scheduled event: the clock did not move."), "error")
        return redirect(url_for("sim.dashboard"))
    return _done(
        _(
            "Clock moved to %(when)s: %(what)s.",
            when=f"{event.at:%d/%m/%Y %H:%M:%S}",
            what=event.described(_),
        )
    )


@console.post("/faults/<name>")
def fault_switch(name: str):
    fault = fault_named(name)
    if not _checked_form() or fault is None:
        return redirect(url_for("sim.dashboard")), 400
    enabled = request.form.get("enabled") == "1"
    control.set_fault(get_session(), fault, enabled)
    return _done(
        _("Fault %(name)s on.", name=name) if enabled else _("Fault %(name)s off.", name=name)
    )


@console.post("/reset")
def reset():
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    mode = request.form.get("mode", "demo")
    if mode not in control.RESET_MODES:
        flash(_("Unknown reset mode."), "error")
        return redirect(url_for("sim.dashboard"))
    if request.form.get("confirmed") != "yes":  # issue 19: a whole world goes, ask first
        return render_template("sim/reset_confirm.html", mode=mode, form=EmptyForm())
    count = control.reset(get_session(), mode)
    return _done(
        _("Reset done: %(count)s personas loaded.", count=count)
        if mode == "demo"
        else _("Reset done: empty.")
    )


@console.post("/limits/lift")
def limits_lift():
    """Lift one limit on abuse (`key`), or all of them (no key)."""
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    key = (request.form.get("key") or "")[:255] or None
    lifted = throttle.lift(get_session(), key)
    return _done(
        _("Limit %(key)s lifted.", key=key)
        if key
        else _("%(count)s limit counter(s) lifted.", count=lifted)
    )


@console.post("/eid/unblock")
def eid_unblock():
    """RG-1: free one eID card blocked by three wrong PINs."""
    if not _checked_form():
        return redirect(url_for("sim.dashboard")), 400
    number = eid_stub.parse_national_number(request.form.get("card"))
    if number is None or not eid_stub.unblock(get_session(), number):
        flash(_("That card is not blocked."), "error")
        return redirect(url_for("sim.dashboard"))
    return _done(_("eID card %(number)s unblocked.", number=number))


@console.get("/outbox")
def outbox():
    """The letterbox and phone: envelopes, and content once delivered; with
    `?reveal=undelivered`, content not delivered too, under a realism-broken banner."""
    db = get_session()
    now = console_now()
    try:
        f = OutboxFilter.parse(request.args)
    except ValueError as exc:
        page = render_template(
            "sim/outbox.html", messages=[], articles="", now=now, error=str(exc),
            f=OutboxFilter(),
        )  # fmt: skip
        return page, 400
    messages = [shown(m, now, f.reveal) for m in list_messages(db, f)]
    return render_template("sim/outbox.html", messages=messages, articles=articles(messages),
                           now=now, f=f, error=None)  # fmt: skip


@console.get("/personas")
def personas():
    return render_template("sim/personas.html", cards=persona_cards(get_session()))


# Issue 19: the console's language switch, the trainer's stories and their presenter view
from portal.sim import (  # noqa: E402, F401
    console_i18n,
    console_labels,
    signed_in,
    stories_presenter,
    stories_views,
    watch,
)
