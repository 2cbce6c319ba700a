"""The broker's and agent's view of a customer: console pages and API routes (BK-1 to BK-3,
PD-2), the requests they send support (DC-2, DC-3), and publishing documents (DC-3).

Thin views: parse, call portal.backoffice.broker or portal.backoffice.publishing, commit, answer.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from enum import Enum

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from auth.validation import normalise_contract_number
from models import Contract
from models.brands import PROFILES
from models.calendar import age_on
from models.enums import Brand
from models.sim import clock_now
from portal.backoffice import broker, publishing
from portal.backoffice.desk import DeskError
from portal.db import get_session
from portal.forms import EmptyForm
from portal.rules.dates import renewal_date
from portal.sim.blueprints import api, api_error, console, json_body
from portal.sim.desk_views import exception_json, parse_id, request_json
from portal.sim.outbox import as_json
from portal.views.context import catalogue

REQUESTS = {"paper-exception": broker.request_paper, "missing-document": broker.request_document}


def parse_customer(brand: str, person_id: str) -> tuple[Brand, int]:
    if brand not in {b.value for b in Brand}:
        raise DeskError(404, "unknown_brand", "The brand is 'vivium' or 'pv'.")
    number = parse_id(person_id)
    if number is None:
        raise DeskError(404, "customer_not_found", f"No customer '{person_id[:20]}'.")
    return Brand(brand), number


def load_view(brand: str, person_id: str) -> broker.BrokerView:
    db = get_session()
    parsed = parse_customer(brand, person_id)
    return broker.build_view(db, *parsed, clock_now(db), catalogue())


def ask_support(brand: str, person_id: str, what: str, body: dict):
    """DC-2, DC-3: one request of the intermediary to support (the caller commits)."""
    db = get_session()
    parsed = parse_customer(brand, person_id)
    req = REQUESTS[what](db, *parsed, body, clock_now(db))
    db.flush()
    return req


def publish(body: dict) -> publishing.Published:
    """DC-3: publish life documents of one contract and year, and notify (caller commits)."""
    db = get_session()
    now = clock_now(db)
    raw = body.get("contract_number")
    number = normalise_contract_number(raw) if isinstance(raw, str) else ""
    contract = db.scalars(select(Contract).where(Contract.number == number)).one_or_none()
    if not number or contract is None:
        raise DeskError(404, "contract_not_found", "No contract with that contract_number.")
    kinds = publishing.parse_kinds(body.get("kinds", body.get("kind")))
    year = publishing.parse_year(body.get("year"), now)
    days = current_app.extensions["auth_settings"].letter_business_days
    return publishing.publish_documents(db, contract, kinds, year, now, catalogue(), days)


def published_json(done: publishing.Published) -> dict:
    now = clock_now(get_session())
    return {
        "documents": [
            {"id": d.id, "kind": d.kind.value, "year": d.year, "contract_id": d.contract_id}
            for d in done.documents
        ],
        "delivery": delivery_json(done.delivery),
        "notification": as_json(done.message, now),
    }


CONTRACT_FIELDS = ("number", "product", "line", "status", "start_date")
CONTRACT_FIELDS += ("annual_premium_cents", "savings_cents", "risk_address", "risk_note")
CONTRACT_FIELDS += ("main_driver",)
VEHICLE_FIELDS = ("kind", "make", "model", "plate", "vin", "year", "power_kw", "mass_kg")
PERSON_FIELDS = ("id", "first_name", "last_name", "national_number", "birth_date")
PERSON_FIELDS += ("language", "segment")


def _plain(value):
    """A column value as JSON: enums by value, dates in ISO 8601."""
    if isinstance(value, Enum):
        return value.value
    return value.isoformat() if isinstance(value, date) else value


def _fields(row, names, prefix: str = "") -> dict:
    return {name: _plain(getattr(row, prefix + name)) for name in names}


def delivery_json(delivery: publishing.Delivery) -> dict:
    return _fields(delivery, ("mode", "reason", "since"))


def guarantees_json(blocks, lang: str) -> list[dict]:
    return [
        {
            "group": block.title.get(lang),
            "items": [
                {"code": i.code, "label": i.label.get(lang), "covered": i.covered}
                for i in block.lines
            ],
        }
        for block in blocks
    ]


def contract_json(contract, view: broker.BrokerView, reason: str | None = None) -> dict:
    """BK-2: one contract with what the customer's contract page shows (CT-3), or for a
    hidden one the reason the customer reads (CT-4)."""
    cat, lang = catalogue(), view.person.language.value
    product = cat.products.get(contract.product)
    data = _fields(contract, CONTRACT_FIELDS)
    data.update(
        renewal_date=_plain(renewal_date(contract, view.today)),  # CT-3: on the simulated today
        product_name=product.name.get(lang) if product else contract.product,
        theme=product.theme if product else None,
        shown_in_portal=reason is None,
    )
    if contract.vehicle_kind is not None:
        data["vehicle"] = _fields(contract, VEHICLE_FIELDS, "vehicle_")
    if reason is not None:
        text = cat.reasons.get(reason)
        portal = PROFILES[view.brand].portal_name
        data.update(reason=reason, reason_text=text.get(lang).format(portal=portal) if text else "")
        return data
    data["guarantees"] = guarantees_json(view.guarantees[contract.id], lang)
    parts = ("kind", "savings_cents", "insured_cents")
    data["composition"] = [_fields(c, parts) for c in contract.components]
    people = ("event", "name", "share_percent")
    data["beneficiaries"] = [_fields(b, people) for b in contract.beneficiaries]
    return data


def view_json(view: broker.BrokerView) -> dict:
    """The intermediary's view as JSON: BK-1 onboarding and QR code only where the tool
    shows them (P&V), PD-2 contact details as they reached the tool."""
    numbers = {c.id: c.number for c in view.contracts}
    documents = [
        {
            **_fields(d, ("id", "kind", "year", "issued_on")),
            "contract_number": numbers[d.contract_id],
        }
        for d in view.documents
    ]
    themes = [
        {
            "theme": g.theme.code,
            "total_savings_cents": g.total_savings_cents,
            "contracts": [c.number for c in g.contracts],
        }
        for g in view.groups
    ]
    data = {
        "brand": view.brand.value,
        "tool": view.tool.name,
        "person": {
            **_fields(view.person, PERSON_FIELDS),
            "age": age_on(view.person.birth_date, view.today),
        },
        "contact": asdict(view.contact),
        "themes": themes,
        "contracts": [contract_json(c, view) for g in view.groups for c in g.contracts],
        "hidden_contracts": [contract_json(h.contract, view, h.reason) for h in view.hidden],
        "documents": documents,
        "document_delivery": delivery_json(view.delivery),
        "paper_exceptions": [exception_json(e) for e in view.exceptions],
        "support_requests": [request_json(r, full=False) for r in view.requests],
    }
    if view.onboarding is not None:
        data["onboarding"] = {
            "registered": view.onboarding.registered,
            "date": _plain(view.onboarding.since),
        }
    if view.tool.landing_qr:
        data["qr_code_url"] = view.tool.landing_qr
    return data


# --- API -------------------------------------------------------------------------------


@api.get("/broker/search")
def broker_search():
    hits = broker.search(get_session(), request.args.get("q", ""))
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
    try:
        return jsonify(view_json(load_view(brand, person_id)))
    except DeskError as exc:
        return api_error(exc.status, exc.code, exc.message)


def _api_change(work):
    """Run one state change of the API: commit and answer its JSON, or a JSON error."""
    db = get_session()
    try:
        payload, status = work()
    except ValueError as exc:
        db.rollback()
        return api_error(400, "invalid_body", str(exc))
    except DeskError as exc:
        db.rollback()
        return api_error(exc.status, exc.code, exc.message)
    db.commit()
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
    hits = broker.search(get_session(), q)
    return render_template("sim/broker_search.html", q=q[:80], hits=hits)


@console.get("/broker/<brand>/<person_id>")
def broker_customer(brand: str, person_id: str):
    try:
        view = load_view(brand, person_id)
    except DeskError as exc:
        return render_template("sim/broker_missing.html", error=exc), exc.status
    return render_template(
        "sim/broker_view.html",
        v=view,
        cat=catalogue(),
        lang=view.person.language.value,
        contact=asdict(view.contact),
        numbers={c.id: c.number for c in view.contracts},
        titles=publishing.DOC_TITLES,
        form=EmptyForm(),
        year=clock_now(get_session()).year,
    )


def _back(brand: str, person_id: str):
    try:
        parse_customer(brand, person_id)
    except DeskError:
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
    except DeskError as exc:
        get_session().rollback()
        flash(f"{exc.message} ({exc.code})", "error")
        return _back(brand, person_id)
    get_session().commit()
    flash(f"Support request {req.id} sent to {request_json(req)['mailbox']}.")
    return _back(brand, person_id)


@console.post("/documents/publish")
def publish_page():
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("sim.broker_page")), 400
    db = get_session()
    body = {k: request.form.get(k) or None for k in ("contract_number", "kind", "year")}
    try:
        done = publish(body)
    except DeskError as exc:
        db.rollback()
        flash(f"{exc.message} ({exc.code})", "error")
        return _back(request.form.get("back_brand", ""), request.form.get("back_id", ""))
    db.commit()
    message = done.message
    flash(
        f"{len(done.documents)} document(s) published; {message.channel.value} to {message.recipient}."
    )
    contract = db.get(Contract, done.documents[0].contract_id)
    return _back(contract.brand.value, str(contract.holder_id))
