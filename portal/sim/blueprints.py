"""The console (HTML, /sim/) and control API (JSON, /sim/api/) blueprints.

The API is exempt from the CSRF token (scripts call it) but its state-changing calls
must send `Content-Type: application/json`, which a web page of another site cannot do
without a CORS preflight that the simulator never grants. A DELETE without a body needs
no Content-Type: DELETE is never a "simple" cross-site request, it always needs that
preflight.

A body that is no JSON object, or JSON nested too deep to read, answers 400 JSON.
"""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, request

from models.sim import clock_now
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


@console.context_processor
def _clock():
    return {"sim_now": clock_now(get_session())}


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
