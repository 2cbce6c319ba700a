"""The control API of the intermediaries' tools (BK-1, BK-2, BK-3, PD-2, RG-5, DC-2,
DC-3): list the agents and brokers, view a portfolio and a customer as the tool shows
him, send the tool's requests to support with the intermediary as sender.

Thin views over portal.backoffice.portfolio and portal.backoffice.intermediary_requests;
a named domain error becomes its JSON error (portal.errors), and the transaction of the
request rolls back (portal.transaction)."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import urlencode

from flask import jsonify, redirect, render_template, request
from sqlalchemy import func, select

from models import Contract, Intermediary
from models.brands import PROFILES, brand_values
from models.enums import Brand
from models.sim import clock_now
from portal.backoffice import intermediary_requests as service
from portal.backoffice import portfolio
from portal.backoffice.errors import Invalid, Malformed, NotFound
from portal.db import get_session
from portal.extensions import catalogue
from portal.sim.blueprints import api, console, json_body
from portal.sim.desk_views import parse_id
from portal.sim.serializers import request_json, view_json

TOOL_PATHS = {brand: f"/{p.tool.segment}/" for brand, p in PROFILES.items()}
LIST_LIMIT = 200
PNG, JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


def intermediary_json(row: Intermediary, size: int) -> dict:
    return {
        "id": row.id,
        "brand": row.brand.value,
        "producer_number": row.producer_number,
        "name": row.full_name,
        "office": row.office,
        "city": row.city,
        "language": row.language.value,
        "email": row.email,
        "phone": row.phone,
        "password_sign_in": row.password_hash is not None,
        "portfolio_customers": size,
        "tool_url": TOOL_PATHS[row.brand] + row.language.value + "/",
    }


def find(raw: str) -> Intermediary:
    number = parse_id(raw)
    row = get_session().get(Intermediary, number) if number is not None else None
    if row is None:
        raise NotFound("intermediary_not_found", f"No intermediary '{raw[:20]}'.")
    return row


def person_id(raw: str) -> int:
    number = parse_id(raw)
    if number is None:
        raise NotFound("customer_not_found", f"No customer '{raw[:20]}'.")
    return number


def body() -> dict:
    try:
        return json_body()
    except ValueError as exc:
        raise Malformed("invalid_body", str(exc)) from exc


@api.get("/intermediaries")
def intermediaries_list():
    """Every agent and broker (at most 200; `brand` to keep one brand), with the size of
    his portfolio in customers."""
    brand = request.args.get("brand")
    if brand is not None and brand not in {b.value for b in Brand}:
        raise Malformed("invalid_filter", f"brand is {' or '.join(brand_values())}.", field="brand")
    db = get_session()
    query = select(Intermediary).order_by(Intermediary.producer_number).limit(LIST_LIMIT)
    if brand:
        query = query.where(Intermediary.brand == Brand(brand))
    rows = list(db.scalars(query))
    sizes = dict(
        db.execute(
            select(Contract.intermediary_id, func.count(func.distinct(Contract.holder_id)))
            .where(Contract.intermediary_id.in_([r.id for r in rows]))
            .group_by(Contract.intermediary_id)
        ).all()
    )
    return jsonify(intermediaries=[intermediary_json(r, sizes.get(r.id, 0)) for r in rows])


@api.get("/intermediaries/<intermediary_id>/portfolio")
def intermediary_portfolio(intermediary_id: str):
    """BK-3: the intermediary's own customers, searched as the tool searches (`q`)."""
    me = find(intermediary_id)
    db = get_session()
    hits = portfolio.search(db, me, request.args.get("q", ""))
    return jsonify(
        intermediary=intermediary_json(me, portfolio.portfolio_size(db, me)),
        customers=[
            {
                "person_id": h.person.id,
                "name": h.person.full_name,
                "national_number": h.person.national_number,
                "contracts": h.contracts,
            }
            for h in hits
        ],
    )


@api.get("/intermediaries/<intermediary_id>/customers/<person>")
def intermediary_customer(intermediary_id: str, person: str):
    """BK-1, BK-2, PD-2: the customer as the intermediary's tool shows him; 404 for a
    customer of another intermediary."""
    me = find(intermediary_id)
    db = get_session()
    account = portfolio.customer(db, me, person_id(person), clock_now(db), catalogue())
    data = view_json(account.view)
    data["policy_counts"] = {"life": account.counts.life, "non_life": account.counts.non_life}
    if account.accounts:
        data["portals_onboarded"] = {
            brand.value: (acc.created_at.isoformat() if acc else None)
            for brand, acc in account.accounts.items()
        }
    return jsonify(data)


def screenshot(raw: object) -> tuple[bytes, str] | None:
    """RG-5: a PNG or JPEG screenshot sent as base64 in `screenshot`."""
    if raw in (None, ""):
        return None
    try:
        data = base64.b64decode(raw if isinstance(raw, str) else b"!", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Invalid("bad_screenshot", "screenshot is base64 of a PNG or JPEG.") from exc
    if len(data) > 2 * 1024 * 1024:
        raise Invalid("bad_screenshot", "screenshot is at most 2 MB.")
    if data.startswith(PNG):
        return data, "image/png"
    if data.startswith(JPEG):
        return data, "image/jpeg"
    raise Invalid("bad_screenshot", "screenshot is base64 of a PNG or JPEG.")


@api.post("/intermediaries/<intermediary_id>/customers/<person>/support-report")
def intermediary_support_report(intermediary_id: str, person: str):
    me, data, db = find(intermediary_id), body(), get_session()
    req = service.report_registration(
        db,
        me,
        person_id(person),
        data.get("email"),
        data.get("message"),
        screenshot(data.get("screenshot")),
        clock_now(db),
    )
    return jsonify(request_json(req)), 201


@api.post("/intermediaries/<intermediary_id>/customers/<person>/paper-exception")
def intermediary_paper_exception(intermediary_id: str, person: str):
    me, data, db = find(intermediary_id), body(), get_session()
    req = service.ask_paper(db, me, person_id(person), data.get("message"), clock_now(db))
    return jsonify(request_json(req)), 201


@api.post("/intermediaries/<intermediary_id>/customers/<person>/missing-document")
def intermediary_missing_document(intermediary_id: str, person: str):
    me, data, db = find(intermediary_id), body(), get_session()
    req = service.ask_document(db, me, person_id(person), data, clock_now(db))
    return jsonify(request_json(req)), 201


@console.get("/intermediaries/open/<brand:brand>/<person>")
def intermediary_open(brand: str, person: str):
    """The console's link from a persona or customer to his intermediary's view: the
    tool's sign-in, with that intermediary offered first, then the customer's account."""
    number = parse_id(person)
    db = get_session()
    row = db.execute(
        select(Intermediary.id, Intermediary.language)
        .join(Contract, Contract.intermediary_id == Intermediary.id)
        .where(Contract.holder_id == number, Contract.brand == Brand(brand))
        .limit(1)
    ).first()
    if number is None or row is None:
        return render_template("sim/intermediary_missing.html"), 404
    base = f"{TOOL_PATHS[Brand(brand)]}{row.language.value}"
    query = urlencode({"as": row.id, "next": f"{base}/customers/{number}"})
    return redirect(f"{request.script_root}{base}/signin?{query}")
