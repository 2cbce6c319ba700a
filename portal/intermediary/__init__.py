"""The intermediaries' tools as front ends of their own (BK-1, BK-2, BK-3, PD-2):
Connect 360 for P&V agents at /connect360/<lang>/..., V-Connect (with its Life Connect
part) for Vivium brokers at /vconnect/<lang>/..., each with its own session cookie.

Thin views over portal.backoffice.portfolio and portal.backoffice.intermediary_requests;
nothing here imports another front end.
"""

from __future__ import annotations

from flask import Flask, g

from auth.sessions import register_space
from auth.watching import Seen, WatchedSpace, watchable
from portal.intermediary.tool import SIGNED_IN, TOOLS, make_blueprint


def _watched_intermediary() -> tuple[int, str] | None:
    """The signed-in intermediary, when the page already looked him up."""
    me = g.get("me")
    return (me.id, f"{me.first_name} {me.last_name} ({me.producer_number})") if me else None


def _seen() -> Seen | None:
    """His `tool_seen` row, read with him (portal.intermediary.tool.signed_in)."""
    return g.get("tool_seen")


def _watch_cookie(_db, intermediary_id: int) -> dict:
    """Issue 19: the session that shows a trainer this intermediary's pages again."""
    return {SIGNED_IN: intermediary_id}


def init_app(app: Flask) -> None:
    for tool in TOOLS.values():
        register_space(tool.segment, tool.cookie)
        watchable(tool.segment, WatchedSpace(_watched_intermediary, _watch_cookie, _seen))
        app.register_blueprint(make_blueprint(tool))
