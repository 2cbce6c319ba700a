"""What an intermediary asks support for about one of his customers: a paper-mail
exception (DC-3) or a missing document (DC-2), answered to the customer's address.
Services flush; the unit of work of the request commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from auth.errors import AuthRefusal
from auth.validation import normalise_contract_number, parse_email
from models import PaperException, Person, SupportRequest
from models.enums import Brand, DocumentKind
from models.paper import PaperStatus
from portal.backoffice.broker import CONTACT_CHANGES, customer
from portal.backoffice.delivery import account_in, delivery_mode, exceptions_of
from portal.backoffice.desk import clean_text
from portal.backoffice.errors import Conflict, Invalid
from portal.backoffice.publishing import parse_year
from portal.rules.contacts import intermediary_view


def _reply_to(db: Session, brand: Brand, person: Person, given: object, now: datetime) -> str:
    """The customer's address: the one given, else the account's, else the known one."""
    if given:
        if not isinstance(given, str):
            raise Invalid("invalid_email", "email must be an email address.")
        try:
            return parse_email(given)
        except AuthRefusal as exc:
            raise Invalid("invalid_email", "email is not a valid address.") from exc
    account = account_in(db, brand, person.id)
    if account is not None:
        return account.email
    changes = db.scalars(CONTACT_CHANGES, {"person_id": person.id, "brand": brand}).all()
    return intermediary_view(person, changes, now).email or ""


def _new_request(db, brand: Brand, person: Person, kind: str, email: str, message, now):
    account = account_in(db, brand, person.id)
    req = SupportRequest(
        brand=brand,
        kind=kind,
        status="open",
        language=account.language if account else person.language,
        email=email,
        message=clean_text(message, "message", required=False),
        person_id=person.id,
        requested_by="broker",
        created_at=now,
    )
    db.add(req)
    return req


def request_paper(
    db: Session, brand: Brand, person_id: int, body: dict, now: datetime
) -> SupportRequest:
    """DC-3: the intermediary asks support for a paper-mail exception (handled by hand).
    A customer without an account already gets letters; one request at a time."""
    person, _contracts = customer(db, brand, person_id)
    account = account_in(db, brand, person.id)
    if account is None:
        raise Conflict("not_registered", "Without an account the customer gets letters.")
    exceptions = exceptions_of(db, brand, person.id)
    if delivery_mode(account, exceptions).mode == "paper":
        raise Conflict("already_paper", "An approved exception is already in force.")
    if any(e.status == PaperStatus.REQUESTED for e in exceptions):
        raise Conflict("already_requested", "An exception is already waiting for support.")
    email = _reply_to(db, brand, person, body.get("email"), now)
    req = _new_request(db, brand, person, "paper_exception", email, body.get("message"), now)
    db.flush()
    db.add(
        PaperException(
            brand=brand,
            person_id=person.id,
            status=PaperStatus.REQUESTED,
            support_request_id=req.id,
            requested_by="broker",
            reason=req.message,
            requested_at=now,
        )
    )
    return req


def request_document(
    db: Session, brand: Brand, person_id: int, body: dict, now: datetime
) -> SupportRequest:
    """DC-2: the intermediary asks the internal service for a missing document, which
    goes to the customer by email."""
    person, contracts = customer(db, brand, person_id)
    raw_number = body.get("contract_number")
    number = normalise_contract_number(raw_number) if isinstance(raw_number, str) else ""
    contract = next((c for c in contracts if c.number == number), None)
    if contract is None:
        raise Invalid("invalid_contract", "contract_number is not this customer's.")
    kind = body.get("document_kind")
    if not isinstance(kind, str) or kind not in {k.value for k in DocumentKind}:
        kinds = ", ".join(k.value for k in DocumentKind)
        raise Invalid("invalid_kind", f"document_kind is one of {kinds}.")
    year = parse_year(body.get("year"), now)
    email = _reply_to(db, brand, person, body.get("email"), now)
    if not email:
        raise Invalid("email_required", "The customer has no known email: give one.")
    req = _new_request(db, brand, person, "missing_document", email, body.get("message"), now)
    req.contract_number, req.document_kind, req.document_year = contract.number, kind, year
    return req
