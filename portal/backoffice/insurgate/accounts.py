"""Insurgate accounts: creation in two steps, login, links by email, profile (IG-1,
IG-4, IG-7)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from auth import limits, throttle
from auth.settings import AuthSettings
from models.enums import Language
from models.insurgate import IgGroup, IgOffice, IgToken, IgUser, TokenPurpose
from portal.backoffice.errors import Conflict, Invalid, NotFound
from portal.backoffice.insurgate import mail
from portal.rules import insurgate as rules

LIMIT_SPACE = "insurgate"  # the counters' subjects: "insurgate:<email>", apart from the brands'


@cache
def _dummy() -> str:
    """Checked for an unknown email, so that the time taken does not tell it apart."""
    return generate_password_hash("not anybody's password")


@dataclass(frozen=True)
class Personal:
    first_name: str
    last_name: str
    email: str
    language: Language


@dataclass(frozen=True)
class Company:
    trade_name: str
    enterprise_number: str
    street: str
    number: str
    postcode: str
    city: str
    website: str
    phone: str


def email_taken(db: Session, email: str) -> bool:
    """IG-1, IG-4: is this email used anywhere on the platform (one query)?"""
    wanted = rules.normal_email(email)
    found = db.scalars(
        select(func.lower(IgUser.email)).where(func.lower(IgUser.email) == wanted)
    ).all()
    return rules.email_problem(wanted, set(found)) is not None


def check_email_free(db: Session, email: str) -> None:
    if email_taken(db, email):
        raise Conflict("email_taken", "This email already has an Insurgate access.", field="email")


def create_account(
    db: Session, personal: Personal, company: Company, password_hash: str, now: datetime
) -> IgUser:
    """IG-1: the office, its sub-account "Default" and its first user, active at once
    (he chose his password). He becomes administrator with his first integration
    request (IG-3)."""
    problem = rules.enterprise_number_problem(company.enterprise_number)
    if problem:
        raise Invalid(f"enterprise_{problem}", "Enterprise number refused.", field="enterprise")
    check_email_free(db, personal.email)
    office = IgOffice(**company.__dict__, created_at=now)
    db.add(office)
    db.flush()
    db.add(IgGroup(office_id=office.id, name=rules.DEFAULT_GROUP, is_default=True))
    user = IgUser(
        office_id=office.id,
        first_name=personal.first_name,
        last_name=personal.last_name,
        email=rules.normal_email(personal.email),
        language=personal.language,
        password_hash=password_hash,
        is_admin=False,
        invited_at=now,
        activated_at=now,
        session_epoch=0,
    )
    db.add(user)
    db.flush()
    return user


def authenticate(
    db: Session, email: str, password: str, now: datetime, settings: AuthSettings
) -> IgUser | None:
    """IG-1: the active user with this email and password, else None.

    The customer portals' limits on abuse (auth.limits, RG-2) apply: wrong passwords are
    counted per typed email, known or not; from the limit on, the subject is locked and
    even the right password is refused with `LimitReached` until the lock ends (the
    simulated clock) or the console lifts it."""
    typed = rules.normal_email(email[:254])
    subject = f"{LIMIT_SPACE}:{typed}"
    until = throttle.locked_until(db, "login", subject, now)
    if until is not None:
        raise limits.login_refusal(until, now, settings)
    user = db.scalars(select(IgUser).where(IgUser.email == typed)).first()
    stored = user.password_hash if user and user.password_hash else _dummy()
    if check_password_hash(stored, password[:128]) and user and user.password_hash:
        throttle.forget(db, "login", subject)
        return user
    until = throttle.fail(
        db, "login", subject, limits.quota("login", settings), now,
        lambda failures, _start: limits.login_lock_until(failures, now, settings),
    )  # fmt: skip
    if until is not None:
        raise limits.login_refusal(until, now, settings)
    return None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(db: Session, user: IgUser, purpose: TokenPurpose, now: datetime) -> str:
    """A single-use token for an email link; only its hash is kept."""
    token = secrets.token_urlsafe(24)
    expires = rules.link_expires(purpose.value, now)
    db.add(
        IgToken(
            token_hash=_hash(token),
            user_id=user.id,
            purpose=purpose,
            created_at=now,
            expires_at=expires,
            used_at=None,
        )
    )
    return token


def request_reset(db: Session, email: str, link_base: str, now: datetime) -> None:
    """IG-1: "forgot password" emails a 2-hour single-use link to an active user; an
    unknown email gets nothing, and the caller says the same either way."""
    user = db.scalars(select(IgUser).where(IgUser.email == rules.normal_email(email))).first()
    if user is None or not user.password_hash:
        return
    token = new_link(db, user, TokenPurpose.RESET, now)
    mail.send(db, "insurgate_reset_email", user, {"link": f"{link_base}{token}"}, now)
    db.flush()


def link_user(db: Session, token: str, now: datetime) -> tuple[IgToken, IgUser]:
    """The link and its user while it is usable; NotFound otherwise (IG-1, IG-4)."""
    link = db.get(IgToken, _hash(token)) if token else None
    if link is None or not rules.link_usable(link.expires_at, link.used_at, now):
        raise NotFound("link_unusable", "This link was used already, has expired or is unknown.")
    return link, db.get(IgUser, link.user_id)


def use_link(db: Session, token: str, password_hash: str, now: datetime) -> IgUser:
    """IG-1, IG-4: set the password with a link, once; the user is active from now and
    every other session of his ends."""
    link, user = link_user(db, token, now)
    link.used_at = now
    user.password_hash = password_hash
    user.activated_at = user.activated_at or now
    user.session_epoch += 1
    db.flush()
    return user


def change_password(db: Session, user: IgUser, old: str, new_hash: str) -> None:
    """IG-7: the old password must be given; other sessions end."""
    if not user.password_hash or not check_password_hash(user.password_hash, old):
        raise Invalid("old_password_wrong", "The old password is wrong.", field="old")
    user.password_hash = new_hash
    user.session_epoch += 1
    db.flush()


def update_profile(db: Session, user: IgUser, personal: Personal) -> None:
    """IG-7: first name, last name, email (still unique on the platform), language."""
    email = rules.normal_email(personal.email)
    if email != user.email:
        check_email_free(db, email)
    user.first_name, user.last_name = personal.first_name, personal.last_name
    user.email, user.language = email, personal.language
    db.flush()


def hash_password(password: str, method: str) -> str:
    return generate_password_hash(password, method=method)


def user_by_id(db: Session, user_id: int) -> IgUser:
    user = db.get(IgUser, user_id)
    if user is None:
        raise NotFound("user_not_found", "No such Insurgate user.")
    return user
