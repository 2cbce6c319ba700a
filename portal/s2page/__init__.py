"""The customer's personal VIVIUM S² page: /s2/<lang>/... (S2-1, S2-6), a front end with
its own session cookie (`s2_session`, path /s2) and its own login, the one of the
welcome SMS. The signed-in box is kept under `s2_box`, with the end of its password
hash so that a new password signs every session out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import wraps

from flask import Blueprint, g, redirect, session, url_for

from auth.sessions import register_space
from auth.watching import WatchedSpace, watchable
from models import Contract
from models.brands import System, brand_of
from models.sim import clock_now
from models.telematics import S2Box
from portal.backoffice.s2pack.summary import PackState, contract_pack
from portal.db import get_session

register_space("s2", "s2_session")

bp = Blueprint("s2page", __name__, url_prefix="/s2/<any(fr,nl):lang>")
BOX_KEY, CHECK_KEY = "s2_box", "s2_check"


@bp.url_value_preprocessor
def _enter(_endpoint, values):
    g.lang = values.pop("lang")


@bp.url_defaults
def _stay(_endpoint, values):
    values.setdefault("lang", g.get("lang", "fr"))


@bp.before_request
def _load_box():
    """The signed-in box, while its password is the one signed in with (one query)."""
    g.s2_box = None
    box_id, check = session.get(BOX_KEY), session.get(CHECK_KEY)
    if not isinstance(box_id, int) or not isinstance(check, str):
        return
    box = get_session().get(S2Box, box_id)
    if box is not None and box.password_hash[-16:] == check:
        g.s2_box = box


def log_in(box: S2Box) -> None:
    session.clear()
    session[BOX_KEY], session[CHECK_KEY] = box.id, box.password_hash[-16:]


def log_out() -> None:
    session.clear()


def _watched_box() -> tuple[int, str] | None:
    box = g.get("s2_box")
    return (box.id, box.login) if box else None


def _watch_cookie(db, box_id: int) -> dict | None:
    """Issue 19: the session that shows a trainer this box's page again."""
    box = db.get(S2Box, box_id)
    return {BOX_KEY: box.id, CHECK_KEY: box.password_hash[-16:]} if box else None


watchable("s2", WatchedSpace(_watched_box, _watch_cookie))


@bp.app_template_global()
def s2_pack_of(contract: Contract, now: datetime | None = None) -> PackState | None:
    """S2-5: the S² Pack of a Vivium car contract for the MyVivium contract page and
    V-Connect (one query for the box and one for its log; none for other contracts), at
    the page's moment when it gives one (else the clock is read)."""
    if contract.brand != brand_of(System.S2PACK) or contract.product != "car":
        return None
    db = get_session()
    return contract_pack(db, contract.id, now or clock_now(db))


def box_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("s2_box") is None:
            return redirect(url_for("s2page.login"))
        return view(*args, **kwargs)

    return wrapped


from portal.s2page import labels, views  # noqa: E402,F401  (routes and texts attach on import)
