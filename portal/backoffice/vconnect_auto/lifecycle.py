"""A V-Connect Auto quote after its choices: company analysis (VA-8), offer, electronic
signature by the customer (VA-10), duplication after analysis, uploaded documents (no
status change, VA-10) and the business overview ("overzicht zaken")."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AutoQuote, AutoQuoteDocument, Contract, Intermediary, Person
from models.brands import System, brand_of
from models.outbox_writer import post_message
from models.tariff_auto import Tariff
from models.vconnect_auto import QuoteDocumentKind, QuoteStatus
from portal.backoffice.errors import Conflict, Invalid, NotFound
from portal.backoffice.vconnect_auto.quotes import event, quote_of
from portal.rules.vconnect_auto import Criterion, analysis_reasons

OFFERABLE = frozenset({QuoteStatus.DRAFT, QuoteStatus.APPROVED})
DOCUMENT_NAME_MAX = 120


def reasons(quote: AutoQuote, tariff: Tariff) -> list[str]:
    """VA-8: the acceptance criteria in force this quote exceeds (removed ones never)."""
    value = quote.vehicle_value_euro or 0
    facts = {
        "catalogue_value": value,
        "power_kw": quote.vehicle_power_kw or 0,
        "bonus_malus": quote.bonus_malus,
        "accessories_percent": 100 * quote.accessories_euro / value if value else 0,
        "leaser": 1 if quote.leaser else 0,
    }
    criteria = [Criterion(c.name, c.fact, c.limit, c.removed) for c in tariff.acceptance]
    return analysis_reasons(facts, criteria)


def _complete(quote: AutoQuote) -> None:
    if quote.vehicle_kind is None:
        raise Conflict("vehicle_missing", "Choose the vehicle first.")


def ask_analysis(db: Session, me: Intermediary, number: str, now: datetime,
                 tariff: Tariff) -> AutoQuote:  # fmt: skip
    """The broker sends the quote to the company when a criterion in force asks for it."""
    quote = quote_of(db, me, number)
    _complete(quote)
    if quote.status != QuoteStatus.DRAFT:
        raise Conflict("wrong_status", f"A quote in status {quote.status} is not analysed.")
    found = reasons(quote, tariff)
    if not found:
        raise Conflict("analysis_not_needed", "No acceptance criterion asks for analysis.",
                       rule="VA-8")  # fmt: skip
    quote.status, quote.analysed, quote.updated_at = QuoteStatus.ANALYSIS, True, now
    event(db, quote, now, "analysis_asked", ", ".join(found))
    db.flush()
    return quote


def decide(db: Session, number: str, approve: bool, now: datetime, note: str = "") -> AutoQuote:
    """The company's decision (console or API). VA-10: the approved quote stays in the
    broker's business overview."""
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one_or_none()
    if quote is None:
        raise NotFound("quote_not_found", "No such quote.")
    if quote.status != QuoteStatus.ANALYSIS:
        raise Conflict("wrong_status", "Only a quote in analysis is decided.")
    quote.status = QuoteStatus.APPROVED if approve else QuoteStatus.REFUSED
    quote.updated_at = now
    event(db, quote, now, "approved" if approve else "refused", note)
    db.flush()
    return quote


def add_document(db: Session, quote: AutoQuote, kind: QuoteDocumentKind, name: str,
                 now: datetime) -> AutoQuoteDocument:  # fmt: skip
    """A document of the quote; one of an issued policy goes into the bloc retour (VA-10)."""
    doc = AutoQuoteDocument(quote_id=quote.id, kind=kind, name=name[:DOCUMENT_NAME_MAX],
                            in_bloc_retour=quote.status == QuoteStatus.ISSUED,
                            created_at=now)  # fmt: skip
    db.add(doc)
    return doc


def make_offer(db: Session, me: Intermediary, number: str, now: datetime,
               tariff: Tariff) -> AutoQuote:  # fmt: skip
    """The offer (its PDF is drawn by the front end) once no analysis is owed."""
    quote = quote_of(db, me, number)
    _complete(quote)
    if quote.status not in OFFERABLE:
        raise Conflict("wrong_status", f"A quote in status {quote.status} gets no offer.")
    found = reasons(quote, tariff)
    if found and quote.status != QuoteStatus.APPROVED:
        raise Conflict("analysis_required", "The company must analyse this quote first.",
                       rule="VA-8", reasons=found)  # fmt: skip
    quote.status, quote.updated_at = QuoteStatus.OFFERED, now
    add_document(db, quote, QuoteDocumentKind.OFFER, f"offer-{quote.number}.pdf", now)
    event(db, quote, now, "offer_made")
    db.flush()
    return quote


def send_for_signature(db: Session, me: Intermediary, number: str, now: datetime,
                       sign_base: Mapping[str, str]) -> AutoQuote:  # fmt: skip
    """The customer gets an email with his signing page (`sign_base` of his language +
    a token)."""
    quote = quote_of(db, me, number)
    if quote.status != QuoteStatus.OFFERED:
        raise Conflict("wrong_status", "Only an offer is sent for signature.")
    person = db.get(Person, quote.person_id)
    if person is None or not person.email:
        raise Conflict("no_email", "The customer has no email address.")
    quote.sign_token = secrets.token_urlsafe(24)
    quote.status, quote.updated_at = QuoteStatus.SIGNING, now
    euros = f"{quote.premium_cents // 100},{quote.premium_cents % 100:02d} €"
    post_message(db, "vconnect_auto_signature_email", brand=brand_of(System.VCONNECT_AUTO),
                 language=person.language, recipient=person.email, now=now, person_id=person.id,
                 values={"first_name": person.first_name, "quote": quote.number,
                         "broker": me.full_name, "premium": euros,
                         "vehicle": f"{quote.vehicle_make} {quote.vehicle_model}",
                         "link": f"{sign_base[person.language.value]}{quote.sign_token}"})  # fmt: skip
    event(db, quote, now, "sent_for_signature", person.email)
    db.flush()
    return quote


def to_sign(db: Session, token: str) -> AutoQuote:
    quote = db.scalars(select(AutoQuote).where(AutoQuote.sign_token == token)).one_or_none()
    if quote is None or not token:
        raise NotFound("signing_link_unknown", "This signing link is not valid.")
    return quote


def sign(db: Session, token: str, now: datetime) -> AutoQuote:
    """The customer signs on his page; the signed proposal is kept."""
    quote = to_sign(db, token)
    if quote.status != QuoteStatus.SIGNING:
        raise Conflict("already_signed", "This proposal is signed already.")
    quote.status, quote.updated_at = QuoteStatus.SIGNED, now
    add_document(db, quote, QuoteDocumentKind.SIGNED_PROPOSAL, f"signed-{quote.number}.pdf", now)
    event(db, quote, now, "signed")
    db.flush()
    return quote


def upload(db: Session, me: Intermediary, number: str, name: str, now: datetime) -> AutoQuote:
    """VA-10: an uploaded document never changes the quote's status."""
    quote = quote_of(db, me, number)
    clean = "".join(ch for ch in (name or "") if ch.isprintable()).strip()
    if not clean or len(clean) > DOCUMENT_NAME_MAX:
        raise Invalid("document_name_invalid", "A document name of 1 to 120 characters.",
                      field="name")  # fmt: skip
    add_document(db, quote, QuoteDocumentKind.UPLOAD, clean, now)
    event(db, quote, now, "document_uploaded", clean)
    db.flush()
    return quote


def duplicate(db: Session, me: Intermediary, number: str, now: datetime) -> AutoQuote:
    """VA-10: a quote that went through analysis (or any other) can be duplicated; the
    copy is a fresh draft that can go to analysis again."""
    source = quote_of(db, me, number)
    copy = AutoQuote(**{
        c.key: getattr(source, c.key) for c in AutoQuote.__table__.columns
        if c.key not in ("id", "number", "status", "analysed", "sign_token", "contract_id",
                         "created_at", "updated_at", "duplicated_from")
    }, number=secrets.token_hex(6), status=QuoteStatus.DRAFT, analysed=False,
       duplicated_from=source.number, created_at=now, updated_at=now)  # fmt: skip
    db.add(copy)
    db.flush()
    copy.number = f"VA{copy.id:08d}"
    event(db, copy, now, "duplicated", source.number)
    db.flush()
    return copy


@dataclass(frozen=True)
class OverviewRow:
    quote: AutoQuote
    customer: str
    policy_number: str | None
    policy_active: bool | None


def overview(db: Session, me: Intermediary) -> list[OverviewRow]:
    """ "Overzicht zaken": every quote and policy of the broker with its status and the
    premium of the latest choices (VA-10), newest first; one query."""
    rows = db.execute(
        select(AutoQuote, Person.first_name, Person.last_name, Contract.number, Contract.status)
        .join(Person, Person.id == AutoQuote.person_id)
        .outerjoin(Contract, Contract.id == AutoQuote.contract_id)
        .where(AutoQuote.intermediary_id == me.id)
        .order_by(AutoQuote.id.desc())
    )
    return [
        OverviewRow(q, f"{first} {last}", contract, None if status is None else
                    status.value == "active")
        for q, first, last, contract, status in rows
    ]  # fmt: skip
