"""Routes shared by every way in: logout, finishing an identity registration, and the
report of a registration problem to support (RG-3, RG-5, RG-6)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import abort, g, redirect, render_template, request, session, url_for
from flask_login import current_user

from auth import accounts, throttle
from auth.errors import AttemptUnknown, AuthRefusal
from auth.login import touch_session
from auth.messages import send_welcome_email
from models import Person, SupportRequest
from portal.db import get_session
from portal.forms import EmptyForm, IdentityAccountForm, ReportForm
from portal.refusals import REFUSALS, UNKNOWN_ERROR_CODE
from portal.transaction import abandon, record_refusal
from portal.views import refused_identity
from portal.views.auth_common import (
    log_in,
    log_out,
    now,
    page_language,
    pending_identity,
    refusal_context,
    refusal_text,
    render_refusal,
    settings,
)
from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("auth", __name__)

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


@bp.before_app_request
def _expire_idle_sessions():
    """Log out after inactivity or after the absolute session lifetime (default 30
    minutes idle, 12 hours in all), measured on the simulated clock."""
    if "brand" not in g or "_user_id" not in session:
        return None
    # The account's query reads the clock's row too (issue 12): loading the user first
    # makes the clock read below free.
    current_user._get_current_object()
    moment = now()
    seen = datetime.fromisoformat(session.get("seen_at", "1970-01-01T00:00:00"))
    started = datetime.fromisoformat(session.get("auth_at", "1970-01-01T00:00:00"))
    rules = settings()
    if moment - seen > timedelta(
        minutes=rules.session_idle_minutes
    ) or moment - started > timedelta(hours=rules.session_max_hours):
        log_out()
        record_refusal()  # the expired session ends on the server, whatever comes next
        session["expired"] = True
        return None
    if moment - seen >= timedelta(seconds=30):  # no cookie rewrite on every request
        session["seen_at"] = moment.isoformat()
        db = get_session()
        touch_session(db, session.get("sid"), moment)  # for the console's events list
    return None


@bp.post("/logout")
def logout():
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    log_out()
    session["logged_out"] = True
    return redirect(url_for("customer.index"))


@bp.route("/register/identity", methods=["GET", "POST"])
def complete_identity():
    """RG-3: the customer chooses the account's email and accepts digital documents."""
    pending = pending_identity()
    if pending is None:
        return render_refusal(AttemptUnknown())
    db = get_session()
    person = db.get(Person, pending["person_id"])
    form = IdentityAccountForm()
    if request.method == "GET" and person is not None and person.email:
        form.email.data = person.email
    if form.validate_on_submit():
        try:
            account = accounts.create_identity_account(
                db,
                g.brand,
                pending["person_id"],
                pending["provider"],
                pending["subject"],
                form.email.data,
                page_language(),
                now(),
            )
        except AuthRefusal as exc:
            abandon()  # nothing of the refused account is kept
            if exc.code in ("invalid_email", "email_already_used"):
                # RG-7, FAQ 2.5: the refusal with the support details, as with personal data
                form.email.errors.append(refusal_text(exc.code)[0])
                return render_template(
                    "auth/identity_complete.html", form=form, person=person, **refusal_context(exc)
                )
            return render_refusal(exc)
        send_welcome_email(db, g.brand, person, form.email.data, page_language(), now())
        session.pop("pending_identity", None)
        return log_in(account, pending["provider"])
    return render_template("auth/identity_complete.html", form=form, person=person)


@bp.post("/support/report")
def report_problem():
    """RG-5: the customer's chosen email, the error shown and a screenshot reach the
    brand's support mailbox (stored as a support request)."""
    form = ReportForm()
    if not form.validate_on_submit():
        return render_template("auth/report_invalid.html", form=form), 400
    if form.error_code.data not in REFUSALS:  # only an error the portal shows is reported
        return render_template(
            "auth/report_invalid.html", form=form, report_error=UNKNOWN_ERROR_CODE
        ), 400
    title, text = refusal_text(form.error_code.data)
    upload = form.screenshot.data
    image, kind = None, None
    if upload:
        image = upload.read(2 * 1024 * 1024 + 1)
        if image.startswith(PNG):
            kind = "image/png"
        elif image.startswith(JPEG):
            kind = "image/jpeg"
        else:
            form.screenshot.errors.append(str(refusal_text("refused")[1]))
            return render_template("auth/report_invalid.html", form=form), 400
    db = get_session()
    limited = throttle.take_report(db, request.remote_addr or "", now(), settings())
    if limited is not None:  # limits on abuse: per client address and hour, per day
        return render_refusal(limited), 429
    reported = refused_identity.reported_identity(form.error_code.data, pending_identity(), now())
    person_id = current_user.person_id if current_user.is_authenticated else reported.person_id
    db.add(
        SupportRequest(
            brand=g.brand,
            kind="registration_problem",
            language=page_language(),
            email=form.email.data.strip()[:254],
            error_code=form.error_code.data,
            error_text=f"{title}. {text}",
            message=(form.message.data or "").strip() or None,
            screenshot=image,
            screenshot_type=kind,
            person_id=person_id,
            national_number=reported.national_number,
            created_at=now(),
        )
    )
    refused_identity.forget()
    return render_template("auth/report_done.html")
