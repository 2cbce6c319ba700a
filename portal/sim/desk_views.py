"""Support desk of the brands' mailboxes: console pages and API routes (RG-5, DC-2, DC-3).

Thin views: parse, call portal.backoffice.desk or portal.backoffice.publishing, answer. A
named domain error becomes the JSON error (portal.errors) or a flash on the console; the
request's transaction commits or rolls back in portal.transaction.
"""

from __future__ import annotations

from flask import flash, jsonify, make_response, redirect, render_template, request, url_for
from sqlalchemy import func, select

from models import SupportRequest
from models.sim import clock_now
from portal.backoffice import desk, duplicates, publishing
from portal.backoffice.errors import DomainError, NotFound
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim.blueprints import api, api_error, console, json_body
from portal.sim.console_i18n import console_gettext as _
from portal.sim.console_labels import N_, code_label
from portal.sim.refused import refused
from portal.sim.serializers import exception_json, request_json

IMAGE_TYPES = ("image/png", "image/jpeg")
# The desk's actions as the console's flash names them (translated when shown)
ACTIONS = {
    "answer": N_("answer"),
    "merge": N_("merge"),
    "sent": N_("sent"),
    "approve": N_("approve"),
    "refuse": N_("refuse"),
    "revoke": N_("revoke"),
}


def parse_id(raw: str) -> int | None:
    """A row id from a URL: digits only, small enough for any database."""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def find_request(raw: str) -> SupportRequest:
    request_id = parse_id(raw)
    req = get_session().get(SupportRequest, request_id) if request_id is not None else None
    if req is None:
        raise NotFound("request_not_found", f"No support request '{raw[:20]}'.")
    return req


def act(req: SupportRequest, action: str, body: dict) -> dict:
    """Run one desk action; returns what it did."""
    db = get_session()
    now = clock_now(db)
    desk.check_action(req, action)
    if action == "answer":
        return {"message_id": desk.answer(db, req, body.get("text"), now).id}
    if action == "merge":
        merged = desk.merge(db, req, body, now)
        return {"kept_person_id": merged.kept.id, "removed_person_ids": merged.removed_ids}
    if action == "sent":
        return {"message_id": publishing.mark_sent(db, req, body.get("note"), now).id}
    exception = publishing.decide_paper(db, req, action, body.get("note"), now)
    return {"paper_exception": exception_json(exception)}


def screenshot_response(req: SupportRequest):
    if not req.screenshot:
        raise NotFound("no_screenshot", "This request has no screenshot.")
    response = make_response(req.screenshot)
    kind = req.screenshot_type if req.screenshot_type in IMAGE_TYPES else "application/octet-stream"
    response.headers["Content-Type"] = kind
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'"
    response.headers["Cache-Control"] = "no-store"
    return response


# --- API -------------------------------------------------------------------------------


@api.get("/support")
def support_list():
    try:
        f = desk.SupportFilter.parse(request.args)
    except ValueError as exc:
        return api_error(400, "invalid_filter", f"Invalid value for '{exc}'.", field=str(exc))
    found = desk.list_requests(get_session(), f)
    return jsonify(requests=[request_json(r, full=False) for r in found])


@api.get("/support/<request_id>")
def support_get(request_id: str):
    return jsonify(request_json(find_request(request_id)))


@api.get("/support/<request_id>/screenshot")
def support_screenshot(request_id: str):
    return screenshot_response(find_request(request_id))


@api.post("/support/<request_id>/<action>")
def support_act(request_id: str, action: str):
    req = find_request(request_id)
    try:
        body = json_body()
    except ValueError as exc:
        return api_error(400, "invalid_body", str(exc))
    result = act(req, action, body)
    return jsonify(request=request_json(req), result=result)


# --- Console ---------------------------------------------------------------------------


def _open_counts() -> dict[str, int]:
    rows = get_session().execute(
        select(SupportRequest.brand, func.count())
        .where(SupportRequest.status.in_(desk.PENDING))
        .group_by(SupportRequest.brand)
    )
    return {brand.value: count for brand, count in rows}


@console.get("/support")
def support_page():
    try:
        f, error = desk.SupportFilter.parse(request.args), None
    except ValueError as exc:
        f, error = desk.SupportFilter(), str(exc)
    found = [] if error else desk.list_requests(get_session(), f)
    page = render_template(
        "sim/support_list.html",
        requests=found,
        f=f,
        error=error,
        counts=_open_counts(),
        kinds=desk.KINDS,
        statuses=desk.STATUSES,
    )
    return page, 400 if error else 200


@console.get("/support/<request_id>")
def support_detail(request_id: str):
    try:
        req = find_request(request_id)
    except NotFound:
        return render_template("sim/support_missing.html", request_id=request_id[:20]), 404
    db = get_session()
    number = desk.number_of(db, req) if req.kind == "registration_problem" else None
    return render_template(
        "sim/support_detail.html",
        req=req,
        exception=desk.exception_of(db, req),
        actions=desk.allowed_actions(req.kind, req.status),
        groups=duplicates.duplicate_groups(db, number)
        if req.kind == "registration_problem"
        else [],
        form=EmptyForm(),
    )


@console.get("/support/<request_id>/screenshot")
def support_screenshot_page(request_id: str):
    try:
        return screenshot_response(find_request(request_id))
    except NotFound:
        return render_template("sim/support_missing.html", request_id=request_id[:20]), 404


@console.post("/support/<request_id>/<action>")
def support_act_page(request_id: str, action: str):
    try:
        req = find_request(request_id)
    except NotFound:
        return render_template("sim/support_missing.html", request_id=request_id[:20]), 404
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("sim.support_detail", request_id=request_id)), 400
    body = {k: request.form.get(k) for k in ("text", "note", "national_number")}
    keep = parse_id(request.form.get("keep_person_id") or "")
    body["keep_person_id"] = keep
    try:
        act(req, action, body)
    except DomainError as exc:
        return refused(exc, url_for("sim.support_detail", request_id=request_id))
    flash(
        _(
            "Request %(id)s: %(action)s done, status %(status)s.",
            id=req.id,
            action=_(ACTIONS.get(action, action)),
            status=code_label(req.status),
        )
    )
    return redirect(url_for("sim.support_detail", request_id=request_id))
