"""Flask-Login wiring: an account is loaded only inside its own brand space (BR-1) and
only while its server-side session is live (logout ends it on the server)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask import Flask, g, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, joinedload

from auth import watching
from models import Account, PortalSession
from models.sim import ClockState


class CustomerUser(UserMixin):
    """The logged-in customer: an account and the back-office person behind it."""

    def __init__(
        self,
        account: Account,
        token_hash: str | None = None,
        last_path: str | None = None,
        watched_until: datetime | None = None,
        clock: ClockState | None = None,
    ) -> None:
        self.account = account
        self.brand = account.brand
        # Issue 19 (auth.watching): the session row's key, the page it last saw and the
        # end of a trainer's watch, read with the account in the same query.
        self.token_hash = token_hash
        self.last_path = last_path
        self.watched_until = watched_until
        # Issue 12: the clock's row, read in the same query. The identity map holds its
        # objects weakly; this reference keeps the row there for the request, so
        # `clock_now(db)` finds it without a statement.
        self.clock = clock

    @property
    def person(self):
        """The back-office person (loaded with the account by the user loader)."""
        return self.account.person

    def get_id(self) -> str:
        return str(self.account.id)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(db: Session, account: Account, method: str, now: datetime) -> str:
    """Record a new server-side session and return its token (kept in the cookie)."""
    token = secrets.token_urlsafe(32)
    db.add(
        PortalSession(
            token_hash=token_hash(token),
            account_id=account.id,
            brand=account.brand,
            method=method,
            created_at=now,
            seen_at=now,
            ended_at=None,
        )
    )
    return token


def touch_session(db: Session, token: str | None, now: datetime) -> None:
    """Record the session's last activity, which its idle timeout counts from."""
    if token:
        db.execute(
            update(PortalSession)
            .where(PortalSession.token_hash == token_hash(token), PortalSession.ended_at.is_(None))
            .values(seen_at=now)
        )


def end_session(db: Session, token: str | None, now: datetime) -> None:
    if token:
        db.execute(
            update(PortalSession)
            .where(PortalSession.token_hash == token_hash(token), PortalSession.ended_at.is_(None))
            .values(ended_at=now)
        )


#: Built once (it runs on every page of a logged-in customer), with bound parameters.
#: The clock row rides along (issue 12): selected as an entity, it lands in the
#: session's identity map, so the request's `clock_now(db)` then costs no statement.
_LIVE_ACCOUNT = (
    select(Account, PortalSession.last_path, PortalSession.watched_until, ClockState)
    .options(joinedload(Account.person))
    .join(PortalSession, PortalSession.account_id == Account.id)
    .outerjoin(ClockState, ClockState.id == 1)
    .where(
        Account.id == bindparam("account_id"),
        Account.brand == bindparam("brand"),
        PortalSession.token_hash == bindparam("token_hash"),
        PortalSession.ended_at.is_(None),
    )
)


def load_customer(db: Session, account_id: str, brand, token: str | None) -> CustomerUser | None:
    """The account with this id, only in its brand and only with a live session; one
    query, which also reads the simulated clock's row (when it exists)."""
    if brand is None or not account_id.isdigit() or not token:
        return None
    key = token_hash(token)
    values = {"account_id": int(account_id), "brand": brand, "token_hash": key}
    row = db.execute(_LIVE_ACCOUNT, values).one_or_none()
    return CustomerUser(row[0], key, row[1], row[2], row[3]) if row else None


def init_app(app: Flask, get_session) -> None:
    watching.init_app(app, get_session)
    manager = LoginManager()
    manager.init_app(app)
    manager.session_protection = None

    @manager.user_loader
    def _load(user_id: str):
        return load_customer(get_session(), user_id, g.get("brand"), session.get("sid"))

    @manager.unauthorized_handler
    def _unauthorized():
        """To the landing page, which keeps the page asked for as the `next` target
        (portal.views.space.remember_next); every way in then lands there."""
        here = request.full_path if request.query_string else request.path
        return redirect(url_for("customer.index", next=here))
