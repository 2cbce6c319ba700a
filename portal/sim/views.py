"""The console (HTML) and the control API (JSON) of the simulator."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from models.sim import clock_now
from portal.db import get_session
from portal.sim import access
from portal.sim.outbox import OutboxFilter, as_json, list_messages

console = Blueprint("sim", __name__, url_prefix="/sim")
api = Blueprint("sim_api", __name__, url_prefix="/sim/api")
console.before_request(access.guard)
api.before_request(access.guard)


@console.context_processor
def _clock():
    return {"sim_now": clock_now(get_session())}


def api_error(status: int, error: str, message: str, **extra):
    response = jsonify(error=error, message=message, **extra)
    response.status_code = status
    return response


@console.get("/outbox")
def outbox():
    db = get_session()
    try:
        f = OutboxFilter.parse(request.args)
    except ValueError as exc:
        return render_template(
            "sim/outbox.html", messages=[], now=clock_now(db), error=str(exc), f=OutboxFilter()
        ), 400
    return render_template(
        "sim/outbox.html", messages=list_messages(db, f), now=clock_now(db), f=f, error=None
    )


@api.get("/outbox")
def api_outbox():
    db = get_session()
    try:
        f = OutboxFilter.parse(request.args)
    except ValueError as exc:
        return api_error(400, "invalid_filter", f"Invalid value for '{exc}'.", field=str(exc))
    now = clock_now(db)
    return jsonify(now=now.isoformat(), messages=[as_json(m, now) for m in list_messages(db, f)])
