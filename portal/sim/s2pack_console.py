"""The console page of the VIVIUM S² Pack (S2-1..S2-8): every box with its stage and
next step, the buttons that cause what a box reports or a customer asks, and the demo
customers at each stage (one button). The clock's steps are played first, by
portal.sim.s2pack_api.catch_up, as for the API.

Thin views over portal.backoffice.s2pack; a refusal is a flash with its code and the
transaction rolled back (portal.sim.refused)."""

from __future__ import annotations

import math

from flask import current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from models import Contract, Person
from models.sim import clock_now
from models.telematics import S2Box
from portal.backoffice import s2pack
from portal.backoffice.errors import DomainError, Invalid, NotFound
from portal.db import get_session
from portal.forms import EmptyForm
from portal.rules.s2pack import next_step
from portal.sim.blueprints import console
from portal.sim.console_i18n import console_gettext as _
from portal.sim.refused import refused
from seed.s2pack import CUSTOMERS, DEMO_PASSWORD, seed_s2pack

SHOWN = 100


@console.get("/s2pack")
def s2pack_page():
    db = get_session()
    now = clock_now(db)
    rows = db.execute(
        select(S2Box, Contract, Person)
        .join(Contract, Contract.id == S2Box.contract_id)
        .join(Person, Person.id == Contract.holder_id)
        .order_by(S2Box.id)
        .limit(SHOWN)
    ).all()
    boxes = [(box, contract, person, next_step(box, now)) for box, contract, person in rows]
    return render_template("sim/s2pack.html", boxes=boxes, form=EmptyForm(), password=DEMO_PASSWORD)


def _back():
    return redirect(url_for("sim.s2pack_page"))


@console.post("/s2pack/demo")
def s2pack_demo():
    """The demo customers at each stage, anchored to the simulated today."""
    if not EmptyForm().validate_on_submit():
        return _back(), 400
    db = get_session()
    first = CUSTOMERS[0][8]
    if db.scalar(select(Contract.id).where(Contract.number == first)) is not None:
        flash(_("The S² Pack demo customers are already there."), "error")
        return _back()
    made = seed_s2pack(db, clock_now(db).date())
    flash(
        _(
            "%(count)s S² Pack customers added; password of their pages: %(password)s.",
            count=len(made),
            password=DEMO_PASSWORD,
        )
    )
    return _back()


def _impact_values() -> dict:
    wrong = Invalid("invalid_field", _("g is the impact's strength, a number."))
    try:
        g = float(request.form.get("g", ""))
    except ValueError:
        raise wrong from None
    if not math.isfinite(g):
        raise wrong
    flags = {k: request.form.get(k) == "yes" for k in ("in_belgium", "stopped", "answered")}
    return {"g": g, **flags, "place": request.form.get("place", "")[:120]}


def _run(action: str, number: str) -> str:
    db = get_session()
    now = clock_now(db)
    if action == "subscribe":
        contract = db.scalar(select(Contract).where(Contract.number == number[:16]))
        if contract is None:
            raise NotFound("contract_not_found", _("No contract with this number."))
        method = current_app.extensions["auth_settings"].password_hash
        s2pack.add_s2_pack(db, contract, now, hash_method=method)
        return _("S² Pack subscribed: welcome SMS sent.")
    box, contract, holder = s2pack.box_of(db, number[:16])
    if action == "install":
        s2pack.install(db, box, holder, now)
    elif action == "impact":
        answer = s2pack.impact(db, box, holder, now, **_impact_values())
        done = ", ".join(k for k, v in answer.items() if v) or _("no e-call")
        if not holder.mobile:  # S2-8
            done = _("no assistance, the customer has no mobile: no call, no SMS")
        return _("Impact recorded: %(done)s.", done=done)
    elif action == "battery":
        s2pack.battery(db, box, holder, now, request.form.get("what", ""))
    elif action == "anomaly":
        return _(
            "Anomaly SMS sent with %(mobile)s.", mobile=s2pack.report_anomaly(db, box, holder, now)
        )
    elif action == "regularise":
        s2pack.regularise(db, box, now)
    elif action == "theft":
        s2pack.request_theft_tracking(db, box, now)
    elif action == "vehicle":
        s2pack.change_vehicle(db, box, contract, holder, now, request.form.get("plate", ""))
    else:
        s2pack.end_pack(db, box, contract, holder, now)
    return _("%(action)s: done.", action=action)


@console.post("/s2pack/subscribe")
def s2pack_subscribe():
    """S2-6: the pack on the contract typed in the form."""
    return s2pack_action(request.form.get("number", "").strip(), "subscribe")


@console.post("/s2pack/<number>/<any(install, impact, battery, anomaly, regularise, theft, vehicle, end):action>")  # fmt: skip
def s2pack_action(number: str, action: str):
    if not EmptyForm().validate_on_submit():
        return _back(), 400
    try:
        flash(_run(action, number))
    except DomainError as exc:
        return refused(exc, url_for("sim.s2pack_page"))
    return _back()
