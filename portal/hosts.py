"""Which Host names the simulator answers: a defence against DNS rebinding (SECURITY.md).

A web page of `rebind.attacker.example` can make its own name resolve to 127.0.0.1; the
victim's browser then talks to the simulator as a loopback client, and the page, being
same-origin with what it fetches, could read the console, the control API (SMS codes,
activation letters) and drive the stubs. The browser still sends `Host:
rebind.attacker.example`, so every request whose Host is not one of the simulator's own
names gets a 400 (JSON `host_not_allowed` under /sim/api/, a page in the page language
elsewhere) before anything else runs: the check covers the whole application, because
the portals, the itsme stub and the eID reader are as much a way in as the console.

Allowed: `localhost`, any IP address literal (a rebinding page always has a name: an IP-literal Host means
the browser really went to that address), the host `portal-sim run` listens on
(SIM_LISTEN_HOST, or HOST; on 0.0.0.0 or :: the machine's own name and FQDN), and every
entry of SIM_ALLOWED_HOSTS (comma-separated; `.example.com` allows the domain and its
subdomains; `*` switches the check off, e.g. behind a proxy that checks names itself).
"""

from __future__ import annotations

import re
import socket
from functools import lru_cache
from ipaddress import ip_address
from urllib.parse import urlsplit

from flask import Flask, current_app, jsonify, render_template, request
from flask.globals import request_ctx
from flask_babel import gettext as _
from markupsafe import escape

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
ANY_INTERFACE = frozenset({"0.0.0.0", "::", "[::]"})
NAME = re.compile(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?")
API_PREFIX = "/sim/api/"


def hostname_of(host: str | None) -> str | None:
    """The lower-case name or address of a Host header value, without its port; None
    when the value is not a well-formed host."""
    if not host or any(c.isspace() or ord(c) > 126 for c in host):
        return None
    try:
        parts = urlsplit(f"//{host}")
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        return None
    name = (parts.hostname or "").rstrip(".")
    if parts.username is not None or parts.path or parts.query or parts.fragment:
        return None
    if is_ip(name) or NAME.fullmatch(name):
        return name
    return None


def is_ip(name: str) -> bool:
    try:
        ip_address(name)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=8)
def _names(listen: str, extra: str) -> frozenset[str]:
    names = set(LOOPBACK_NAMES)
    if listen in ANY_INTERFACE:
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    elif listen:
        names.add(listen.strip("[]"))
    names |= {entry.strip().lower() for entry in extra.split(",") if entry.strip()}
    return frozenset(names)


def allowed_names(config) -> frozenset[str]:
    """The configured names (loopback, the listening host, SIM_ALLOWED_HOSTS)."""
    listen = str(config.get("SIM_LISTEN_HOST") or "").strip().lower()
    return _names(listen, str(config.get("SIM_ALLOWED_HOSTS") or ""))


@lru_cache(maxsize=256)
def host_allowed(host: str | None, names: frozenset[str]) -> bool:
    """Whether a Host header value names this simulator (see the module docstring).
    Kept per value and configuration: a browser sends the same Host on every request,
    and parsing it cost more than some pages' SQL (issue 12)."""
    name = hostname_of(host)
    if name is None:
        return False
    if "*" in names or is_ip(name) or name in names:
        return True
    return any(
        entry.startswith(".") and (name.endswith(entry) or name == entry[1:]) for entry in names
    )


def refuse():
    """The 400 for a Host that is not ours, in JSON under /sim/api/, else a page."""
    shown = (request.headers.get("Host") or "")[:100]
    if request.path.startswith(API_PREFIX):
        message = (
            f"The host name {shown!r} is not one of this simulator's names; "
            "add it to SIM_ALLOWED_HOSTS if it is."
        )
        return jsonify(error="host_not_allowed", message=message, status=400), 400
    if request_ctx.url_adapter is None:
        # Werkzeug could not bind this Host (a label over 63 characters): no url_for, so
        # no base template; the same words on a bare page.
        lines = (
            _("Unknown address"),
            _(
                "The simulator does not answer under the name %(host)s. "
                "Open it with the address you were given.",
                host=shown,
            ),
            _(
                "If this name really is the simulator's, its administrator adds it to SIM_ALLOWED_HOSTS."
            ),
        )
        page = "".join(f"<p>{escape(line)}</p>" for line in lines)
        return f"<!doctype html><title>{escape(lines[0])}</title>{page}", 400
    return render_template("host_refused.html", host=shown), 400


def check_host():
    """before_request, registered first: nothing else runs for a foreign Host."""
    if host_allowed(request.headers.get("Host"), allowed_names(current_app.config)):
        return None
    return refuse()


def init_app(app: Flask) -> None:
    """Register the check before every other before_request (CSRF included)."""
    app.config.setdefault("SIM_LISTEN_HOST", None)
    app.config.setdefault("SIM_ALLOWED_HOSTS", None)
    app.before_request_funcs.setdefault(None, []).insert(0, check_host)
