"""Personal data: registration with a postal activation code, and login with email,
password and an SMS code (RG-1, RG-2, RG-6, RG-7). Views parse, call the flow and answer;
the request's unit of work commits (portal.transaction), and a refusal keeps what it
counted with record_refusal()."""

from __future__ import annotations

from collections.abc import Callable

from flask import g, redirect, render_template, request, session, url_for

from auth import activation, password_login, registration
from auth.errors import AttemptUnknown, AuthRefusal
from auth.validation import mask_mobile
from models.calendar import letter_delivery
from models.portal import Account
from portal.db import get_session
from portal.forms import (
    REFUSED,
    ActivationForm,
    EmptyForm,
    LetterRequestForm,
    LoginForm,
    SmsCodeForm,
    shown_status,
)
from portal.transaction import record_refusal
from portal.views.auth_common import log_in, now, page_language, refusal_context, settings
from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("password", __name__)


def _refused(template: str, exc: AuthRefusal, **context):
    """Keep what the refusal counted (a wrong code, a limit), then show the form again."""
    record_refusal()
    return render_template(template, **refusal_context(exc), **context), REFUSED


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Step 1 (RG-1, RG-5): contract number and date of birth; a letter on success."""
    form = LetterRequestForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            letter = activation.request_letter(
                db,
                g.brand,
                form.contract_number.data,
                form.birth_date.data,
                now(),
                settings(),
                address=request.remote_addr or "",
            )
        except AuthRefusal as exc:
            return _refused("password/register.html", exc, form=form)
        return render_template("password/letter_sent.html", letter=letter)
    return render_template("password/register.html", form=form), shown_status()


@bp.route("/register/new-code", methods=["GET", "POST"])
def new_code():
    """RG-6: a new code replaces the previous one; the answer never says whether the
    data matched."""
    form = LetterRequestForm()
    if form.validate_on_submit():
        db = get_session()
        activation.request_replacement(
            db,
            g.brand,
            form.contract_number.data,
            form.birth_date.data,
            now(),
            settings(),
            address=request.remote_addr or "",
        )
        expected = letter_delivery(now(), settings().letter_business_days)
        return render_template("password/new_code_sent.html", expected=expected)
    return render_template("password/new_code.html", form=form), shown_status()


@bp.route("/register/activate", methods=["GET", "POST"])
def activate():
    """Step 2 (RG-1, RG-7): code from the letter, email, password and mobile number."""
    form = ActivationForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            started = registration.start_activation(
                db,
                g.brand,
                contract_number=form.contract_number.data,
                code=form.code.data,
                email=form.email.data,
                password=form.password.data,
                mobile=form.mobile.data,
                language=page_language(),
                now=now(),
                rules=settings(),
            )
        except AuthRefusal as exc:
            return _refused("password/activate.html", exc, form=form)
        session["sms_attempt"] = {"token": started.challenge.attempt_token, "purpose": "mobile"}
        return redirect(url_for("password.confirm_mobile"))
    return render_template("password/activate.html", form=form), shown_status()


def _attempt(purpose: str) -> str | None:
    attempt = session.get("sms_attempt") or {}
    return attempt.get("token") if attempt.get("purpose") == purpose else None


def _sms_page(purpose: str, form, **context):
    db = get_session()
    try:
        if purpose == "mobile":
            challenge, _pending = registration.pending_challenge(db, g.brand, _attempt(purpose))
        else:
            challenge, _account = password_login.login_challenge(db, g.brand, _attempt(purpose))
        context["sent_to"] = mask_mobile(challenge.mobile)
    except AuthRefusal:
        context["sent_to"] = None
    return render_template(
        "password/sms.html", form=form, purpose=purpose, resend_form=EmptyForm(), **context
    )


@bp.route("/register/confirm", methods=["GET", "POST"])
def confirm_mobile():
    """Step 3 (RG-2): the SMS code confirms the mobile number; the account is created."""
    return _sms_step("mobile", registration.confirm_mobile)


@bp.route("/login/password", methods=["GET", "POST"])
def login():
    """RG-2: email and password first; the SMS code comes next."""
    form = LoginForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            challenge = password_login.start_login(
                db, g.brand, form.email.data, form.password.data, now(), settings()
            )
        except AuthRefusal as exc:
            return _refused("password/login.html", exc, form=form)
        session["sms_attempt"] = {"token": challenge.attempt_token, "purpose": "login"}
        return redirect(url_for("password.login_sms"))
    return render_template("password/login.html", form=form), shown_status()


@bp.route("/login/sms", methods=["GET", "POST"])
def login_sms():
    """RG-2: the SMS code of this login attempt."""
    return _sms_step("login", password_login.finish_login)


def _sms_step(purpose: str, finish: Callable[..., Account]):
    """An SMS code page (RG-2): `finish(db, brand, attempt, code, now, settings)` checks the
    code of the `purpose` attempt and gives the account, which is then logged in; a wrong
    code counts its attempt."""
    form = SmsCodeForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            account = finish(db, g.brand, _attempt(purpose), form.code.data, now(), settings())
        except AuthRefusal as exc:
            record_refusal()  # RG-2: a wrong code counts its attempt
            return _sms_page(purpose, form, **refusal_context(exc)), REFUSED
        return log_in(account, "password")
    if _attempt(purpose) is None:
        return _sms_page(purpose, form, **refusal_context(AttemptUnknown())), shown_status()
    return _sms_page(purpose, form), shown_status()


@bp.post("/sms/resend/<any(login,mobile):purpose>")
def resend(purpose: str):
    """A new code for the same attempt, after a cooldown and within a limit."""
    form = EmptyForm()
    if not form.validate_on_submit():
        return _sms_page(purpose, SmsCodeForm(), **refusal_context(AttemptUnknown())), 400
    db = get_session()
    flow = (
        registration.resend_mobile_code if purpose == "mobile" else password_login.resend_login_code
    )
    try:
        flow(db, g.brand, _attempt(purpose), now(), settings())
    except AuthRefusal as exc:
        record_refusal()  # the resend limit counts
        return _sms_page(purpose, SmsCodeForm(), **refusal_context(exc)), REFUSED
    return _sms_page(purpose, SmsCodeForm(), resent=True)
