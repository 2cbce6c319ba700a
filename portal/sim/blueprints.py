"""The console (HTML, /sim/) and control API (JSON, /sim/api/) blueprints.

The API is exempt from the CSRF token (scripts call it) but its state-changing calls
must send `Content-Type: application/json`, which a web page of another site cannot do
without a CORS preflight that the simulator never grants.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from models.sim import clock_now
from portal.db import get_session
from portal.sim import access

console = Blueprint("sim", __name__, url_prefix="/sim")
api = Blueprint("sim_api", __name__, url_prefix="/sim/api")
console.before_request(access.guard)
api.before_request(access.guard)


@api.before_request
def _json_only():
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


def json_body() -> dict:
    """The JSON object of the request ({} when there is none); ValueError otherwise."""
    if not request.content_length:
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ValueError("The request body must be a JSON object.")
    return body
