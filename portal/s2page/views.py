"""Thin views of the personal S² page: sign in with the welcome SMS's login, the page
with its charts, the customer's own "I have installed it" (S2-1, S2-5, S2-6). Wrong
passwords are limited like the customer portals' (auth.throttle)."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, g, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from werkzeug.security import check_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, Length

from auth import limits, throttle
from auth.watching import signed_out
from models.sim import clock_now
from models.telematics import S2Box
from portal.backoffice import s2pack
from portal.backoffice.errors import Conflict
from portal.db import get_session
from portal.forms import PortalForm
from portal.s2page import BOX_KEY, box_required, bp, log_in, log_out
from portal.s2page.page import page_data
from portal.transaction import record_refusal

# Checked against a hash of nobody's password when the login is unknown, so the time
# taken does not tell whether a login exists.
NOBODY = "pbkdf2:sha256:1000$nobody$" + "0" * 64


class LoginForm(PortalForm):
    login = StringField(_l("Login"), validators=[InputRequired(), Length(max=40)])
    password = PasswordField(_l("Password"), validators=[InputRequired(), Length(max=128)])


class EmptyForm(PortalForm):
    pass


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if not form.validate_on_submit():
        return _login_page(form, 422 if form.errors else 200)
    return _sign_in(form)


def _login_page(form: LoginForm, status: int, until: datetime | None = None):
    shown = until.strftime("%d/%m/%Y %H:%M") if until else None
    return render_template("s2pack/login.html", form=form, until=shown), status


def _sign_in(form: LoginForm):
    """S2-6: the login and password of the welcome SMS, within the customer portals'
    limit on wrong passwords (RG-2 mechanism, auth.throttle; SECURITY.md G12): counted
    per typed login, known or not; a pause or a lock refuses even the right password."""
    db, rules = get_session(), current_app.extensions["auth_settings"]
    now, name = clock_now(db), form.login.data.strip().lower()
    subject = f"s2:{name}"
    until = throttle.locked_until(db, "login", subject, now)
    if until is None:
        box = db.scalar(select(S2Box).where(S2Box.login == name))
        if check_password_hash(box.password_hash if box else NOBODY, form.password.data) and box:
            throttle.forget(db, "login", subject)
            log_in(box)
            return redirect(url_for("s2page.index"))
        until = throttle.fail(
            db, "login", subject, limits.quota("login", rules), now,
            lambda failures, _start: limits.login_lock_until(failures, now, rules),
        )  # fmt: skip
        record_refusal()
        if until is None:
            form.password.errors.append(_("This login and password do not match a VIVIUM S² Pack."))
            return _login_page(form, 422)
    return _login_page(form, 429, until)


@bp.post("/logout")
def logout():
    if EmptyForm().validate_on_submit():
        signed_out(get_session(), session.get(BOX_KEY))
        log_out()
    return redirect(url_for("s2page.login"))


@bp.get("/")
@box_required
def index():
    db = get_session()
    now = clock_now(db)
    s2pack.play_due(db, now)
    data = page_data(db, g.s2_box, now)
    return render_template("s2pack/page.html", page=data, form=EmptyForm())


@bp.post("/installed")
@box_required
def installed():
    """S2-5, S2-6: the customer says he installed the box; the activation SMS goes."""
    form = EmptyForm()
    if not form.validate_on_submit():
        return redirect(url_for("s2page.index"))
    db = get_session()
    now = clock_now(db)
    s2pack.play_due(db, now)
    box, _contract, holder = s2pack.box_of_id(db, g.s2_box.id)
    try:
        s2pack.install(db, box, holder, now, by="customer")
    except Conflict as exc:
        data = page_data(db, box, now)
        return render_template("s2pack/page.html", page=data, form=form, refused=exc.code), 409
    return redirect(url_for("s2page.index"))
