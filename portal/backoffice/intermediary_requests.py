"""What an intermediary sends support from his tool, as the sender (RG-5, DC-2, DC-3):
the request's email is his, so support's answer reaches his mailbox; the customer's
address (the one he wants for his account, or where a document goes) is in the text.
Services flush only; callers commit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from auth.errors import AuthRefusal
from auth.validation import parse_email
from models import Intermediary, SupportRequest
from portal.backoffice import broker_requests, portfolio
from portal.backoffice.desk import clean_text
from portal.backoffice.errors import Invalid

REGISTRATION_PROBLEM = "registration_problem"


def customer_email(raw: object, required: bool) -> str | None:
    """The customer's address as typed, or Invalid."""
    if raw in (None, "") and not required:
        return None
    try:
        return parse_email(raw) if isinstance(raw, str) else parse_email("")
    except AuthRefusal as exc:
        raise Invalid("invalid_email", "email is not a valid address.", field="email") from exc


def _from_intermediary(req: SupportRequest, me: Intermediary, note: str) -> SupportRequest:
    req.email, req.language, req.requested_by = me.email, me.language, "broker"
    text = f"{me.full_name} ({me.office}, {me.producer_number}): {note}"
    req.message = f"{text}\n{req.message}" if req.message else text
    return req


def report_registration(
    db: Session,
    me: Intermediary,
    person_id: int,
    wanted_email: object,
    message: object,
    screenshot: tuple[bytes, str] | None,
    now: datetime,
) -> SupportRequest:
    """RG-5: the customer cannot register; the screenshot and the email he wants."""
    portfolio.check_holds(db, me, person_id)
    wanted_email = customer_email(wanted_email, required=True)
    req = SupportRequest(
        brand=me.brand,
        kind=REGISTRATION_PROBLEM,
        status="open",
        language=me.language,
        email=me.email,
        message=clean_text(message, "message", required=False),
        person_id=person_id,
        created_at=now,
        screenshot=screenshot[0] if screenshot else None,
        screenshot_type=screenshot[1] if screenshot else None,
    )
    db.add(req)
    _from_intermediary(req, me, f"the customer wants to register with {wanted_email}")
    db.flush()
    return req


def ask_paper(
    db: Session, me: Intermediary, person_id: int, message: object, now: datetime
) -> SupportRequest:
    """DC-3: a paper-mail exception (discouraged, handled by hand)."""
    portfolio.check_holds(db, me, person_id)
    req = broker_requests.request_paper(
        db, me.brand, person_id, {"email": me.email, "message": message}, now
    )
    _from_intermediary(req, me, "the customer insists on paper mail")
    db.flush()
    return req


def ask_document(
    db: Session, me: Intermediary, person_id: int, body: dict, now: datetime
) -> SupportRequest:
    """DC-2: a document missing from the portal, to send the customer by email."""
    portfolio.check_holds(db, me, person_id)
    to = customer_email(body.get("email"), required=False)
    req = broker_requests.request_document(
        db, me.brand, person_id, {**body, "email": me.email}, now
    )
    where = f"send it to {to}" if to else "send it to the customer's known address"
    _from_intermediary(req, me, f"missing document, {where}")
    db.flush()
    return req
