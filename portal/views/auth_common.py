"""Logging a customer in and out, finishing an itsme or eID registration, refusal pages
and problem reports (RG-1, RG-3, RG-5, RG-6, RG-7, BR-1)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user

from auth import accounts
from auth.errors import AuthRefusal, ElsewhereRefusal
from auth.login import CustomerUser, end_session, open_session
from auth.settings import AuthSettings
from models import Account
from models.brands import PROFILES, BrandProfile
from models.enums import Language
from portal.db import get_session
from portal.forms import ReportForm
from portal.limit_refusals import LIMIT_REFUSALS, limit_fill
from portal.refusals import REFUSALS
from portal.views import refused_identity
from portal.views.context import sim_now
from portal.views.space import NEXT_KEY, safe_next

PENDING_IDENTITY_MINUTES = 15


def settings() -> AuthSettings:
    return current_app.extensions["auth_settings"]


def now() -> datetime:
    return sim_now()


def portal_elsewhere(exc: AuthRefusal) -> BrandProfile | None:
    """BR-1: the profile of the brand whose portal a refusal sends the customer to."""
    return PROFILES[exc.brand] if isinstance(exc, ElsewhereRefusal) else None


def other_portals() -> str:
    """The portals of the group's other brands, for a refusal known by its code only."""
    return " / ".join(p.portal_name for p in PROFILES.values() if p.brand != g.brand)


def refusal_text(
    code: str, extra: dict[str, str] | None = None, elsewhere: BrandProfile | None = None
) -> tuple[str, str]:
    """The title and message of a refusal, in the page language, filled in (`extra`:
    the end of a limit on abuse and the contact centre, see portal.limit_refusals;
    `elsewhere`: the portal a BR-1 refusal points to)."""
    title, text = REFUSALS.get(code) or (extra and LIMIT_REFUSALS.get(code)) or REFUSALS["refused"]
    fill = {
        "portal": g.profile.portal_name,
        "company": g.profile.company,
        "other_portal": elsewhere.portal_name if elsewhere else other_portals(),
        "intermediary": g.profile.intermediary.get(g.lang),
        "min_length": settings().password_min_length,
        "sms_minutes": settings().sms_code_minutes,
        **(extra or {}),
    }
    return str(title) % fill, str(text) % fill


def refusal_context(exc: AuthRefusal) -> dict:
    """What a page needs to show a refusal, the brand's support details and, where it
    helps, the form to report the problem to support with a screenshot (RG-5)."""
    elsewhere = portal_elsewhere(exc)
    title, text = refusal_text(exc.code, limit_fill(exc, g.profile, g.lang), elsewhere)
    return {
        "refusal_code": exc.code,
        "refusal_title": title,
        "refusal_text": text,
        "report_form": ReportForm(error_code=exc.code) if exc.reportable else None,
        "other_profile": elsewhere,
    }


def render_refusal(exc: AuthRefusal, template: str = "auth/refusal.html", **context):
    """A page that is only the refusal (RG-5)."""
    return render_template(template, **refusal_context(exc), **context)


def log_in(account: Account, method: str):
    """Start a fresh session for this account in this brand space (RG-1).

    The old session's content is dropped first, so a session cookie from before the
    login never carries the logged-in state.
    """
    target = safe_next(session.get(NEXT_KEY))  # the deep link that asked for a login
    db = get_session()
    moment = now()
    end_session(db, session.get("sid"), moment)
    token = open_session(db, account, method, moment)
    session.clear()
    login_user(CustomerUser.of_account(db, account), fresh=True)
    session["sid"] = token
    session["auth_at"] = moment.isoformat()
    session["seen_at"] = moment.isoformat()
    session["method"] = method
    # the target is a path of the application: under a world's prefix it stays there
    return redirect(request.script_root + target if target else url_for("customer.index"))


def log_out() -> None:
    """End the session on the server too, then forget it in the browser."""
    db = get_session()
    end_session(db, session.get("sid"), now())
    logout_user()
    session.clear()


def identity_verified(provider: str, national_number: str):
    """Called once itsme or the eID reader has proven who the visitor is.

    An identity already linked goes straight in; a customer who already has an account
    in this brand gets the identity linked to it; anyone else chooses the account's
    email and accepts digital documents first (RG-3). Refusals follow RG-5 and BR-1.
    """
    db = get_session()
    secret = current_app.config["SECRET_KEY"]
    subject = accounts.subject_for(secret, g.brand, provider, national_number)
    account = accounts.linked_account(db, g.brand, provider, subject)
    if account is not None:
        return log_in(account, provider)
    try:
        person = accounts.resolve_person(db, g.brand, national_number)
    except AuthRefusal as exc:
        if exc.reportable:  # RG-5: a report of this refusal names the proven person
            refused_identity.remember(exc.code, national_number, now())
        return render_refusal(exc)
    existing = accounts.account_of(db, g.brand, person.id)
    if existing is not None:
        accounts.link_identity(db, existing, provider, subject, now())
        return log_in(existing, provider)
    session["pending_identity"] = {
        "provider": provider,
        "subject": subject,
        "person_id": person.id,
        "until": (now() + timedelta(minutes=PENDING_IDENTITY_MINUTES)).isoformat(),
    }
    return redirect(url_for("auth.complete_identity"))


def pending_identity() -> dict | None:
    pending = session.get("pending_identity")
    if not pending or datetime.fromisoformat(pending["until"]) < now():
        return None
    return pending


def page_language() -> Language:
    return Language(g.lang)
