"""How documents reach the customer (DC-1, DC-2, DC-3): publishing a new life document
with an email or a letter, paper-mail exceptions decided by support, and a missing
document sent by email. Services flush; the request's unit of work commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Contract,
    Document,
    OutboxMessage,
    PaperException,
    Person,
    SupportRequest,
)
from models.brands import Text
from models.catalogue import Catalogue
from models.enums import LIFE_DOCUMENT_KINDS, DocumentKind, Line
from models.outbox_writer import message_text, post_message
from models.paper import PaperStatus
from portal.backoffice.delivery import Delivery, account_in, delivery_for
from portal.backoffice.desk import (
    check_action,
    clean_text,
    exception_of,
    record,
    send_email,
)
from portal.backoffice.errors import Conflict, Invalid
from portal.rules.visibility import visible_contracts

LIFE_KINDS = ("premium_proof", "tax_certificate", "annual_statement")
DOC_TITLES = {
    DocumentKind.PREMIUM_PROOF: Text(
        fr="Preuve de paiement de la prime", nl="Bewijs van premiebetaling"
    ),
    DocumentKind.TAX_CERTIFICATE: Text(fr="Attestation fiscale", nl="Fiscaal attest"),
    DocumentKind.ANNUAL_STATEMENT: Text(fr="Relevé annuel", nl="Jaaroverzicht"),
    DocumentKind.POLICY: Text(fr="Conditions particulières", nl="Bijzondere voorwaarden"),
    DocumentKind.INSURANCE_CARD: Text(fr="Carte d'assurance", nl="Verzekeringsbewijs"),
    DocumentKind.CLAIMS_CERTIFICATE: Text(fr="Attestation de sinistralité", nl="Schadeattest"),
}


def document_amount(kind: DocumentKind, contract: Contract) -> int:
    """The amount a new document carries, as the seeded documents do."""
    if kind == DocumentKind.PREMIUM_PROOF:
        return contract.annual_premium_cents
    if kind == DocumentKind.TAX_CERTIFICATE:
        return min(contract.annual_premium_cents, 101_000)
    return contract.savings_cents or 0


def parse_kinds(raw: object) -> list[DocumentKind]:
    """DC-1: the life kinds to publish (all three when none is given)."""
    if raw is None or raw == "":
        return [DocumentKind(k) for k in LIFE_KINDS]
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values or any(v not in LIFE_KINDS for v in values):
        raise Invalid("invalid_kind", f"kind is one of {', '.join(LIFE_KINDS)}.")
    return [DocumentKind(v) for v in dict.fromkeys(values)]


def parse_year(raw: object, now: datetime) -> int:
    if isinstance(raw, bool):
        raise Invalid("invalid_year", "year must be a whole number.")
    try:
        year = int(str(raw).strip()) if raw is not None and not isinstance(raw, float) else None
    except ValueError:
        year = None
    if year is None or not 1990 <= year <= now.year + 1:
        raise Invalid("invalid_year", f"year is a whole number from 1990 to {now.year + 1}.")
    return year


@dataclass(frozen=True)
class Published:
    documents: list[Document]
    message: OutboxMessage
    delivery: Delivery


def publish_documents(
    db: Session,
    contract: Contract,
    kinds: list[DocumentKind],
    year: int,
    now: datetime,
    catalogue: Catalogue,
    business_days: int,
) -> Published:
    """DC-1, DC-3: new life documents of one contract and year, then the notice: an email
    "new document in your space" to a customer with an account and no approved paper
    exception, else the documents by post to the holder's address."""
    if contract.line != Line.LIFE or any(k not in LIFE_DOCUMENT_KINDS for k in kinds):
        raise Invalid("not_life_document", "Only life contracts get portal documents.")
    existing = db.scalars(
        select(Document.kind).where(Document.contract_id == contract.id, Document.year == year)
    ).all()
    if any(k in existing for k in kinds):
        raise Conflict("document_exists", "That document of that year already exists.")
    docs = [
        Document(
            contract_id=contract.id,
            kind=kind,
            year=year,
            issued_on=now.date(),
            amount_cents=document_amount(kind, contract),
        )
        for kind in kinds
    ]
    db.add_all(docs)
    holder = db.get(Person, contract.holder_id)
    delivery = delivery_for(db, contract.brand, holder.id)
    shown = visible_contracts([contract], contract.brand, holder.segment, catalogue).shown
    if delivery.mode == "digital" and shown:
        account = account_in(db, contract.brand, holder.id)
        message = _notice_email(db, account, holder, contract, docs, now)
    else:
        message = _letter(db, holder, contract, docs, now, business_days)
    db.flush()
    return Published(docs, message, delivery)


def _lines(docs: list[Document], contract: Contract, lang: str) -> str:
    word = "contract" if lang == "nl" else "contrat"
    return "\n".join(
        f"- {DOC_TITLES[d.kind].get(lang)} {d.year}, {word} {contract.number}" for d in docs
    )


def _notice_email(db, account, holder, contract, docs, now: datetime) -> OutboxMessage:
    """DC-1: "a new document waits in your space", to the account's email address."""
    return post_message(
        db,
        "new_document_email",
        brand=contract.brand,
        language=account.language,
        recipient=account.email,
        values={
            "first_name": holder.first_name,
            "lines": _lines(docs, contract, account.language.value),
        },
        now=now,
        person_id=contract.holder_id,
    )


def _letter(db, holder, contract, docs, now: datetime, business_days: int) -> OutboxMessage:
    """DC-3: the documents by post to the holder's address."""
    street, city = holder.address_lines
    return post_message(
        db,
        "document_letter",
        brand=contract.brand,
        language=holder.language,
        recipient=f"{holder.full_name}, {street}, {city}",
        values={
            "name": holder.full_name,
            "street": street,
            "city": city,
            "lines": _lines(docs, contract, holder.language.value),
        },
        now=now,
        person_id=contract.holder_id,
        business_days=business_days,
    )


def decide_paper(
    db: Session, req: SupportRequest, action: str, note: object, now: datetime
) -> PaperException:
    """DC-3: support approves, refuses or revokes a paper-mail exception, by hand."""
    check_action(req, action)
    exception = exception_of(db, req)
    if exception is None:
        raise Conflict("no_exception", "This request has no paper-mail exception.")
    exception.decision_note = clean_text(note, "note", required=False)
    if action == "revoke":
        exception.status, exception.revoked_at = PaperStatus.REVOKED, now
    else:
        exception.status = PaperStatus.APPROVED if action == "approve" else PaperStatus.REFUSED
        exception.decided_at = now
    record(req, action, now)
    return exception


def mark_sent(db: Session, req: SupportRequest, note: object, now: datetime) -> OutboxMessage:
    """DC-2: the internal service sends the missing document to the customer by email."""
    check_action(req, "sent")
    contract = db.scalars(
        select(Contract).where(Contract.number == (req.contract_number or ""))
    ).one_or_none()
    if contract is None or req.document_kind not in {k.value for k in DocumentKind}:
        raise Conflict("document_unknown", "The contract or document kind no longer exists.")
    kind, year = DocumentKind(req.document_kind), req.document_year or now.year
    _document(db, contract, kind, year, now)
    fill = {
        "document": DOC_TITLES[kind].get(req.language.value),
        "year": year,
        "contract": contract.number,
        "filename": f"{kind.value}-{contract.number}-{year}.pdf",
    }
    text = message_text("document_sent_email", "answer", req.brand, req.language, fill)
    extra = clean_text(note, "note", required=False)
    text = f"{text}\n\n{extra}" if extra else text
    message = send_email(db, req, "document_sent_email", text, now, fill)
    message.person_id = contract.holder_id
    record(req, "sent", now)
    return message


def _document(
    db: Session, contract: Contract, kind: DocumentKind, year: int, now: datetime
) -> Document:
    """The back office's document of that kind and year, issued now when it has none."""
    found = db.scalars(
        select(Document).where(
            Document.contract_id == contract.id, Document.kind == kind, Document.year == year
        )
    ).first()
    if found is None:
        found = Document(contract_id=contract.id, kind=kind, year=year, issued_on=now.date())
        db.add(found)
    return found
