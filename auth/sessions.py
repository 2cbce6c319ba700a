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
        return COOKIE_NAMES[brand] if brand else NEUTRAL_COOKIE

    def get_cookie_path(self, app: Flask) -> str:
        brand = brand_of_path(request.path)
        return f"/{brand.value}" if brand else "/"


def init_app(app: Flask) -> None:
    app.session_interface = BrandSessionInterface()
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
