"""The console's JSON: how the control API (and the CLI) writes the back office's rows:
outbox messages (RG-1, RG-2, RG-6: content only once delivered), support requests and
paper-mail exceptions (RG-5, DC-2, DC-3), published documents and the intermediary's view
of a customer (BK-1 to BK-3, PD-2). Serializers read; they never write."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from enum import Enum

from flask import url_for

from models import OutboxMessage, SupportRequest
from models.brands import PROFILES
from models.calendar import age_on
from models.outbox import DeliveryStatus
from models.sim import clock_now
from portal.backoffice import broker, desk, publishing
from portal.backoffice.delivery import Delivery
from portal.db import get_session
from portal.extensions import catalogue
from portal.rules.dates import renewal_date
from portal.sim.outbox import Message


def as_json(message: Message | OutboxMessage, now: datetime, reveal: bool = False) -> dict:
    """The envelope (brand, channel, kind, recipient, posted, expected delivery, status),
    and `subject`, `body` and `code` only when delivered (else null), or revealed."""
    status = message.status(now)
    delivered = status == DeliveryStatus.DELIVERED
    readable = delivered or reveal
    deliver_at = message.deliver_at.isoformat()
    return {
        "id": message.id,
        "brand": message.brand.value,
        "channel": message.channel.value,
        "kind": message.kind,
        "language": message.language.value,
        "recipient": message.recipient,
        "status": status.value,
        "posted_at": message.posted_at.isoformat(),
        "expected_at": deliver_at,
        "deliver_at": deliver_at,
        "delivered": delivered,
        "lost": bool(message.lost),
        "revealed": reveal and not delivered,
        "subject": message.subject if readable else None,
        "body": message.body if readable else None,
        "code": message.code if readable else None,
    }


def exception_json(exception) -> dict | None:
    if exception is None:
        return None
    return {
        "id": exception.id,
        "brand": exception.brand.value,
        "person_id": exception.person_id,
        "status": exception.status.value,
        "reason": exception.reason,
        "decision_note": exception.decision_note,
        "requested_at": exception.requested_at.isoformat(),
        "decided_at": exception.decided_at.isoformat() if exception.decided_at else None,
        "revoked_at": exception.revoked_at.isoformat() if exception.revoked_at else None,
    }


def request_json(req: SupportRequest, full: bool = True) -> dict:
    data = {
        "id": req.id,
        "brand": req.brand.value,
        "mailbox": PROFILES[req.brand].support_email,
        "kind": req.kind,
        "status": req.status,
        "requested_by": req.requested_by,
        "email": req.email,
        "person_id": req.person_id,
        "national_number_masked": req.national_number_masked,
        "created_at": req.created_at.isoformat(),
        "handled_at": req.handled_at.isoformat() if req.handled_at else None,
        "actions": list(desk.allowed_actions(req.kind, req.status)),
    }
    if full:
        data.update(
            language=req.language.value,
            national_number=req.national_number,
            error_code=req.error_code,
            error_text=req.error_text,
            message=req.message,
            contract_number=req.contract_number,
            document_kind=req.document_kind,
            document_year=req.document_year,
            answer=req.answer,
            screenshot_url=(
                url_for("sim_api.support_screenshot", request_id=str(req.id))
                if req.screenshot
                else None
            ),
            paper_exception=exception_json(desk.exception_of(get_session(), req)),
        )
    return data


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


def delivery_json(delivery: Delivery) -> dict:
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
