"""Who may use the simulator's console, its control API and the stubs' pickers
(SECURITY.md: console token, stub access).

The console and the API are open to requests from the loopback address; from anywhere
else they need the console token (SIM_TOKEN, printed by `portal-sim run`):

- scripts send it in every request, as `Authorization: Bearer <token>` or `X-Sim-Token`;
  the API never takes it from the URL (URLs end up in logs);
- a browser signs in once, on the POST form of the console's 403 page (`/sim/signin`),
  or with `?token=` on a console URL, which is answered at once by a redirect to the same
  URL without it. The session (the neutral cookie, path /) then keeps only a flag: an
  HMAC of the token under SECRET_KEY, never the token; a new token ends old sign-ins;
- the access logs of Werkzeug and gunicorn show `token=***` (TokenMaskFilter).

The itsme stub's person picker and the eID reader's card list (with their typed
national numbers) let anyone become any customer. SIM_STUBS says who may use them:
unset (`auto`), loopback clients and signed-in testers; `open`, everybody; `token`,
signed-in testers only, even on loopback (behind a reverse proxy every request is local).

Worlds (issue 14): each world has a console token of its own (`wt_<id>_...`, returned
when it is created) that controls that world only: its console and API under
`/w/<id>/sim/...` and its entry of the worlds API. The instance token controls every
world. A world token shown anywhere else is refused (403), even from the loopback
address, so that a script pointed at the wrong world stops at once.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from ipaddress import ip_address
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Flask,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from itsdangerous import BadSignature

from auth.sessions import NEUTRAL_COOKIE, brand_of_path
from portal.worlds import current_world
from portal.worlds import tokens as world_tokens

API_PREFIX = "/sim/api/"
SIGNED_IN = "sim_console"
STUB_MODES = ("auto", "open", "token")
ACCESS_LOGGERS = ("werkzeug", "gunicorn.access")
TOKEN_IN_TEXT = re.compile(r"(token=)[^&\s\"'\x1b]+", re.IGNORECASE)
LOCAL_PATH = re.compile(r"/[A-Za-z0-9/._~%!$&'()*+,;=:@?-]{0,500}")

signin_bp = Blueprint("sim_signin", __name__, url_prefix="/sim")


def is_loopback(address: str | None) -> bool:
    try:
        return ip_address(address or "").is_loopback
    except ValueError:
        return False


def _fingerprint(token: str) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, b"sim-console:" + token.encode(), hashlib.sha256).hexdigest()


def token_matches(given: str | None) -> bool:
    """Whether `given` is the instance token."""
    token = current_app.config.get("SIM_TOKEN") or ""
    return bool(token and given) and hmac.compare_digest(token.encode(), given.encode())


def world_in_question() -> tuple[str, str] | None:
    """(id, token hash) of the world this request acts on: the world of its prefix, or
    the world an entry of the worlds API names (set by that API before the guard)."""
    world = current_world()
    if world is not None:
        return world.id, world.token_hash
    return getattr(request, "world_entry", None)


def world_token_matches(given: str | None) -> bool:
    world = world_in_question()
    return world is not None and world_tokens.token_fits(given, *world)


def token_accepted(given: str | None) -> bool:
    """The instance token, or the token of the world in question."""
    return token_matches(given) or world_token_matches(given)


def foreign_token(given: str | None) -> bool:
    """A world token of another world than the one in question."""
    owner = world_tokens.world_of_token(given)
    world = world_in_question()
    return owner is not None and (world is None or owner != world[0])


def header_token() -> str:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[7:].strip()
    return request.headers.get("X-Sim-Token", "")


def _neutral_flag() -> str | None:
    """The sign-in flag of the neutral cookie, read directly in a brand space (whose
    session is the brand's own cookie, BR-1)."""
    value = request.cookies.get(NEUTRAL_COOKIE)
    if not value:
        return None
    serializer = current_app.session_interface.get_signing_serializer(current_app)
    max_age = int(current_app.permanent_session_lifetime.total_seconds())
    try:
        data = serializer.loads(value, max_age=max_age)
    except BadSignature:
        return None
    return data.get(SIGNED_IN) if isinstance(data, dict) else None


def _world_fingerprint(world: tuple[str, str]) -> str:
    return _fingerprint(f"world:{world[0]}:{world[1]}")


def signed_in() -> bool:
    """Whether this browser signed in with the current instance token, or with the
    token of the world in question."""
    flag = session.get(SIGNED_IN) if brand_of_path(request.path) is None else _neutral_flag()
    if not isinstance(flag, str):
        return False
    token = current_app.config.get("SIM_TOKEN")
    if token and hmac.compare_digest(flag, _fingerprint(token)):
        return True
    world = world_in_question()
    return world is not None and hmac.compare_digest(flag, _world_fingerprint(world))


def sign_in(given: str) -> None:
    """Remember in the session that the browser showed `given`, an accepted token."""
    session.pop("sim_token", None)  # the token in clear, as older versions kept it
    world = world_in_question()
    if token_matches(given) or world is None:
        session[SIGNED_IN] = _fingerprint(current_app.config["SIM_TOKEN"])
    else:
        session[SIGNED_IN] = _world_fingerprint(world)


def allowed() -> bool:
    given = header_token()
    if foreign_token(given):
        return False
    if is_loopback(request.remote_addr):
        return True
    return token_accepted(given) or signed_in()


def stubs_open() -> bool:
    """Whether this request may see and use the stubs' pickers (SIM_STUBS)."""
    mode = current_app.config.get("SIM_STUBS") or "auto"
    if mode == "open" or (mode == "auto" and is_loopback(request.remote_addr)):
        return True
    return signed_in() or token_accepted(header_token())


def local_path(target: str | None) -> str | None:
    """A path of this site to go back to after signing in; None for anything else."""
    if not target or not LOCAL_PATH.fullmatch(target) or "//" in target:
        return None
    return target


def signin_url(back: str | None = None) -> str:
    """The sign-in page, coming back to `back` (default: the current page) afterwards."""
    here = request.full_path if request.query_string else request.path
    return url_for("sim_signin.signin", next=back or request.script_root + here)


def url_without_token() -> str:
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "token"]
    return request.script_root + request.path + (f"?{urlencode(args)}" if args else "")


def render_signin(status: int, error: bool = False, target: str | None = None):
    target = local_path(target if target is not None else url_without_token())
    return render_template("sim/signin.html", error=error, target=target or ""), status


def guard():
    """before_request of the console and API blueprints."""
    api = request.path.startswith(API_PREFIX)
    if not api and request.method == "GET" and "token" in request.args:
        if token_accepted(request.args.get("token")):
            sign_in(request.args["token"])
        elif not allowed():
            return render_signin(403, error=True)
        return redirect(url_without_token())
    if allowed():
        return None
    if api:
        message = "The control API needs the console token in an Authorization: Bearer header."
        response = jsonify(error="forbidden", message=message)
        response.status_code = 403
        return response
    return render_signin(403)


@signin_bp.route("/signin", methods=["GET", "POST"])
def signin():
    """The console token typed into a form (POST, CSRF token): never in a URL."""
    if request.method == "GET":
        return render_signin(200, target=request.args.get("next"))
    target = request.form.get("next")
    given = request.form.get("token")
    if not token_accepted(given):
        return render_signin(403, error=True, target=target)
    sign_in(given or "")
    return redirect(local_path(target) or url_for("sim.dashboard"))


class TokenMaskFilter(logging.Filter):
    """Rewrites `token=...` as `token=***` in access-log records (Werkzeug's arguments
    are a tuple, gunicorn's a dict of atoms, changed in place)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, dict):
            for key, value in args.items():
                if isinstance(value, str) and "token=" in value.lower():
                    args[key] = mask(value)
        elif isinstance(args, tuple):
            record.args = tuple(mask(a) if isinstance(a, str) else a for a in args)
        if isinstance(record.msg, str):
            record.msg = mask(record.msg)
        return True


def mask(text: str) -> str:
    return TOKEN_IN_TEXT.sub(r"\1***", text)


def init_app(app: Flask) -> None:
    """Check SIM_STUBS, register the sign-in page, mask tokens in the access logs."""
    mode = app.config.get("SIM_STUBS") or "auto"
    if mode not in STUB_MODES:
        raise ValueError(f"SIM_STUBS={mode!r}: use one of {', '.join(STUB_MODES)}")
    app.register_blueprint(signin_bp)
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, TokenMaskFilter) for f in logger.filters):
            logger.addFilter(TokenMaskFilter())
