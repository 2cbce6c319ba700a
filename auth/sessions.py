"""One session cookie per brand space (BR-1).

Each brand space (`/<brand>/...`) carries its own cookie, named in the brand's profile,
with its own path, so a tester can be logged into every portal at once and a session of
one brand is anonymous in another. Everything else (`/`, the simulator's own pages) has
a neutral cookie.
"""

from __future__ import annotations

import copy
import time

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

from models.brands import BrandProfile, profile_of_segment
from models.enums import Brand

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


def profile_of_path(path: str) -> BrandProfile | None:
    """The profile of the brand space a URL path belongs to, if any."""
    return profile_of_segment(path.lstrip("/").split("/", 1)[0])


def brand_of_path(path: str) -> Brand | None:
    """The brand space a URL path belongs to, if any."""
    found = profile_of_path(path)
    return found.brand if found else None


#: Most verified cookie values one application keeps before it starts again.
OPENED_KEPT = 4096
_IMMUTABLE = frozenset({str, int, float, bool, type(None)})

#: Where a request's cookie name and path are kept once worked out (issue 12).
COOKIE_KEY = "portal.session_cookie"


def cookie_of_path(path: str) -> tuple[str, str]:
    """The session cookie's name and path (under the script root) for a URL path."""
    found = profile_of_path(path)
    if found:
        return found.cookie_name, f"/{found.brand.value}"
    space = space_of_path(path)
    return (SPACES[space], f"/{space}") if space else (NEUTRAL_COOKIE, "/")


class BrandSessionInterface(SecureCookieSessionInterface):
    """Signed cookie sessions whose name and path follow the brand space of the request.

    The brand space is worked out once per request, and the signing serializer once per
    secret key (Flask builds both again for every read and every write, issue 12)."""

    def get_signing_serializer(self, app: Flask):  # type: ignore[no-untyped-def]
        key = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        kept = self.__dict__.get("_serializer")
        if kept is None or kept[0] != key:
            kept = self._serializer = (key, super().get_signing_serializer(app))
        return kept[1]

    def open_session(self, app: Flask, request):  # type: ignore[no-untyped-def]
        """Flask's reading of the signed cookie, with the verified contents of a cookie
        value kept (issue 12): a browser sends the same value on every page until the
        session changes, and checking its signature and decoding its tagged JSON cost
        more than the page's own SQL. The lifetime is checked on every request against
        the signing time read the first time, as itsdangerous does; each request gets its
        own copy of the contents, so nothing it changes reaches the kept ones."""
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        key = (self._serializer[0], value)
        found = self.__dict__.setdefault("_opened", {}).get(key)
        if found is None or not 0 <= time.time() - found[1] <= max_age:
            try:
                data, signed = serializer.loads(value, max_age=max_age, return_timestamp=True)
            except BadSignature:
                return self.session_class()
            if len(self._opened) >= OPENED_KEPT:
                self._opened.clear()
            found = self._opened[key] = (data, signed.timestamp())
        return self.session_class(
            {k: v if type(v) in _IMMUTABLE else copy.deepcopy(v) for k, v in found[0].items()}
        )

    def save_session(self, app: Flask, session, response) -> None:  # type: ignore[no-untyped-def]
        """Flask's writing of the cookie, which first works out every cookie attribute
        even when it then sends nothing: a session left as it came (the usual page)
        only marks the answer as varying with the cookie, as Flask does (issue 12)."""
        if session and not self.should_set_cookie(app, session):
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)

    def _cookie(self) -> tuple[str, str]:
        environ = request.environ
        found = environ.get(COOKIE_KEY)
        if found is None:
            found = environ[COOKIE_KEY] = cookie_of_path(request.path)
        return found

    def get_cookie_name(self, app: Flask) -> str:
        return self._cookie()[0]

    def get_cookie_path(self, app: Flask) -> str:
        """The space's path under the request's script root: a world's prefix
        (`/w/<id>`, issue 14) keeps its cookies to that world."""
        return request.script_root + self._cookie()[1]


def init_app(app: Flask) -> None:
    app.session_interface = BrandSessionInterface()
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
