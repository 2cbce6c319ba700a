"""The control API of Insurgate (IG-1..IG-6): build an office step by step, decide
integration requests as the company, list what each user sees. JSON under
/sim/api/insurgate/...; a refused value answers 422 with the field it names.

The console page /sim/insurgate shows the requests waiting for the company's decision
with their accept and refuse buttons, and the links into the Insurgate space."""

from __future__ import annotations

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for

from models.insurgate import IgUser, IntegrationStatus
from models.sim import clock_now
from portal.backoffice.errors import DomainError, Malformed
from portal.backoffice.insurgate import accounts, directory, office, quotes
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim import insurgate_input as read
from portal.sim.blueprints import api, console, json_body
from portal.sim.console_i18n import console_gettext as _
from portal.sim.insurgate_export import office_json, offices_json, quote_json
from portal.sim.refused import refused

STATUSES = {s.value for s in IntegrationStatus}


def _body() -> dict:
    try:
        return json_body()
    except ValueError as exc:
        raise Malformed("invalid_body", str(exc)) from None


def _link_base(lang: str = "fr") -> str:
    return url_for("insurgate.link", lang=lang, token="", _external=True)


@api.get("/insurgate/offices")
def insurgate_offices():
    return jsonify(offices=offices_json(get_session()))


@api.post("/insurgate/offices")
def insurgate_create_office():
    """IG-1: both steps at once; the first user is active and logged-in-able."""
    db, body = get_session(), _body()
    who, company, password = read.personal(body), read.company(body), read.password(body)
    method = current_app.extensions["auth_settings"].password_hash
    user = accounts.create_account(
        db, who, company, accounts.hash_password(password, method), clock_now(db)
    )
    return jsonify(office=office_json(db, user.office_id), user_id=user.id), 201


@api.get("/insurgate/integrations")
def insurgate_integrations():
    status = request.args.get("status", "")
    if status and status not in STATUSES:
        raise Malformed("invalid_status", f"status is one of {sorted(STATUSES)}.")
    db = get_session()
    rows = [
        {**row, "office_id": found["id"]}
        for found in offices_json(db)
        for row in found["integrations"]
        if not status or row["status"] == status
    ]
    return jsonify(integrations=rows)


@api.post("/insurgate/integrations")
def insurgate_request_integration():
    """IG-2: `user_id` asks with `producer_number` (and `group` for a further one)."""
    db, body = get_session(), _body()
    user = accounts.user_by_id(db, read.ident(body, "user_id"))
    number = read.text(body, "producer_number", 10)
    group = read.text(body, "group", 80, required=False)
    found = office.request_integration(db, user, number, group or None, clock_now(db))
    return jsonify(id=found.id, status=found.status.value, group_id=found.group_id), 201


@api.post("/insurgate/integrations/<int:integration_id>/<any(accept,refuse):decision>")
def insurgate_decide(integration_id: int, decision: str):
    """IG-2: the company accepts or refuses; the requester is emailed."""
    db = get_session()
    found = office.decide_integration(db, integration_id, decision == "accept", clock_now(db))
    return jsonify(id=found.id, status=found.status.value)


def _admin(user_id: int) -> IgUser:
    return accounts.user_by_id(get_session(), user_id)


@api.post("/insurgate/users/<int:user_id>/invitations")
def insurgate_invite(user_id: int):
    """IG-4: the administrator `user_id` invites; the invitee gets the email."""
    db, body = get_session(), _body()
    groups = body.get("group_ids", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, int) and not isinstance(g, bool) for g in groups
    ):
        raise Malformed("invalid_field", "group_ids: a list of group ids.", field="group_ids")
    who = read.personal(body)
    invitation = office.Invitation(who, read.flag(body, "is_admin"), groups)
    user = office.invite(
        db, _admin(user_id), invitation, _link_base(who.language.value), clock_now(db)
    )
    return jsonify(user_id=user.id, status="invited"), 201


@api.post("/insurgate/users/<int:user_id>/groups")
def insurgate_group(user_id: int):
    """IG-5: the administrator `user_id` creates a group; only `name` is required."""
    db, body = get_session(), _body()
    details = {name: read.text(body, name, 254, required=False) for name in office.GROUP_DETAILS}
    group = office.create_group(db, _admin(user_id), read.text(body, "name", 80), details)
    return jsonify(group_id=group.id, name=group.name), 201


@api.post("/insurgate/users/<int:user_id>/members/<any(add,remove):action>")
def insurgate_member(user_id: int, action: str):
    """IG-5: the administrator `user_id` adds or removes `member_id` in `group_id`."""
    db, body = get_session(), _body()
    change = office.add_member if action == "add" else office.remove_member
    change(db, _admin(user_id), read.ident(body, "member_id"), read.ident(body, "group_id"))
    return jsonify(office=office_json(db, _admin(user_id).office_id))


@api.post("/insurgate/users/<int:user_id>/role")
def insurgate_role(user_id: int):
    """IG-3: the administrator `user_id` sets `is_admin` of `member_id`."""
    db, body = get_session(), _body()
    member = office.set_admin(
        db, _admin(user_id), read.ident(body, "member_id"), read.flag(body, "is_admin")
    )
    return jsonify(user_id=member.id, is_admin=member.is_admin)


def _group_arg(raw: object) -> int | None:
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


@api.get("/insurgate/users/<int:user_id>/quotes")
def insurgate_quotes(user_id: int):
    """IG-5, IG-6: what `user_id` sees in the sub-account `group` (search `q`)."""
    db = get_session()
    raw = request.args.get("group", "")
    space = quotes.space_of(
        db, _admin(user_id), int(raw) if raw.isdigit() and len(raw) < 10 else None
    )
    rows = quotes.list_quotes(db, space.current, request.args.get("q", "")[:100])
    return jsonify(
        group={"id": space.current.id, "name": space.current.name},
        groups=[{"id": g.id, "name": g.name} for g in space.groups],
        quotes=[quote_json(row.quote) for row in rows],
    )


@api.post("/insurgate/users/<int:user_id>/quotes")
def insurgate_new_quote(user_id: int):
    """IG-2, IG-6: `user_id` quotes in `group_id` (or his first sub-account)."""
    db, body = get_session(), _body()
    user = _admin(user_id)
    space = quotes.space_of(db, user, _group_arg(body.get("group_id")))
    found = quotes.create_quote(db, user, space, read.quote(body), clock_now(db))
    return jsonify(quote_json(found)), 201


# --- the console page --------------------------------------------------------------------


@console.get("/insurgate")
def insurgate_page():
    """IG-2: the integration requests waiting for a decision, and the ways in."""
    waiting = directory.waiting_integrations(get_session())
    return render_template("sim/insurgate.html", waiting=waiting, form=EmptyForm())


@console.post("/insurgate/integrations/<int:integration_id>/<any(accept,refuse):decision>")
def insurgate_console_decide(integration_id: int, decision: str):
    """IG-2: the company decides from the console; the requester is emailed."""
    back = url_for("sim.insurgate_page")
    if not EmptyForm().validate_on_submit():
        return redirect(back), 400
    db = get_session()
    try:
        found = office.decide_integration(db, integration_id, decision == "accept", clock_now(db))
    except DomainError as exc:
        return refused(exc, back)
    if found.status is IntegrationStatus.ACCEPTED:
        flash(_("Producer number %(number)s: accepted.", number=found.producer_number))
    else:
        flash(_("Producer number %(number)s: refused.", number=found.producer_number))
    return redirect(back)
