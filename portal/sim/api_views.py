"""The JSON control API: everything the console does, for QA scripts."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, jsonify, request

from auth import eid_stub, throttle
from models.sim import ClockState, FaultName, clock_now, fault_named
from portal.db import get_session
from portal.sim import control, limits_state
from portal.sim.blueprints import api, api_error, json_body
from portal.sim.events import scheduled_events
from portal.sim.outbox import OutboxFilter, list_messages, realism
from portal.sim.personas import persona_cards
from portal.sim.serializers import as_json


def _clock_json(db):
    state = db.get(ClockState, 1)
    return {"now": clock_now(db).isoformat(), "frozen": bool(state and state.frozen_at)}


@api.get("/outbox")
def outbox():
    db = get_session()
    try:
        f = OutboxFilter.parse(request.args)
    except ValueError as exc:
        return api_error(400, "invalid_filter", f"Invalid value for '{exc}'.", field=str(exc))
    now = clock_now(db)
    return jsonify(
        now=now.isoformat(),
        realism=realism(f.reveal),
        messages=[as_json(m, now, f.reveal) for m in list_messages(db, f)],
    )


@api.get("/clock")
def clock():
    return jsonify(_clock_json(get_session()))


@api.post("/clock/advance")
def clock_advance():
    db = get_session()
    try:
        body = json_body()
        hours, days = float(body.get("hours", 0)), float(body.get("days", 0))
        control.move_clock(db, hours=hours, days=days)
    except (TypeError, ValueError) as exc:
        return api_error(422, "invalid_clock_move", str(exc) or "hours and days must be numbers")
    return jsonify(_clock_json(db))


@api.put("/clock")
def clock_set():
    db = get_session()
    try:
        body = json_body()
        at = datetime.fromisoformat(str(body["at"])).replace(tzinfo=None)
        frozen = body.get("frozen", False)
        if not isinstance(frozen, bool):
            raise ValueError("frozen must be true or false")
        control.put_clock(db, at, frozen)
    except KeyError:
        return api_error(422, "invalid_clock", "Give 'at' as an ISO date and time.")
    except (TypeError, ValueError) as exc:
        return api_error(422, "invalid_clock", str(exc))
    return jsonify(_clock_json(db))


@api.get("/events")
def events():
    """The next scheduled events (deliveries, code and session expiries), earliest first."""
    db = get_session()
    raw = request.args.get("limit") or "20"
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 100:
        return api_error(400, "invalid_limit", "limit is a whole number from 1 to 100.")
    now = clock_now(db)
    found = scheduled_events(db, now, _rules(), limit=int(raw))
    return jsonify(now=now.isoformat(), events=[e.as_json() for e in found])


@api.post("/clock/next-event")
def clock_next_event():
    db = get_session()
    event = control.advance_to_next_event(db, _rules())
    if event is None:
        return api_error(409, "no_scheduled_event", "Nothing is scheduled: the clock did not move.")
    return jsonify({**_clock_json(db), "event": event.as_json()})


@api.post("/letters/deliver")
def letters_deliver():
    db = get_session()
    count = control.deliver_all_letters(db)
    return jsonify(delivered=count)


@api.get("/faults")
def faults():
    return jsonify(control.faults(get_session()))


def _unknown_fault(name: str):
    known = sorted(fault.value for fault in FaultName)
    return api_error(404, "unknown_fault", f"Unknown fault '{name}'.", known=known)


@api.put("/faults/<name>")
def fault_set(name: str):
    fault = fault_named(name)
    if fault is None:
        return _unknown_fault(name)
    try:
        enabled = json_body().get("enabled", True)
    except ValueError as exc:
        return api_error(400, "invalid_body", str(exc))
    if not isinstance(enabled, bool):
        return api_error(422, "invalid_fault", "enabled must be true or false")
    db = get_session()
    control.set_fault(db, fault, enabled)
    return jsonify(control.faults(db))


@api.delete("/faults/<name>")
def fault_clear(name: str):
    fault = fault_named(name)
    if fault is None:
        return _unknown_fault(name)
    db = get_session()
    control.set_fault(db, fault, False)
    return jsonify(control.faults(db))


@api.post("/reset")
def reset():
    try:
        mode = json_body().get("mode", "demo")
    except ValueError as exc:
        return api_error(400, "invalid_body", str(exc))
    if mode not in control.RESET_MODES:
        return api_error(
            422, "invalid_mode", "mode is 'demo' or 'empty'.", known=list(control.RESET_MODES)
        )
    count = control.reset(get_session(), mode)
    return jsonify(mode=mode, personas=count)


@api.get("/personas")
def personas():
    return jsonify(personas=persona_cards(get_session()))


# --- limits on abuse and blocked eID cards (auth.limits, RG-1) ---------------------------


def _rules():
    return current_app.extensions["auth_settings"]


@api.get("/limits")
def limits_list():
    db = get_session()
    return jsonify(limits=limits_state.counters(db, clock_now(db), _rules()))


@api.delete("/limits")
def limits_lift_all():
    db = get_session()
    lifted = throttle.lift(db)
    return jsonify(lifted=lifted)


@api.delete("/limits/<path:key>")
def limits_lift(key: str):
    if len(key) > 255 or not key.isprintable():
        return api_error(404, "unknown_limit", "No such counter.")
    db = get_session()
    lifted = throttle.lift(db, key)
    if not lifted:
        return api_error(404, "unknown_limit", f"No counter '{key}'.")
    return jsonify(lifted=lifted)


@api.get("/eid/cards/blocked")
def eid_blocked():
    db = get_session()
    cards = limits_state.blocked_cards(db, clock_now(db))
    return jsonify(cards=[limits_state.card_json(c) for c in cards])


@api.post("/eid/cards/<card>/unblock")
def eid_unblock(card: str):
    number = eid_stub.parse_national_number(card)
    if number is None:
        return api_error(422, "invalid_card", "Give a valid Belgian national number.")
    db = get_session()
    if not eid_stub.unblock(db, number):
        return api_error(409, "card_not_blocked", f"The card {number} is not blocked.")
    return jsonify(
        card=limits_state.card_json(eid_stub.holder_of(db, number, clock_now(db).date()))
    )
