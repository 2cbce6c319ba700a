"""The console (HTML, /sim/) and control API (JSON, /sim/api/) blueprints.

The API is exempt from the CSRF token (scripts call it) but its state-changing calls
must send `Content-Type: application/json`, which a web page of another site cannot do
without a CORS preflight that the simulator never grants. A DELETE without a body needs
no Content-Type: DELETE is never a "simple" cross-site request, it always needs that
preflight.

A body that is no JSON object, or JSON nested too deep to read, answers 400 JSON.

The simulated clock is read once per request (`console_now`, issue 12): one page, one
moment; a request that sets or moves the clock reads it again afterwards.
"""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, g, has_app_context, jsonify, request
from sqlalchemy import event

from models.sim import ClockState, clock_now
from portal.db import get_session
from portal.sim import access

console = Blueprint("sim", __name__, url_prefix="/sim")
api = Blueprint("sim_api", __name__, url_prefix="/sim/api")
console.before_request(access.guard)
api.before_request(access.guard)


@api.before_request
def _json_only():
    if request.method == "DELETE" and not _has_body():
        return None
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and not request.is_json:
        return api_error(415, "json_required", "Send the request body as application/json.")
    return None


_NOW = "console_now"


def console_now() -> datetime:
    """The simulated clock's time, read once per console or API request."""
    if _NOW not in g:
        g.console_now = clock_now(get_session())
    return g.console_now


def _clock_moved(*_args) -> None:
    """The clock's row changes: the next `console_now` of the request reads it again."""
    if has_app_context():
        g.pop(_NOW, None)


event.listen(ClockState.offset_seconds, "set", _clock_moved)
event.listen(ClockState.frozen_at, "set", _clock_moved)


@console.context_processor
def _clock():
    return {"sim_now": console_now()}


def api_error(status: int, error: str, message: str, **extra):
    response = jsonify(error=error, message=message, **extra)
    response.status_code = status
    return response


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "")


def json_body() -> dict:
    """The JSON object of the request ({} when there is none); ValueError when it is
    another JSON value; a 400 JSON answer when it cannot be read at all."""
    if not request.content_length:
        return {}
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        abort(api_error(400, "invalid_json", "The JSON body is nested too deep to be read."))
    if not isinstance(body, dict):
        raise ValueError("The request body must be a JSON object.")
    return body
