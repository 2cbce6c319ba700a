"""HTTP security headers and session-cookie hardening for both portals, the itsme stub
and the simulator's console (OWASP ASVS 5.0 level 2; see SECURITY.md).

Registered by the application factory with `security.init_app(app)`, after
`auth.sessions.init_app(app)` (it wraps the brand session interface that one installs).

What every response gets:

- Content-Security-Policy (V3.4.3, V3.4.6): `default-src 'self'`, scripts only from the
  portal's own files (no inline script, no eval), `object-src 'none'`, `base-uri 'none'`,
  `frame-ancestors 'none'` (inside a world, 'self': the trainer's presenter view frames the
  portal, issue 19), `form-action 'self'` plus the origin of an external itsme
  issuer (ITSME_ISSUER) when one is configured, because the POST to `itsme.start` is
  answered by a redirect to the issuer and browsers apply `form-action` to that redirect
  (RG-1). `style-src` also allows 'unsafe-inline' while templates still carry inline
  `style` attributes and one `<style>` block (config SECURITY_INLINE_STYLES, default True;
  SECURITY.md lists what must move before it is switched off).
- X-Content-Type-Options: nosniff (V3.4.4); Referrer-Policy: same-origin (V3.4.5: no
  URL leaves for another site; same-origin requests keep the Referer that Flask-WTF's
  CSRF check demands over HTTPS); X-Frame-Options: DENY for old browsers (V3.4.6);
  Permissions-Policy denying powerful features the portal never uses;
  Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy: same-origin (V3.4.8,
  V3.5.8).
- Strict-Transport-Security on HTTPS requests only (V3.4.1).
- Cache-Control: no-store (V14.3.2) on every dynamic response, forced when the session
  claims a logged-in customer; only static files, the web app manifest and the itsme
  stub's discovery and key documents stay cacheable.
- Clear-Site-Data: "cache", "storage" on logout (V14.3.1; not "cookies", which would
  also end the session of the other brand, BR-1).

A value the database cannot store (a NUL byte in PostgreSQL text, a number out of range,
a string too long for its column) is the request's fault: the visitor gets the 400 page
in the page's language, never a 500 (V16.5.1), and the log a warning naming the value's
problem, since each is a check the code should have made itself (SECURITY.md, BUG-6).

Session cookies (V3.3.1, V3.3.4, V7.2.1): HttpOnly and SameSite=Lax come from the
configuration; `Secure` is added whenever the request itself came over HTTPS
(`request.is_secure`), and always when PREFERRED_URL_SCHEME is "https". Behind a TLS
proxy, wrap the app in werkzeug's ProxyFix so that `request.is_secure` is true.
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, has_request_context, request, session
from flask.globals import _cv_app
from flask.sessions import SessionInterface
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import generate_csrf
from sqlalchemy.exc import DataError
from werkzeug.exceptions import BadRequest

from portal.worlds import WORLD_KEY

log = logging.getLogger(__name__)

EXTENSION = "security"

#: Endpoints whose answers are public and may be cached (everything else is no-store).
CACHEABLE_ENDPOINTS = frozenset(
    {"static", "public.manifest", "itsme_stub.discovery", "itsme_stub.jwks"}
)

#: Features the portal never uses (ASVS V3.4: least privilege for the browser).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

HSTS = "max-age=31536000; includeSubDomains"
LOGOUT_ENDPOINT = "auth.logout"


def origin_of(url: str | None) -> str | None:
    """The `scheme://host[:port]` of an absolute http(s) URL, else None."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


@lru_cache(maxsize=16)
def content_security_policy(
    inline_styles: bool = True, itsme_origin: str | None = None, framable: bool = False
) -> str:
    """The policy text (ASVS V3.4.3, V3.4.6); `itsme_origin` joins `form-action` (RG-1);
    `framable` lets the simulator's own pages frame this one (issue 19, see `framable`)."""
    style = "'self' 'unsafe-inline'" if inline_styles else "'self'"
    form_action = "'self'" + (f" {itsme_origin}" if itsme_origin else "")
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": style,
        "img-src": "'self'",
        "font-src": "'self'",
        "connect-src": "'self'",
        "manifest-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'self'" if framable else "'none'",
        "form-action": form_action,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def current_policy(app: Flask) -> str:
    """The policy for this application's configuration (read per request: tests and the
    console may change ITSME_ISSUER after start-up)."""
    issuer = origin_of(app.config.get("ITSME_ISSUER"))
    inline = bool(app.config.get("SECURITY_INLINE_STYLES", True))
    return content_security_policy(inline, issuer, framable())


def framable() -> bool:
    """Issue 19: pages inside a world (`/w/<id>/...`, a training world) may be framed by
    the simulator's own pages, for the trainer's presenter view; the default world's
    pages, the real portals' stand-ins, never are."""
    return has_request_context() and request.environ.get(WORLD_KEY) is not None


def _claims_login() -> bool:
    """Whether the session says a customer is logged in (no database query)."""
    return "_user_id" in session


def _wanted_headers(app: Flask) -> list[tuple[str, str]]:
    """The headers every answer gets unless its view set them itself, in order."""
    in_world = framable()
    wanted = [
        ("Content-Security-Policy", current_policy(app)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "SAMEORIGIN" if in_world else "DENY"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]
    if request.is_secure:
        wanted.append(("Strict-Transport-Security", HSTS))
    return wanted


def set_security_headers(response: Response) -> Response:
    """after_request: the headers of ASVS V3.4 and V14.3.2 (see the module docstring).
    A header the view set itself stays; the others are added in one pass over the
    response's headers (Werkzeug's `setdefault` walks them three times per header,
    issue 12)."""
    headers = response.headers
    present = {name.lower() for name, _value in headers.items()}
    for name, value in _wanted_headers(current_app):
        if name.lower() not in present:
            headers.add(name, value)
    if _claims_login():
        headers["Cache-Control"] = "no-store"
    elif request.endpoint not in CACHEABLE_ENDPOINTS and "cache-control" not in present:
        headers.add("Cache-Control", "no-store")
    if request.endpoint == LOGOUT_ENDPOINT and "clear-site-data" not in present:
        headers.add("Clear-Site-Data", '"cache", "storage"')
    return response


class SecureWhenHttps:
    """Mixin for a Flask session interface: the cookie is `Secure` on HTTPS requests
    (ASVS V3.3.1), whatever SESSION_COOKIE_SECURE says for plain-HTTP simulators."""

    def get_cookie_secure(self, app: Flask) -> bool:
        secure = super().get_cookie_secure(app)  # type: ignore[misc]
        return bool(secure) or (has_request_context() and request.is_secure)


def https_aware(interface: SessionInterface) -> SessionInterface:
    """The same session interface (same cookie names and paths, BR-1), with the mixin."""
    if isinstance(interface, SecureWhenHttps):
        return interface
    base = type(interface)
    cls = type(f"HttpsAware{base.__name__}", (SecureWhenHttps, base), {})
    wrapped = cls.__new__(cls)
    wrapped.__dict__.update(vars(interface))
    return wrapped


CSRF_KEPT = "security_csrf_tokens"
#: The session key of the raw CSRF token, as Flask-WTF names it by default.
DEFAULT_CSRF_FIELD = "csrf_token"
#: How long one signed CSRF token is handed out again (seconds); the check accepts a
#: token for WTF_CSRF_TIME_LIMIT (an hour by default), so a page shown at the end of
#: this reuse still has nearly all of its hour.
CSRF_REUSE_SECONDS = 60
#: Most signed tokens one application keeps before it starts again.
CSRF_KEPT_SIZE = 4096


def page_csrf_token() -> str:
    """`csrf_token()` in the templates: Flask-WTF's signed token (V3.5.1), signed once per
    session token and minute instead of on every page (an HMAC, a timestamp and a JSON
    dump each time, issue 12). The token is kept on `g` as Flask-WTF keeps it, so the
    forms of the same page carry the same one."""
    found = _cv_app.get().g.__dict__.get("csrf_token")  # not through g's proxy: asked often
    if found:
        return found
    fresh = None
    if not isinstance(session.get("csrf_token"), str):
        fresh = generate_csrf()  # the session's first token: kept too, reused from now on
    raw = session.get("csrf_token")
    if not isinstance(raw, str):
        return fresh or generate_csrf()
    app = current_app
    kept = app.extensions[CSRF_KEPT]
    key = (app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key, raw)
    signed = kept.get(key)
    moment = time.monotonic()
    if fresh is not None or signed is None or moment - signed[1] >= CSRF_REUSE_SECONDS:
        if len(kept) >= CSRF_KEPT_SIZE:
            kept.clear()
        signed = kept[key] = (fresh or generate_csrf(), moment)
    g.csrf_token = signed[0]
    return signed[0]


def _csrf_in_templates() -> dict:
    return {"csrf_token": page_csrf_token}


def data_error_as_bad_request(exc: DataError) -> ResponseReturnValue:
    """errorhandler(DataError): log, then answer 400 through the application's own HTTP
    error page (JSON under /sim/api/). Nothing was committed: the request's session
    rolls back when it closes at teardown (not here: a rollback would expire the
    logged-in account that the error page still shows)."""
    log.warning("database refused a value of %s %s: %s", request.method, request.path, exc.orig)
    return current_app.handle_http_exception(BadRequest())


def init_app(app: Flask) -> None:
    """Install the headers (V3.4, V14.3), the HTTPS cookie rule (V3.3.1) and the
    database-refusal handler (V16.5.1) once; calling it again changes nothing."""
    if EXTENSION in app.extensions:
        return
    app.extensions[EXTENSION] = True
    app.config.setdefault("SECURITY_INLINE_STYLES", True)
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    if app.config.get("PREFERRED_URL_SCHEME") == "https":
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    app.session_interface = https_aware(app.session_interface)
    app.extensions[CSRF_KEPT] = {}
    # after CSRFProtect's own global and context processor, which it replaces
    app.jinja_env.globals["csrf_token"] = page_csrf_token
    app.context_processor(_csrf_in_templates)
    app.after_request(set_security_headers)
    app.register_error_handler(DataError, data_error_as_bad_request)
