"""The "Demandes" list, the TPE tool, one quote, and the profile (IG-5, IG-6, IG-7)."""

from __future__ import annotations

from flask import g, redirect, render_template, request, url_for

from models.enums import Language
from models.sim import clock_now
from portal.backoffice.errors import DomainError
from portal.backoffice.insurgate import accounts
from portal.backoffice.insurgate import quotes as service
from portal.db import get_session
from portal.forms import shown_status
from portal.insurgate import bp, log_in, member_required
from portal.insurgate.access import hash_method
from portal.insurgate.forms import ACTIVITIES, COVERS, ChangePasswordForm, ProfileForm, QuoteForm
from portal.insurgate.messages import put_error

QUERY_LENGTH = 100


def _group_arg() -> int | None:
    raw = request.args.get("group", "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


@bp.get("/requests")
@member_required
def quotes():
    """IG-5, IG-6: the quotes of the group chosen in the switcher, searchable."""
    db = get_session()
    space = service.space_of(db, g.ig_user, _group_arg())
    query = request.args.get("q", "")[:QUERY_LENGTH]
    rows = service.list_quotes(db, space.current, query)
    return render_template("insurgate/quotes.html", space=space, rows=rows, query=query)


@bp.route("/requests/new", methods=["GET", "POST"])
@member_required
def new_quote():
    """IG-6: the TPE tool; IG-2: only once an integration is accepted."""
    db = get_session()
    space = service.space_of(db, g.ig_user, _group_arg())
    form = QuoteForm()
    if space.may_quote and form.validate_on_submit():
        data = service.QuoteForm(
            form.company_name.data.strip(), form.activity.data, form.postcode.data.strip(),
            list(form.covers.data or []), form.claims_count.data, form.workers.data,
            form.payroll_euros.data, form.extra_legal.data, form.round_the_clock.data,
        )  # fmt: skip
        quote = service.create_quote(db, g.ig_user, space, data, clock_now(db))
        return redirect(url_for("insurgate.quote", reference=quote.reference))
    status = shown_status() if space.may_quote else 409
    return render_template("insurgate/quote_new.html", form=form, space=space), status


@bp.get("/requests/<reference>")
@member_required
def quote(reference: str):
    """IG-5: a quote of a group the user is not in answers 404."""
    found = service.visible_quote(get_session(), g.ig_user, reference[:40])
    return render_template(
        "insurgate/quote.html",
        quote=found,
        activities={c.value: c.label for c in ACTIVITIES},
        covers={c.value: c.label for c in COVERS},
    )


@bp.route("/profile", methods=["GET", "POST"])
@member_required
def profile():
    """IG-7: first name, last name, email, language; the password with the old one."""
    db, user = get_session(), g.ig_user
    form = ProfileForm(prefix="p", obj=user if request.method == "GET" else None)
    if request.method == "GET":
        form.language.data = user.language.value
    password = ChangePasswordForm(prefix="w")
    if "p-submit" in request.form and form.validate_on_submit():
        personal = accounts.Personal(
            form.first_name.data.strip(), form.last_name.data.strip(), form.email.data,
            Language(form.language.data),
        )  # fmt: skip
        try:
            accounts.update_profile(db, user, personal)
        except DomainError as exc:
            put_error(form, "email", exc.code)
        else:
            return redirect(url_for("insurgate.profile", lang=user.language.value))
    if "w-submit" in request.form and password.validate_on_submit():
        new_hash = accounts.hash_password(password.password.data, hash_method())
        try:
            accounts.change_password(db, user, password.old.data, new_hash)
        except DomainError as exc:
            put_error(password, "old", exc.code)
        else:
            log_in(user)
            return redirect(url_for("insurgate.profile", done="password"))
    return render_template("insurgate/profile.html", form=form, password=password), shown_status()
