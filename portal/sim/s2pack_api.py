"""The control API of the VIVIUM S² Pack (S2-1..S2-8): subscribe a Vivium car contract,
read the box and its log, and cause what a box reports or a customer asks: installation,
an impact, the battery, an anomaly and its regularisation, theft tracking, a vehicle
change, the end of the pack. Every console page and API call first plays the steps the
clock has reached (`catch_up`), whether the clock was moved or kept running.

Thin views over portal.backoffice.s2pack; a named domain error becomes its JSON error
(portal.errors) and the request's transaction rolls back (portal.transaction)."""

from __future__ import annotations

import math
import re

from flask import current_app, jsonify
from sqlalchemy import select

from models import Contract
from models.telematics import S2Box, S2Event
from portal.backoffice import s2pack
from portal.backoffice.errors import Invalid, Malformed, NotFound
from portal.db import get_session
from portal.rules.s2pack import installation_deadline, next_step
from portal.sim.blueprints import api, console, console_now, json_body

NUMBER = re.compile(r"[A-Za-z0-9-]{1,16}")
LOG_LIMIT = 200


def _body() -> dict:
    try:
        return json_body()
    except ValueError as exc:
        raise Malformed("invalid_body", str(exc)) from exc


def _flag(body: dict, name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise Invalid("invalid_field", f"{name} is true or false.", field=name)
    return value


def _text(body: dict, name: str, default: str = "") -> str:
    value = body.get(name, default)
    if not isinstance(value, str) or "\x00" in value:
        raise Invalid("invalid_field", f"{name} is a text.", field=name)
    return value


def _g(body: dict) -> float:
    value = body.get("g")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Invalid("invalid_field", "g is the impact's strength, a number.", field="g")
    return float(value)


def catch_up() -> None:
    """S2-5..S2-7: before any console page or API call, the S² steps the simulated clock
    has passed are played, so a running clock fires them as moving it does (the one
    place for both; moving the clock plays the steps up to its new time itself). With no
    open box, one statement, which also reads the clock for the request."""
    db = get_session()
    if s2pack.any_open_box(db):
        s2pack.play_due(db, console_now())


api.before_request(catch_up)
console.before_request(catch_up)


def _now_played():
    return get_session(), console_now()


def _box(number: str):
    if NUMBER.fullmatch(number) is None:
        raise NotFound("s2_no_pack", "No S² Pack on this contract.")
    db, now = _now_played()
    box, contract, holder = s2pack.box_of(db, number)
    return db, now, box, contract, holder


def box_json(db, box: S2Box, number: str, now) -> dict:
    due = next_step(box, now)
    events = db.scalars(
        select(S2Event).where(S2Event.box_id == box.id).order_by(S2Event.id).limit(LOG_LIMIT)
    )
    received = box.received_at
    return {
        "contract": number,
        "stage": box.stage.value,
        "serial": box.serial,
        "login": box.login,
        "discount_cents": box.discount_cents,
        "subscribed_at": box.subscribed_at.isoformat(),
        "installed_at": box.installed_at.isoformat() if box.installed_at else None,
        "placed_on": box.placed_on.isoformat() if box.placed_on else None,
        "installation_deadline": installation_deadline(received.date()).isoformat()
        if received and not box.installed_at
        else None,
        "next_step": {"at": due.at.isoformat(), "step": due.step.value} if due else None,
        "log": [
            {
                "at": e.at.isoformat(),
                "kind": e.kind,
                "details": e.details,
                "message_id": e.message_id,
            }
            for e in events
        ],
    }


def _answer(db, box: S2Box, number: str, now, status: int = 200, **extra):
    response = jsonify({**box_json(db, box, number, now), **extra})
    response.status_code = status
    return response


@api.get("/s2pack/<number>")
def s2pack_show(number: str):
    """The box of a contract, its next step and its log."""
    db, now, box, _, _ = _box(number)
    return _answer(db, box, number, now)


@api.post("/s2pack/<number>")
def s2pack_subscribe(number: str):
    """S2-6: the S² Pack on an active Vivium car contract; the welcome SMS goes out."""
    _body()
    db, now = _now_played()
    contract = (
        db.scalar(select(Contract).where(Contract.number == number))
        if NUMBER.fullmatch(number)
        else None
    )
    if contract is None:
        raise NotFound("contract_not_found", "No contract with this number.")
    method = current_app.extensions["auth_settings"].password_hash
    box = s2pack.add_s2_pack(db, contract, now, hash_method=method)
    return _answer(db, box, number, now, 201)


@api.post("/s2pack/<number>/install")
def s2pack_install(number: str):
    """S2-5, S2-6: the box installed (by the console or the customer): activation SMS."""
    by = _text(_body(), "by", "console")
    if by not in ("console", "customer"):
        raise Invalid("invalid_field", "by is 'console' or 'customer'.", field="by")
    db, now, box, _, holder = _box(number)
    s2pack.install(db, box, holder, now, by=by)
    return _answer(db, box, number, now)


@api.post("/s2pack/<number>/impact")
def s2pack_impact(number: str):
    """S2-2: an impact; the e-call, the assistance's call, the SMS, the tow truck."""
    body = _body()
    values = {
        "g": _g(body),
        "in_belgium": _flag(body, "in_belgium", True),
        "stopped": _flag(body, "stopped", True),
        "answered": _flag(body, "answered", True),
        "place": _text(body, "place", "Bruxelles"),
    }
    db, now, box, _, holder = _box(number)
    response = s2pack.impact(db, box, holder, now, **values)
    return _answer(db, box, number, now, response=response)


@api.post("/s2pack/<number>/battery")
def s2pack_battery(number: str):
    """S2-4: the battery's power drops ('low') or it is disconnected."""
    what = _text(_body(), "what", "low")
    db, now, box, _, holder = _box(number)
    s2pack.battery(db, box, holder, now, what)
    return _answer(db, box, number, now)


@api.post("/s2pack/<number>/anomaly")
def s2pack_anomaly(number: str):
    """S2-7: the box out of order: the SMS with the number that fits the box."""
    _body()
    db, now, box, _, holder = _box(number)
    phone = s2pack.report_anomaly(db, box, holder, now)
    return _answer(db, box, number, now, phone=phone)


@api.post("/s2pack/<number>/regularise")
def s2pack_regularise(number: str):
    """S2-7: the out-of-order box works again."""
    _body()
    db, now, box, _, _ = _box(number)
    s2pack.regularise(db, box, now)
    return _answer(db, box, number, now)


@api.post("/s2pack/<number>/theft")
def s2pack_theft(number: str):
    """S2-3: the customer asks for the tracking after a theft."""
    _body()
    db, now, box, _, _ = _box(number)
    steps = s2pack.request_theft_tracking(db, box, now)
    return _answer(db, box, number, now, steps=steps)


@api.post("/s2pack/<number>/vehicle")
def s2pack_vehicle(number: str):
    """S2-6, S2-7: a change of vehicle: the SMS, the box moved."""
    plate = _text(_body(), "plate")
    db, now, box, contract, holder = _box(number)
    phone = s2pack.change_vehicle(db, box, contract, holder, now, plate)
    return _answer(db, box, number, now, phone=phone)


@api.post("/s2pack/<number>/end")
def s2pack_end(number: str):
    """S2-8: the customer stops the pack: de-installation SMS, discount adjusted."""
    _body()
    db, now, box, contract, holder = _box(number)
    s2pack.end_pack(db, box, contract, holder, now)
    return _answer(db, box, number, now)
