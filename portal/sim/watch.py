"""Watching a trainee (issue 19): the console's read-only view of the page a signed-in
session last saw, refreshed as it moves (static/watch.js polls `state.json`, nothing
from a CDN). Opening the watch and each poll renew a short heartbeat on the watched
session's row; while it runs the trainee's pages say that a trainer is watching
(auth.watching). Console access only (portal.sim.access); a session of another world is
not in this world's data, so it is a 404 here like any unknown one.

Customer sessions are keyed by their row (`portal_session.token_hash`); to render their
page the console opens a session of its own on the trainee's account (method `watch`,
its token kept in the console's cookie), never the trainee's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from flask import abort, jsonify, make_response, redirect, render_template, session, url_for
from sqlalchemy.orm import Session

from auth.login import open_session, token_hash
from auth.sessions import SPACES as COOKIES
from auth.watching import HEARTBEAT, SPACES, wall_now
from models import Account, PortalSession, ToolSeen
from models.brands import PROFILES, brand_values
from models.sim import clock_now
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim.blueprints import console
from portal.sim.watch_render import FRAME_POLICY, render_as, signed_cookie

HEX_KEY = re.compile(r"[0-9a-f]{64}")
TOKENS = "watch_tokens"
WATCH_METHOD = "watch"


@dataclass
class Watched:
    space: str
    key: str
    row: PortalSession | ToolSeen

    @property
    def customer(self) -> bool:
        return isinstance(self.row, PortalSession)


def find(db: Session, space: str, key: str) -> Watched | None:
    """The live session `key` of `space` in this world, or None."""
    if space in brand_values() and HEX_KEY.fullmatch(key):
        row = db.get(PortalSession, key)
        if row and row.brand.value == space and row.ended_at is None:
            return Watched(space, key, row) if row.method != WATCH_METHOD else None
        return None
    if space in SPACES and key.isascii() and key.isdigit() and len(key) <= 9:
        found = db.get(ToolSeen, (space, int(key)))
        return Watched(space, key, found) if found else None
    return None


def found_or_404(space: str, key: str) -> Watched:
    watched = find(get_session(), space, key)
    if watched is None:
        abort(404)
    return watched


def beat(watched: Watched, moment: datetime) -> None:
    """The trainer is still watching: the trainee's notice stays on a little longer."""
    watched.row.watched_until = moment + HEARTBEAT


def _live_token(db: Session, watched: Watched) -> str | None:
    token = (session.get(TOKENS) or {}).get(watched.key)
    if not isinstance(token, str):
        return None
    row = db.get(PortalSession, token_hash(token))
    return token if row is not None and row.ended_at is None else None


def ensure_watch_session(db: Session, watched: Watched) -> None:
    """A console session on the trainee's account, to render his pages with."""
    if _live_token(db, watched):
        return
    account = db.get(Account, watched.row.account_id)
    token = open_session(db, account, WATCH_METHOD, clock_now(db))
    kept = dict(list((session.get(TOKENS) or {}).items())[-4:])
    kept[watched.key] = token
    session[TOKENS] = kept


def _cookie(db: Session, watched: Watched) -> tuple[str, str] | None:
    """(name, value) of a session cookie that shows the watched user's pages."""
    if watched.customer:
        token = _live_token(db, watched)
        if token is None:
            return None
        at = clock_now(db).isoformat()
        data = {"_user_id": str(watched.row.account_id), "_fresh": True, "sid": token,
                "auth_at": at, "seen_at": at, "method": WATCH_METHOD}  # fmt: skip
        return PROFILES[watched.row.brand].cookie_name, signed_cookie(data)
    data = SPACES[watched.space].cookie(db, watched.row.subject_id)
    return (COOKIES[watched.space], signed_cookie(data)) if data else None


def label_of(db: Session, watched: Watched) -> str:
    if watched.customer:
        account = db.get(Account, watched.row.account_id)
        return account.email if account else ""
    return watched.row.label


@console.get("/watch/<space>/<key>")
def watch_page(space: str, key: str):
    db = get_session()
    watched = found_or_404(space, key)
    beat(watched, wall_now())
    if watched.customer:
        ensure_watch_session(db, watched)
    return render_template(
        "sim/watch.html", watched=watched, label=label_of(db, watched), form=EmptyForm()
    )


@console.get("/watch/<space>/<key>/state.json")
def watch_state(space: str, key: str):
    watched = found_or_404(space, key)
    beat(watched, wall_now())
    path = watched.row.last_path or ""
    return jsonify(path=path, version=path)


@console.post("/watch/<space>/<key>/stop")
def watch_stop(space: str, key: str):
    watched = found_or_404(space, key)
    if EmptyForm().validate_on_submit():
        watched.row.watched_until = None
    return redirect(url_for("sim.signed_in_page"))


@console.get("/watch/<space>/<key>/frame")
def watch_frame(space: str, key: str):
    """The watched page, inert; or a line saying why there is nothing to show."""
    db = get_session()
    watched = found_or_404(space, key)
    cookie = _cookie(db, watched)
    path = watched.row.last_path
    if path is None or cookie is None:
        reason = "no_page" if path is None else "no_session"
        html = render_template("sim/watch_frame_empty.html", reason=reason)
    else:
        html = render_as(path, *cookie)
    response = make_response(html)
    response.headers["Content-Security-Policy"] = FRAME_POLICY
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response
