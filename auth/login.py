"""Flask-Login wiring: an account is loaded only inside its own brand space (BR-1) and
only while its server-side session is live (logout ends it on the server)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask import Flask, g, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from auth import watching
from models import Account, Person, PortalSession
from models.sim import ClockState, remember_clock


class CustomerUser(UserMixin):
    """The logged-in customer, as every page needs it: the account's id and brand, the
    person's id, first name and segment (plain values, read in one Core query on every
    page, issue 12). The ORM account (and its person) is loaded only by the pages that
    need it, on first use: the profile's changes, a PDF's addressee."""

    def __init__(
        self,
        db: Session,
        values: dict,
        token_hash: str | None = None,
        last_path: str | None = None,
        watched_until: datetime | None = None,
        account: Account | None = None,
    ) -> None:
        self._db = db
        self._account = account
        self.account_id: int = values["account_id"]
        self.brand = values["brand"]
        self.person_id: int = values["person_id"]
        self.first_name: str = values["first_name"]
        self.segment = values["segment"]
        # DC-3: when the account agreed to digital documents (RG-3), for the documents page.
        self.digital_consent_at: datetime | None = values["digital_consent_at"]
        # Issue 19 (auth.watching): the session row's key, the page it last saw and the
        # end of a trainer's watch, read with the account in the same query.
        self.token_hash = token_hash
        self.last_path = last_path
        self.watched_until = watched_until

    @classmethod
    def of_account(cls, db: Session, account: Account) -> CustomerUser:
        """The user of an account just logged in (its ORM object is at hand)."""
        person = db.get(Person, account.person_id)
        values = {
            "account_id": account.id,
            "brand": account.brand,
            "person_id": account.person_id,
            "first_name": person.first_name if person else "",
            "segment": person.segment if person else None,
            "digital_consent_at": account.digital_consent_at,
        }
        return cls(db, values, account=account)

    @property
    def account(self) -> Account:
        """The ORM account, loaded on first use (one statement)."""
        if self._account is None:
            self._account = self._db.get(Account, self.account_id)
        return self._account

    @property
    def person(self) -> Person:
        """The back-office person behind the account (ORM, loaded on first use)."""
        return self._db.get(Person, self.person_id)

    def get_id(self) -> str:
        return str(self.account_id)


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


#: Built once (it runs on every page of a logged-in customer), with bound parameters,
#: as Core: plain columns cost a fraction of ORM entities (issue 12). The clock's row
#: rides along and is kept for the request's `clock_now(db)` (models.sim.remember_clock).
_LIVE_ACCOUNT = (
    select(
        Account.id.label("account_id"),
        Account.brand,
        Person.id.label("person_id"),
        Person.first_name,
        Person.segment,
        Account.digital_consent_at,
        PortalSession.last_path,
        PortalSession.watched_until,
        ClockState.offset_seconds,
        ClockState.frozen_at,
    )
    .join(Person, Person.id == Account.person_id)
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
    # Through the session's connection (its transaction, its world): a Core statement run
    # by `Session.execute` pays the ORM's execution layer, 3 to 4 times the cost (issue 12).
    row = db.connection().execute(_LIVE_ACCOUNT, values).mappings().one_or_none()
    if row is None:
        return None
    remember_clock(db, row["offset_seconds"], row["frozen_at"])
    return CustomerUser(db, row, key, row["last_path"], row["watched_until"])


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
