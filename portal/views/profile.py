"""My details: the customer changes address, email or mobile number (PD-1, PD-2, RG-7)."""

from __future__ import annotations

from flask import abort, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from auth.errors import AttemptUnknown, AuthRefusal
from auth.validation import mask_mobile
from portal import profile as flows
from portal.db import get_session
from portal.forms import REFUSED, AddressForm, EmailChangeForm, MobileChangeForm, SmsCodeForm
from portal.transaction import record_refusal
from portal.views.auth_common import now, refusal_context, settings
from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("profile", __name__)


def _page(**context):
    details = flows.shown_details(get_session(), g.brand, current_user.person_id)
    if details is None:  # the account is gone (the console removed it meanwhile)
        abort(404)
    address = AddressForm(prefix="address")
    if request.method == "GET" or "address" not in context.get("failed", ""):
        address.street.data, address.house_number.data = details.street, details.house_number
        address.postcode.data, address.city.data = details.postcode, details.city
    pending = session.get("mobile_change")
    return render_template(
        "customer/profile.html",
        details=details,
        address_form=context.pop("address_form", address),
        email_form=context.pop("email_form", EmailChangeForm(prefix="email")),
        mobile_form=context.pop("mobile_form", MobileChangeForm(prefix="mobile")),
        code_form=SmsCodeForm(prefix="code") if pending else None,  # shown only then
        pending_mobile=mask_mobile(pending["mobile"]) if pending else None,
        **context,
    )


@bp.get("/profile")
@login_required
def show():
    return _page(saved=request.args.get("saved"))


def _run(kind: str, form, action):
    db = get_session()
    if not form.validate_on_submit():
        return _page(**{f"{kind}_form": form, "failed": kind}), 400
    try:
        result = action(db)
    except AuthRefusal as exc:
        db.rollback()  # now: the page below must show the values as they were
        return _page(**{f"{kind}_form": form, "failed": kind}, **refusal_context(exc)), REFUSED
    return result or redirect(url_for("profile.show", saved=kind))


@bp.post("/profile/address")
@login_required
def address():
    form = AddressForm(prefix="address")

    def record(db):
        flows.change_address(
            db,
            current_user.account,
            form.street.data,
            form.house_number.data,
            form.postcode.data,
            form.city.data,
            now(),
        )

    return _run("address", form, record)


@bp.post("/profile/email")
@login_required
def email():
    form = EmailChangeForm(prefix="email")
    return _run(
        "email",
        form,
        lambda db: flows.change_email(db, current_user.account, form.email.data, now()),
    )


@bp.post("/profile/mobile")
@login_required
def mobile():
    form = MobileChangeForm(prefix="mobile")

    def start(db):
        challenge = flows.start_mobile_change(
            db, current_user.account, form.mobile.data, now(), settings()
        )
        session["mobile_change"] = {"token": challenge.attempt_token, "mobile": challenge.mobile}
        return redirect(url_for("profile.show"))

    return _run("mobile", form, start)


@bp.post("/profile/mobile/confirm")
@login_required
def confirm_mobile():
    form = SmsCodeForm(prefix="code")
    pending = session.get("mobile_change")
    db = get_session()
    if not form.validate_on_submit() or not pending:
        return _page(**refusal_context(AttemptUnknown())), 400
    try:
        flows.confirm_mobile_change(
            db, current_user.account, pending["token"], form.code.data, now(), settings()
        )
    except AuthRefusal as exc:
        record_refusal()  # RG-2: a wrong code counts its attempt
        return _page(**refusal_context(exc)), REFUSED
    session.pop("mobile_change", None)
    return redirect(url_for("profile.show", saved="mobile"))
