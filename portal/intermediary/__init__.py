"""The intermediaries' tools as front ends of their own (BK-1, BK-2, BK-3, PD-2):
Connect 360 for P&V agents at /connect360/<lang>/..., V-Connect (with its Life Connect
part) for Vivium brokers at /vconnect/<lang>/..., each with its own session cookie.

Thin views over portal.backoffice.portfolio and portal.backoffice.intermediary_requests;
nothing here imports another front end.
"""

from __future__ import annotations

from flask import Flask

from auth.sessions import register_space
from portal.intermediary.tool import TOOLS, make_blueprint


def init_app(app: Flask) -> None:
    for tool in TOOLS.values():
        register_space(tool.segment, tool.cookie)
        app.register_blueprint(make_blueprint(tool))
