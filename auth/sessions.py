"""One session cookie per brand space (BR-1).

`/vivium/...` and `/pv/...` each carry their own cookie, with its own name and path, so a
tester can be logged into both portals at once and a session of one brand is anonymous
in the other. Everything else (`/`, the simulator's own pages) has a third cookie.
"""

from __future__ import annotations

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface

from models.enums import Brand

COOKIE_NAMES = {Brand.VIVIUM: "myvivium_session", Brand.PV: "mypv_session"}
NEUTRAL_COOKIE = "portal_sim_session"

# Front ends with a cookie of their own, by the first segment of their paths (the
# intermediaries' tools, Insurgate...). Each registers itself once at start-up.
SPACES: dict[str, str] = {}


def register_space(segment: str, cookie_name: str) -> None:
    """Give the paths under `/<segment>/` a session cookie of their own."""
    known = SPACES.get(segment)
    if known is not None and known != cookie_name:
        raise ValueError(f"space {segment!r} already has cookie {known!r}")
    SPACES[segment] = cookie_name


def space_of_path(path: str) -> str | None:
    """The registered front end a URL path belongs to, if any."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in SPACES else None


def brand_of_path(path: str) -> Brand | None:
    """The brand space a URL path belongs to, if any."""
    first = path.lstrip("/").split("/", 1)[0]
    try:
        return Brand(first)
    except ValueError:
        return None


class BrandSessionInterface(SecureCookieSessionInterface):
    """Signed cookie sessions whose name and path follow the brand space of the request."""

    def get_cookie_name(self, app: Flask) -> str:
        brand = brand_of_path(request.path)
        if brand:
            return COOKIE_NAMES[brand]
        space = space_of_path(request.path)
        return SPACES[space] if space else NEUTRAL_COOKIE

    def get_cookie_path(self, app: Flask) -> str:
        brand = brand_of_path(request.path)
        if brand:
            return f"/{brand.value}"
        space = space_of_path(request.path)
        return f"/{space}" if space else "/"


def init_app(app: Flask) -> None:
    app.session_interface = BrandSessionInterface()
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
