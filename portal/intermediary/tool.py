"""One blueprint per intermediary tool: its paths, its language, who is signed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from flask import Blueprint, g, redirect, request, session, url_for

from models.brands import PROFILES, IntermediaryTool, System, brand_of
from models.enums import Brand
from models.sim import clock_now
from portal.backoffice import portfolio
from portal.backoffice.errors import NotFound
from portal.db import get_session

LANGS = ("fr", "nl")
SIGNED_IN = "intermediary_id"


@dataclass(frozen=True)
class ToolFrontEnd:
    brand: Brand
    segment: str  # the first path segment, and the blueprint's name
    cookie: str
    life_part: str | None  # V-Connect's life contracts live in "Life Connect"

    @property
    def profile(self) -> IntermediaryTool:
        return PROFILES[self.brand].tool


TOOLS = {
    brand: ToolFrontEnd(brand, p.tool.segment, p.tool.cookie_name, p.tool.life_part)
    for brand, p in PROFILES.items()
}


def signed_in() -> portfolio.SignedIn | None:
    """The intermediary of this tool's session, if any, read once per request with the
    page he last saw (`g.tool_seen`, for auth.watching: one statement, issue 12)."""
    if "me" not in g:
        try:
            g.me, g.tool_seen = portfolio.signed_in(
                get_session(), g.tool.brand, session.get(SIGNED_IN), g.tool.segment
            )
        except NotFound:
            g.me = g.tool_seen = None
    return g.me


def now() -> datetime:
    """The simulated clock, read once per request: one page, one moment."""
    if "tool_now" not in g:
        g.tool_now = clock_now(get_session())
    return g.tool_now


def login_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if signed_in() is None:
            return redirect(url_for(".signin", next=request.path))
        return view(*args, **kwargs)

    return wrapped


def other_lang() -> str:
    return "nl" if g.lang == "fr" else "fr"


def make_blueprint(tool: ToolFrontEnd) -> Blueprint:
    """The tool's blueprint at /<segment>/<lang>/...; its views read g.tool and g.lang."""
    from portal.intermediary import auto, pages, requests, signin

    bp = Blueprint(tool.segment, __name__, url_prefix=f"/{tool.segment}")

    @bp.url_value_preprocessor
    def _enter(_endpoint, values):
        g.tool = tool
        if values and "lang" in values:
            g.lang = values.pop("lang")

    @bp.url_defaults
    def _stay(_endpoint, values):
        if "lang" in g and g.get("tool") is tool:
            values.setdefault("lang", g.lang)

    @bp.context_processor
    def _tool():
        return {"tool": tool, "me": signed_in(), "other_lang": other_lang()}

    @bp.get("/")
    def root():
        me = signed_in()
        return redirect(
            url_for(
                ".portfolio",
                lang=me.language.value if me else PROFILES[tool.brand].default_language,
            )
        )

    signin.attach(bp)
    pages.attach(bp, tool)
    requests.attach(bp)
    if tool.brand == brand_of(System.VCONNECT_AUTO):
        auto.attach(bp)  # V-Connect Auto (issue 16)
    return bp
