"""Who may use the simulator's console and control API.

Open to requests from the loopback address; from anywhere else they need the console
token (SIM_TOKEN, printed by `portal-sim run`), as a `?token=` once (then kept in the
console's own session), an `Authorization: Bearer` header, or an `X-Sim-Token` header.
Portal users on a shared instance can therefore not reach them.
"""

from __future__ import annotations

import hmac
from ipaddress import ip_address

from flask import abort, current_app, jsonify, request, session


def is_loopback(address: str | None) -> bool:
    try:
        return ip_address(address or "").is_loopback
    except ValueError:
        return False


def presented_token() -> str:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[7:].strip()
    return (
        request.headers.get("X-Sim-Token")
        or request.args.get("token")
        or session.get("sim_token", "")
    )


def allowed() -> bool:
    if is_loopback(request.remote_addr):
        return True
    token = current_app.config.get("SIM_TOKEN") or ""
    given = presented_token()
    if token and given and hmac.compare_digest(token, given):
        if request.args.get("token"):
            session["sim_token"] = given
        return True
    return False


def guard():
    """before_request of the console and API blueprints."""
    if allowed():
        return None
    if request.path.startswith("/sim/api/"):
        response = jsonify(error="forbidden", message="The control API needs the console token.")
        response.status_code = 403
        return response
    abort(403)
