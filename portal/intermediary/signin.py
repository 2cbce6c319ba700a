"""Sign-in as the company single sign-on would do it: producer number and password (the
seeded intermediaries), or, where SIM_STUBS opens the stubs, a pick from the list.

Wrong passwords are limited like the customer portals' (RG-2 mechanism, auth.limits and
auth.throttle, SECURITY.md G12): counted per tool and typed producer number (known or
not), a short lock after `login_throttle_failures`, a long one after
`login_lock_failures`; a lock refuses even the right password until the simulated clock
passes its end or the console lifts it.
"""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for

from auth import limits, throttle
from auth.settings import AuthSettings
from auth.watching import signed_out
from portal.backoffice import portfolio
from portal.backoffice.errors import Forbidden, NotFound
from portal.db import get_session
from portal.forms import EmptyForm
from portal.intermediary.forms import PickForm, SignInForm
from portal.intermediary.tool import LANGS, SIGNED_IN, now
from portal.sim.access import stubs_open
from portal.transaction import record_refusal


def parse_id(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


PREFIX = f"/<any({','.join(LANGS)}):lang>"


def safe_target(target: str) -> bool:
    """A `next` page inside this tool only: its own path, printable ASCII (no header
    injection, no backslash), no other host, no way up."""
    return (
        target.startswith(f"/{g.tool.segment}/")
        and target.isascii()
        and target.isprintable()
        and not any(bad in target for bad in ("//", "..", "\\"))
    )


def _land(me) -> object:
    session.clear()
    session[SIGNED_IN] = me.id
    target = request.args.get("next") or ""
    if safe_target(target):
        return redirect(request.script_root + target)  # inside a world too
    return redirect(url_for(".portfolio", lang=me.language.value))


def _rules() -> AuthSettings:
    return current_app.extensions["auth_settings"]


def _subject(producer_number: str | None) -> str:
    """The counter's subject: the tool and the digits the back office looks up."""
    digits = "".join(ch for ch in (producer_number or "") if ch.isdigit())[:10]
    return f"{g.tool.segment}:{digits}"


def _wrong_password(subject: str, moment: datetime) -> datetime | None:
    """Count one wrong password; the lock it starts, if any (kept although refused)."""
    rules = _rules()
    until = throttle.fail(
        get_session(),
        "login",
        subject,
        limits.quota("login", rules),
        moment,
        lambda failures, _start: limits.login_lock_until(failures, moment, rules),
    )
    record_refusal()
    return until


def _page(
    form: SignInForm, status: int = 200, error: str | None = None, until: datetime | None = None
):
    db = get_session()
    first = parse_id(request.args.get("as", ""))
    picker = portfolio.choices(db, g.tool.brand, first) if stubs_open() else []
    return render_template(
        "intermediary/signin.html",
        form=form,
        pick=PickForm(),
        picker=picker,
        error=error,
        until=until.strftime("%d/%m/%Y %H:%M") if until else None,
    ), status


def _password_sign_in(form: SignInForm):
    """Producer number and password, within the limit on wrong passwords."""
    db, moment, subject = get_session(), now(), _subject(form.producer_number.data)
    until = throttle.locked_until(db, "login", subject, moment)
    if until is None:
        try:
            me = portfolio.sign_in(db, g.tool.brand, form.producer_number.data, form.password.data)
        except Forbidden:
            until = _wrong_password(subject, moment)
            if until is None:
                return _page(form, 401, "wrong_credentials")
        else:
            throttle.forget(db, "login", subject)
            return _land(me)
    return _page(form, 429, "signin_locked", until)


def attach(bp: Blueprint) -> None:
    @bp.route(f"{PREFIX}/signin", methods=["GET", "POST"])
    def signin():
        form = SignInForm()
        if request.method == "GET":
            return _page(form)
        if not form.validate_on_submit():
            return _page(form, 422)
        return _password_sign_in(form)

    @bp.post(f"{PREFIX}/signin/pick")
    def signin_pick():
        if not stubs_open():
            return _page(SignInForm(), 403, "picker_closed")
        form = PickForm()
        if not form.validate_on_submit():
            return _page(SignInForm(), 422, "pick_one")
        try:
            me = portfolio.intermediary(get_session(), g.tool.brand, form.intermediary_id.data)
        except NotFound:
            return _page(SignInForm(), 404, "pick_one")
        return _land(me)

    @bp.post(f"{PREFIX}/signout")
    def signout():
        if EmptyForm().validate_on_submit():
            signed_out(get_session(), session.get(SIGNED_IN))
            session.clear()
        return redirect(url_for(".signin"))
