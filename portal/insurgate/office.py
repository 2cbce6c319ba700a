"""Products (integrations) and the office: users, invitations, roles, groups and
members (IG-2..IG-5)."""

from __future__ import annotations

from flask import g, redirect, render_template, url_for
from wtforms.fields.choices import SelectChoice

from models.enums import Language
from models.sim import clock_now
from portal.backoffice.errors import DomainError
from portal.backoffice.insurgate import accounts, directory
from portal.backoffice.insurgate import office as service
from portal.db import get_session
from portal.forms import EmptyForm, shown_status
from portal.insurgate import admin_required, bp, member_required
from portal.insurgate.access import link_base
from portal.insurgate.forms import GroupForm, IntegrationForm, InviteForm
from portal.insurgate.messages import put_error


@bp.route("/products", methods=["GET", "POST"])
@member_required
def products():
    """IG-2: ask for the TPE tool with a producer number; see each request's status."""
    db = get_session()
    form = IntegrationForm()
    if form.validate_on_submit():
        try:
            service.request_integration(
                db, g.ig_user, form.producer.data, (form.group.data or "").strip(), clock_now(db)
            )
        except DomainError as exc:
            field = "group" if exc.code.startswith("group") else "producer"
            put_error(form, field, exc.code)
        else:
            return redirect(url_for("insurgate.products"))
    integrations = directory.integrations(db, g.ig_user.office_id)
    return render_template(
        "insurgate/products.html", form=form, integrations=integrations
    ), shown_status()


@bp.get("/account")
@member_required
def account():
    """IG-4, IG-5: the office's users (name, role, groups, products, invitation date,
    status) and groups."""
    db = get_session()
    office = directory.office_view(db, g.ig_user.office_id)
    return render_template("insurgate/account.html", office=office, form=EmptyForm())


def _invite_form(db) -> InviteForm:
    form = InviteForm()
    groups = service.groups_of_office(db, g.ig_user.office_id)
    form.groups.choices = [SelectChoice(grp.id, grp.name) for grp in groups]
    return form


@bp.route("/account/invite", methods=["GET", "POST"])
@admin_required
def invite():
    """IG-4: an administrator invites a collaborator, who is emailed a link."""
    db = get_session()
    form = _invite_form(db)
    if form.validate_on_submit():
        personal = accounts.Personal(
            form.first_name.data.strip(),
            form.last_name.data.strip(),
            form.email.data,
            Language(form.language.data),
        )
        invitation = service.Invitation(personal, form.is_admin.data, list(form.groups.data))
        try:
            service.invite(db, g.ig_user, invitation, link_base("insurgate.link"), clock_now(db))
        except DomainError as exc:
            put_error(form, "email", exc.code)
        else:
            return redirect(url_for("insurgate.account"))
    return render_template("insurgate/invite.html", form=form), shown_status()


@bp.route("/account/groups/new", methods=["GET", "POST"])
@admin_required
def new_group():
    """IG-5: only the name is required."""
    db = get_session()
    form = GroupForm()
    if form.validate_on_submit():
        details = {name: form[name].data for name in service.GROUP_DETAILS}
        try:
            service.create_group(db, g.ig_user, form.name.data, details)
        except DomainError as exc:
            put_error(form, exc.details.get("field", "name"), exc.code)
        else:
            return redirect(url_for("insurgate.account"))
    return render_template("insurgate/group_new.html", form=form), shown_status()


@bp.get("/account/users/<int:user_id>")
@admin_required
def user(user_id: int):
    db = get_session()
    person = directory.user_view(db, g.ig_user.office_id, user_id)
    groups = service.groups_of_office(db, g.ig_user.office_id)
    return render_template("insurgate/user.html", person=person, groups=groups, form=EmptyForm())


@bp.post("/account/users/<int:user_id>/<any(admin,member):role>")
@admin_required
def set_role(user_id: int, role: str):
    """IG-3: set or remove the administrator role."""
    db = get_session()
    if EmptyForm().validate_on_submit():
        service.set_admin(db, g.ig_user, user_id, role == "admin")
    return redirect(url_for("insurgate.user", user_id=user_id))


@bp.post("/account/users/<int:user_id>/groups/<int:group_id>/<any(add,remove):action>")
@admin_required
def membership(user_id: int, group_id: int, action: str):
    """IG-5: add a user to a group or remove him from it."""
    db = get_session()
    if EmptyForm().validate_on_submit():
        change = service.add_member if action == "add" else service.remove_member
        change(db, g.ig_user, user_id, group_id)
    return redirect(url_for("insurgate.user", user_id=user_id))
