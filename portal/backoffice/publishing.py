"""How documents reach the customer (DC-1, DC-2, DC-3): publishing a new life document
with an email or a letter, paper-mail exceptions decided by support, and a missing
document sent by email. Callers commit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Account,
    Channel,
    Contract,
    Document,
    OutboxMessage,
    PaperException,
    Person,
    SupportRequest,
)
from models.brands import PROFILES, Text
from models.calendar import letter_delivery
from models.enums import LIFE_DOCUMENT_KINDS, Brand, DocumentKind, Line
from models.paper import PaperStatus
from models.sim import FaultName, fault_on
from portal.backoffice.desk import (
    DeskError,
    check_action,
    clean_text,
    exception_of,
    record,
    send_email,
)
from portal.catalogue import Catalogue
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

SENT_SUBJECT = Text(fr="Votre document : {document} {year}", nl="Uw document: {document} {year}")
SENT_TEXT = Text(
    fr=(
        "À la demande de votre {intermediary}, vous trouverez en pièce jointe le document "
        "« {document} » de {year} pour votre contrat {contract}.\n\nPièce jointe : {filename}"
    ),
    nl=(
        "Op vraag van uw {intermediary} vindt u in bijlage het document '{document}' van "
        "{year} voor uw contract {contract}.\n\nBijlage: {filename}"
    ),
)
NEW_SUBJECT = Text(
    fr="Nouveau document dans votre espace {portal}", nl="Nieuw document in uw {portal}-omgeving"
)
NEW_BODY = Text(
    fr=(
        "Bonjour {first_name},\n\nUn nouveau document vous attend dans votre espace {portal} :\n"
        "{lines}\n\nConnectez-vous sur {url} et ouvrez l'onglet « Documents ».\n\n{company}"
    ),
    nl=(
        "Beste {first_name},\n\nEr staat een nieuw document voor u klaar in uw "
        "{portal}-omgeving:\n{lines}\n\nMeld u aan op {url} en open het tabblad "
        "'Documenten'.\n\n{company}"
    ),
)
LETTER_SUBJECT = Text(fr="Vos documents {company}", nl="Uw documenten van {company}")
LETTER_BODY = Text(
    fr="{name}\n{street}\n{city}\n\nMadame, Monsieur,\n\nVeuillez trouver ci-joint :\n{lines}\n\n{company}",
    nl="{name}\n{street}\n{city}\n\nGeachte klant,\n\nIn bijlage vindt u:\n{lines}\n\n{company}",
)


@dataclass(frozen=True)
class Delivery:
    """DC-3: how this customer receives documents in one brand."""

    mode: str  # "digital" or "paper"
    since: datetime | None
    reason: str  # "consent", "exception" or "no_account"


def delivery_mode(account: Account | None, exceptions: Iterable[PaperException]) -> Delivery:
    """DC-3: an approved exception means paper; else an account means the digital
    documents consented to at registration (RG-3); no account means paper too."""
    approved = [e for e in exceptions if e.status == PaperStatus.APPROVED]
    if approved:
        latest = max(approved, key=lambda e: (e.decided_at or e.requested_at, e.id or 0))
        return Delivery("paper", latest.decided_at, "exception")
    if account is None:
        return Delivery("paper", None, "no_account")
    return Delivery("digital", account.digital_consent_at, "consent")


def exceptions_of(db: Session, brand: Brand, person_id: int) -> list[PaperException]:
    query = select(PaperException).where(
        PaperException.brand == brand, PaperException.person_id == person_id
    )
    return list(db.scalars(query.order_by(PaperException.id)))


def account_in(db: Session, brand: Brand, person_id: int) -> Account | None:
    return db.scalars(
        select(Account).where(Account.brand == brand, Account.person_id == person_id)
    ).one_or_none()


def delivery_for(db: Session, brand: Brand, person_id: int) -> Delivery:
    return delivery_mode(account_in(db, brand, person_id), exceptions_of(db, brand, person_id))


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
        raise DeskError(422, "invalid_kind", f"kind is one of {', '.join(LIFE_KINDS)}.")
    return [DocumentKind(v) for v in dict.fromkeys(values)]


def parse_year(raw: object, now: datetime) -> int:
    if isinstance(raw, bool):
        raise DeskError(422, "invalid_year", "year must be a whole number.")
    try:
        year = int(str(raw).strip()) if raw is not None and not isinstance(raw, float) else None
    except ValueError:
        year = None
    if year is None or not 1990 <= year <= now.year + 1:
        raise DeskError(422, "invalid_year", f"year is a whole number from 1990 to {now.year + 1}.")
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
        raise DeskError(422, "not_life_document", "Only life contracts get portal documents.")
    existing = db.scalars(
        select(Document.kind).where(Document.contract_id == contract.id, Document.year == year)
    ).all()
    if any(k in existing for k in kinds):
        raise DeskError(409, "document_exists", "That document of that year already exists.")
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
    profile, lang = PROFILES[contract.brand], account.language.value
    fill = {
        "portal": profile.portal_name,
        "company": profile.company,
        "first_name": holder.first_name,
        "lines": _lines(docs, contract, lang),
        "url": f"{profile.real_url}{lang}",
    }
    return _post(
        db,
        contract,
        Channel.EMAIL,
        "new_document_email",
        account.language,
        account.email,
        NEW_SUBJECT.get(lang).format(**fill),
        NEW_BODY.get(lang).format(**fill),
        now,
        now,  # an email arrives at once
    )


def _letter(db, holder, contract, docs, now: datetime, business_days: int) -> OutboxMessage:
    profile, lang = PROFILES[contract.brand], holder.language.value
    street, city = holder.address_lines
    fill = {
        "company": profile.company,
        "name": holder.full_name,
        "street": street,
        "city": city,
        "lines": _lines(docs, contract, lang),
    }
    return _post(
        db,
        contract,
        Channel.LETTER,
        "document_letter",
        holder.language,
        f"{holder.full_name}, {street}, {city}",
        LETTER_SUBJECT.get(lang).format(**fill),
        LETTER_BODY.get(lang).format(**fill),
        now,
        letter_delivery(now, business_days),
        lost=fault_on(db, FaultName.LETTER_LOST),
    )


def _post(
    db, contract, channel, kind, language, recipient, subject, body, now, deliver_at, lost=False
):
    message = OutboxMessage(
        brand=contract.brand,
        channel=channel,
        kind=kind,
        language=language,
        recipient=recipient,
        subject=subject,
        body=body,
        code=None,
        person_id=contract.holder_id,
        posted_at=now,
        deliver_at=deliver_at,
        lost=lost,
    )
    db.add(message)
    return message


def decide_paper(
    db: Session, req: SupportRequest, action: str, note: object, now: datetime
) -> PaperException:
    """DC-3: support approves, refuses or revokes a paper-mail exception, by hand."""
    check_action(req, action)
    exception = exception_of(db, req)
    if exception is None:
        raise DeskError(409, "no_exception", "This request has no paper-mail exception.")
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
        raise DeskError(409, "document_unknown", "The contract or document kind no longer exists.")
    kind, year = DocumentKind(req.document_kind), req.document_year or now.year
    _document(db, contract, kind, year, now)
    lang = req.language.value
    profile = PROFILES[req.brand]
    title = DOC_TITLES[kind].get(lang)
    fill = {
        "document": title,
        "year": year,
        "contract": contract.number,
        "intermediary": profile.intermediary.get(lang),
        "filename": f"{kind.value}-{contract.number}-{year}.pdf",
    }
    text = SENT_TEXT.get(lang).format(**fill)
    extra = clean_text(note, "note", required=False)
    text = f"{text}\n\n{extra}" if extra else text
    message = send_email(
        db, req, "document_sent_email", SENT_SUBJECT.get(lang).format(**fill), text, now
    )
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
