"""The broker's and agent's view of a customer: console pages and API routes (BK-1 to BK-3,
PD-2), the requests they send support (DC-2, DC-3), and publishing documents (DC-3).

Thin views: parse, call portal.backoffice.broker or portal.backoffice.publishing, answer (JSON
from portal.sim.serializers). A named domain error becomes the JSON error (portal.errors)
or a flash on the console; the transaction is decided in portal.transaction.
"""

from __future__ import annotations

from dataclasses import asdict

from flask import flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from auth.validation import normalise_contract_number
from models import Contract
from models.brands import brand_values
from models.enums import Brand
from portal.backoffice import broker, broker_requests, publishing, search
from portal.backoffice.errors import DomainError, NotFound
from portal.db import get_session
from portal.extensions import auth_settings, catalogue
from portal.forms import EmptyForm
from portal.sim.blueprints import api, api_error, console, console_now, json_body
from portal.sim.console_i18n import console_gettext as _
from portal.sim.console_labels import code_label
from portal.sim.desk_views import parse_id
from portal.sim.refused import refused
from portal.sim.serializers import published_json, request_json, view_json

REQUESTS = {
    "paper-exception": broker_requests.request_paper,
    "missing-document": broker_requests.request_document,
}


def parse_customer(brand: str, person_id: str) -> tuple[Brand, int]:
    if brand not in brand_values():
        raise NotFound("unknown_brand", f"The brand is one of {', '.join(brand_values())}.")
    number = parse_id(person_id)
    if number is None:
        raise NotFound("customer_not_found", f"No customer '{person_id[:20]}'.")
    return Brand(brand), number


def load_view(brand: str, person_id: str) -> broker.BrokerView:
    db = get_session()
    parsed = parse_customer(brand, person_id)
    return broker.build_view(db, *parsed, console_now(), catalogue())


def ask_support(brand: str, person_id: str, what: str, body: dict):
    """DC-2, DC-3: one request of the intermediary to support."""
    db = get_session()
    parsed = parse_customer(brand, person_id)
    req = REQUESTS[what](db, *parsed, body, console_now())
    db.flush()
    return req


def publish(body: dict) -> publishing.Published:
    """DC-3: publish life documents of one contract and year, and notify."""
    db = get_session()
    now = console_now()
    raw = body.get("contract_number")
    number = normalise_contract_number(raw) if isinstance(raw, str) else ""
    contract = db.scalars(select(Contract).where(Contract.number == number)).one_or_none()
    if not number or contract is None:
        raise NotFound("contract_not_found", "No contract with that contract_number.")
    kinds = publishing.parse_kinds(body.get("kinds", body.get("kind")))
    year = publishing.parse_year(body.get("year"), now)
    days = auth_settings().letter_business_days
    return publishing.publish_documents(db, contract, kinds, year, now, catalogue(), days)


# --- API -------------------------------------------------------------------------------


@api.get("/broker/search")
def broker_search():
    hits = search.customers(get_session(), request.args.get("q", ""))
    return jsonify(
        customers=[
            {
                "person_id": h.person.id,
                "name": h.person.full_name,
                "national_number": h.person.national_number,
                "brands": h.brands,
            }
            for h in hits
        ]
    )


@api.get("/broker/<brand>/<person_id>")
def broker_view(brand: str, person_id: str):
    return jsonify(view_json(load_view(brand, person_id)))


def _api_change(work):
    """Run one state change of the API and answer its JSON; a body that is no JSON
    object is a 400 (a domain error answers through portal.errors)."""
    try:
        payload, status = work()
    except ValueError as exc:
        return api_error(400, "invalid_body", str(exc))
    return jsonify(payload), status


@api.post("/broker/<brand>/<person_id>/paper-exception")
def broker_paper_exception(brand: str, person_id: str):
    return _api_change(
        lambda: (request_json(ask_support(brand, person_id, "paper-exception", json_body())), 201)
    )


@api.post("/broker/<brand>/<person_id>/missing-document")
def broker_missing_document(brand: str, person_id: str):
    return _api_change(
        lambda: (request_json(ask_support(brand, person_id, "missing-document", json_body())), 201)
    )


@api.post("/documents/publish")
def documents_publish():
    return _api_change(lambda: (published_json(publish(json_body())), 201))


# --- Console ---------------------------------------------------------------------------


@console.get("/broker")
def broker_page():
    q = request.args.get("q", "")
    hits = search.customers(get_session(), q)
    return render_template("sim/broker_search.html", q=q[:80], hits=hits)


@console.get("/broker/<brand>/<person_id>")
def broker_customer(brand: str, person_id: str):
    try:
        view = load_view(brand, person_id)
    except NotFound as exc:
        return render_template("sim/broker_missing.html", error=exc), 404
    return render_template(
        "sim/broker_view.html",
        v=view,
        cat=catalogue(),
        lang=view.person.language.value,
        contact=asdict(view.contact),
        numbers={c.id: c.number for c in view.contracts},
        titles=publishing.DOC_TITLES,
        form=EmptyForm(),
        year=console_now().year,
    )


def _back(brand: str, person_id: str):
    try:
        parse_customer(brand, person_id)
    except NotFound:
        return redirect(url_for("sim.broker_page"))
    return redirect(url_for("sim.broker_customer", brand=brand, person_id=person_id))


@console.post("/broker/<brand>/<person_id>/<any('paper-exception', 'missing-document'):what>")
def broker_request_page(brand: str, person_id: str, what: str):
    if not EmptyForm().validate_on_submit():
        return _back(brand, person_id), 400
    fields = ("email", "message", "contract_number", "document_kind", "year")
    body = {k: request.form.get(k) or None for k in fields}
    try:
        req = ask_support(brand, person_id, what, body)
    except DomainError as exc:
        return refused(exc, _back(brand, person_id).location)
    mailbox = request_json(req)["mailbox"]
    flash(_("Support request %(id)s sent to %(mailbox)s.", id=req.id, mailbox=mailbox))
    return _back(brand, person_id)


@console.post("/documents/publish")
def publish_page():
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("sim.broker_page")), 400
    db = get_session()
    body = {k: request.form.get(k) or None for k in ("contract_number", "kind", "year")}
    try:
        done = publish(body)
    except DomainError as exc:
        back = _back(request.form.get("back_brand", ""), request.form.get("back_id", ""))
        return refused(exc, back.location)
    message = done.message
    flash(
        _(
            "%(count)s document(s) published; %(channel)s to %(recipient)s.",
            count=len(done.documents),
            channel=code_label(message.channel),
            recipient=message.recipient,
        )
    )
    contract = db.get(Contract, done.documents[0].contract_id)
    return _back(contract.brand.value, str(contract.holder_id))
