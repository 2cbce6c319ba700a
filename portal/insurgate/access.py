"""Ways in: account creation in two steps, login, logout, forgot password, the links
by email (IG-1, IG-4), and the "Questions?" page (IG-7)."""

from __future__ import annotations

from flask import current_app, g, redirect, render_template, session, url_for
from flask_babel import gettext as _

from auth.limits import LimitReached
from auth.settings import AuthSettings
from auth.watching import signed_out
from models.enums import Language
from models.sim import clock_now
from portal.backoffice.errors import DomainError
from portal.backoffice.insurgate import accounts
from portal.db import get_session
from portal.forms import EmptyForm, shown_status
from portal.insurgate import USER_KEY, bp, log_in, log_out
from portal.insurgate.forms import CompanyForm, ForgotForm, LoginForm, PersonalForm, SetPasswordForm
from portal.insurgate.messages import limit_message, put_error
from portal.transaction import record_refusal

STEP_KEY = "ig_signup"
CONTACT_EMAIL = "clementine.cazelles@pvgroup.be"


def auth_settings() -> AuthSettings:
    return current_app.extensions["auth_settings"]


def hash_method() -> str:
    return auth_settings().password_hash


def link_base(endpoint: str) -> str:
    """The address of a link by email, without its token (the service appends it)."""
    return url_for(endpoint, token="", _external=True)


@bp.get("/")
def index():
    if g.ig_user is None:
        return redirect(url_for("insurgate.login"))
    return redirect(url_for("insurgate.quotes"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    """IG-1, with the customer portals' limits on wrong passwords (RG-2): each refusal
    keeps its count (record_refusal), a lock answers 429 with its end."""
    form = LoginForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            user = accounts.authenticate(
                db, form.email.data, form.password.data, clock_now(db), auth_settings()
            )
        except LimitReached as exc:
            record_refusal()
            form.password.errors.append(limit_message(exc, CONTACT_EMAIL))
            return render_template("insurgate/login.html", form=form), 429
        if user is not None:
            log_in(user)
            return redirect(url_for("insurgate.quotes"))
        record_refusal()
        form.password.errors.append(_("This email and password do not match an account."))
    return render_template("insurgate/login.html", form=form), shown_status()


@bp.post("/logout")
def logout():
    if EmptyForm().validate_on_submit():
        signed_out(get_session(), session.get(USER_KEY))
        log_out()
    return redirect(url_for("insurgate.login"))


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """IG-1, step 1: the person; the password is kept hashed until step 2."""
    form = PersonalForm()
    if form.validate_on_submit():
        if accounts.email_taken(get_session(), form.email.data):
            put_error(form, "email", "email_taken")
        else:
            session[STEP_KEY] = {
                "first_name": form.first_name.data.strip(),
                "last_name": form.last_name.data.strip(),
                "email": form.email.data,
                "hash": accounts.hash_password(form.password.data, hash_method()),
            }
            return redirect(url_for("insurgate.signup_company"))
    return render_template("insurgate/signup.html", form=form, step=1), shown_status()


@bp.route("/signup/company", methods=["GET", "POST"])
def signup_company():
    """IG-1, step 2: the company; then the account exists and its user is logged in."""
    personal = session.get(STEP_KEY)
    if not isinstance(personal, dict):
        return redirect(url_for("insurgate.signup"))
    form = CompanyForm()
    if form.validate_on_submit():
        db = get_session()
        who = accounts.Personal(
            personal["first_name"], personal["last_name"], personal["email"], Language(g.lang)
        )
        try:
            user = accounts.create_account(db, who, _company(form), personal["hash"], clock_now(db))
        except DomainError as exc:
            put_error(form, "enterprise", exc.code)
        else:
            log_in(user)
            return redirect(url_for("insurgate.products"))
    return render_template("insurgate/signup.html", form=form, step=2), shown_status()


def _company(form: CompanyForm) -> accounts.Company:
    return accounts.Company(
        trade_name=form.trade_name.data.strip(),
        enterprise_number=form.enterprise.data.strip(),
        street=form.street.data.strip(),
        number=form.number.data.strip(),
        postcode=form.postcode.data.strip(),
        city=form.city.data.strip(),
        website=form.website.data.strip(),
        phone=form.phone.data.strip(),
    )


@bp.route("/forgot", methods=["GET", "POST"])
def forgot():
    """IG-1: the same answer whether the email has an account or not."""
    form = ForgotForm()
    if form.validate_on_submit():
        db = get_session()
        accounts.request_reset(db, form.email.data, link_base("insurgate.link"), clock_now(db))
        return render_template("insurgate/forgot.html", form=None, sent=True)
    return render_template("insurgate/forgot.html", form=form, sent=False), shown_status()


@bp.route("/link/", defaults={"token": ""}, methods=["GET", "POST"])
@bp.route("/link/<token>", methods=["GET", "POST"])
def link(token: str):
    """IG-1, IG-4: a reset or invitation link sets the password, once, before expiry."""
    db = get_session()
    now = clock_now(db)
    try:
        _link, user = accounts.link_user(db, token[:64], now)
    except DomainError:
        return render_template("insurgate/link_unusable.html"), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        user = accounts.use_link(
            db, token, accounts.hash_password(form.password.data, hash_method()), now
        )
        log_in(user)
        return redirect(url_for("insurgate.quotes"))
    return render_template("insurgate/link.html", form=form, user=user), shown_status()


@bp.get("/questions")
def questions():
    """IG-7: the chat first, then an email to the product owner."""
    return render_template("insurgate/questions.html", contact=CONTACT_EMAIL)
