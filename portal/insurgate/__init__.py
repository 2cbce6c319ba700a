"""Insurgate, the brokers' small-business quoting platform: /insurgate/<lang>/...
(IG-1..IG-7), a front end with its own session cookie and its own login.

The logged-in Insurgate user is kept under `ig_user` (with his `session_epoch`) in the
`insurgate_session` cookie, whose path is /insurgate: a customer session of the brand
portals (Flask-Login's `_user_id`, in another cookie) is never read here, and an
Insurgate session is never read there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Blueprint, g, redirect, render_template, request, session, url_for

from auth.sessions import register_space
from auth.watching import WatchedSpace, watchable
from models.insurgate import IgUser
from portal.db import get_session

register_space("insurgate", "insurgate_session")
USER_KEY, EPOCH_KEY = "ig_user", "ig_epoch"


def _watched_user() -> tuple[int, str] | None:
    user = g.get("ig_user")
    return (user.id, f"{user.first_name} {user.last_name} · {user.email}") if user else None


def _watch_cookie(db, user_id: int) -> dict | None:
    """Issue 19: the session that shows a trainer this user's pages again."""
    user = db.get(IgUser, user_id)
    if user is None or not user.password_hash:
        return None
    return {USER_KEY: user.id, EPOCH_KEY: user.session_epoch}


watchable("insurgate", WatchedSpace(_watched_user, _watch_cookie))

bp = Blueprint("insurgate", __name__, url_prefix="/insurgate/<any(fr,nl):lang>")
LANGUAGES = ("fr", "nl")


@bp.url_value_preprocessor
def _enter(_endpoint, values):
    g.lang = values.pop("lang")


@bp.before_app_request
def _language_of_any_insurgate_url() -> None:
    """An Insurgate address no route matches (a 404, a 405) still answers in the
    language of its URL: the preprocessor above runs only for a matched route."""
    if "lang" not in g and request.path.startswith("/insurgate/"):
        lang = request.path.split("/")[2]
        if lang in LANGUAGES:
            g.lang = lang


@bp.url_defaults
def _stay(_endpoint, values):
    values.setdefault("lang", g.get("lang", "fr"))


@bp.before_request
def _load_user():
    """The logged-in user, only while his session epoch is current (one query)."""
    g.ig_user = None
    user_id, epoch = session.get(USER_KEY), session.get(EPOCH_KEY)
    if not isinstance(user_id, int) or not isinstance(epoch, int):
        return
    user = get_session().get(IgUser, user_id)
    if user is not None and user.password_hash and user.session_epoch == epoch:
        g.ig_user = user


@bp.context_processor
def _frame():
    return {"ig_user": g.get("ig_user")}


def log_in(user: IgUser) -> None:
    session.clear()
    session[USER_KEY], session[EPOCH_KEY] = user.id, user.session_epoch


def log_out() -> None:
    session.clear()


def member_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("ig_user") is None:
            return redirect(url_for("insurgate.login"))
        return view(*args, **kwargs)

    return wrapped


def admin_required(view: Callable) -> Callable:
    """IG-3: the office pages that change its structure (to read or to post) are for
    administrators; a collaborator reads, in Insurgate's look, why he may not (403)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("ig_user") is None:
            return redirect(url_for("insurgate.login"))
        if not g.ig_user.is_admin:
            return render_template("insurgate/admin_only.html"), 403
        return view(*args, **kwargs)

    return wrapped


from portal.insurgate import access, office, quotes  # noqa: E402,F401  (routes attach on import)
