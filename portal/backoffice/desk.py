"""The support desk of the two brand mailboxes (RG-5, DC-2, DC-3): the requests, what
support may do with each, and the emails it writes to the outbox. Services flush; the
request's unit of work commits (portal.transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Contract,
    OutboxMessage,
    PaperException,
    Person,
    SupportRequest,
)
from models.enums import Brand
from models.outbox_writer import message_text, post_message
from portal.backoffice.duplicates import Merged, merge_records
from portal.backoffice.errors import Conflict, Invalid, NotFound

KINDS = ("registration_problem", "paper_exception", "missing_document")
STATUSES = ("open", "answered", "solved", "approved", "refused", "revoked", "sent")
ACTIONS = ("answer", "merge", "approve", "refuse", "revoke", "sent")
PENDING = ("open", "answered")
# action -> (kind it applies to, statuses it starts from, status it leaves)
TRANSITIONS: dict[str, tuple[str | None, tuple[str, ...], str | None]] = {
    "answer": (None, STATUSES, None),
    "merge": ("registration_problem", PENDING, "solved"),
    "approve": ("paper_exception", PENDING, "approved"),
    "refuse": ("paper_exception", PENDING, "refused"),
    "revoke": ("paper_exception", ("approved",), "revoked"),
    "sent": ("missing_document", PENDING, "sent"),
}
MAX_TEXT = 5000


@dataclass(frozen=True)
class SupportFilter:
    brand: Brand | None = None
    kind: str | None = None
    status: str | None = None
    limit: int = 100

    @classmethod
    def parse(cls, args) -> SupportFilter:
        """From query arguments; an unknown value raises ValueError naming the field."""

        def pick(name: str, allowed) -> str | None:
            raw = (args.get(name) or "").strip()
            if raw and raw not in allowed:
                raise ValueError(name)
            return raw or None

        brand = pick("brand", [b.value for b in Brand])
        raw_limit = (args.get("limit") or "100").strip()
        if not (raw_limit.isascii() and raw_limit.isdigit()) or not 1 <= int(raw_limit) <= 500:
            raise ValueError("limit")
        return cls(
            brand=Brand(brand) if brand else None,
            kind=pick("kind", KINDS),
            status=pick("status", STATUSES),
            limit=int(raw_limit),
        )


def allowed_actions(kind: str, status: str) -> tuple[str, ...]:
    """The actions support may take on a request of this kind in this status."""
    return tuple(
        action
        for action, (for_kind, starts, _) in TRANSITIONS.items()
        if (for_kind is None or for_kind == kind) and status in starts
    )


def check_action(req: SupportRequest, action: str) -> None:
    """NotFound for an unknown action, Invalid for the wrong kind, Conflict for the wrong status."""
    if action not in TRANSITIONS:
        raise NotFound("unknown_action", f"Unknown action '{action}'.")
    for_kind, starts, _ = TRANSITIONS[action]
    if for_kind is not None and for_kind != req.kind:
        raise Invalid("wrong_kind", f"'{action}' applies to {for_kind} requests only.")
    if req.status not in starts:
        raise Conflict("wrong_status", f"'{action}' is not possible once {req.status}.")


def record(req: SupportRequest, action: str, now: datetime) -> None:
    """Every action leaves its status (when it has one) and the time it was handled."""
    new_status = TRANSITIONS[action][2]
    if new_status is None and req.status == "open":
        new_status = "answered"
    req.status = new_status or req.status
    req.handled_at = now


def printable(text: str) -> str:
    """Without control characters (a NUL byte cannot even be stored), keeping new lines."""
    return "".join(ch for ch in text if ch in "\n\t" or (ch.isprintable() or ch == " "))


def clean_text(raw: object, field: str = "text", required: bool = True) -> str | None:
    """A free text of the desk: a string, trimmed, at most MAX_TEXT characters."""
    if isinstance(raw, str):
        raw = printable(raw.replace("\r\n", "\n"))
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            raise Invalid(f"{field}_required", f"Give a non-empty '{field}'.")
        return None
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise Invalid(f"invalid_{field}", f"'{field}' is a text of at most {MAX_TEXT}.")
    return raw.strip()


def list_requests(db: Session, f: SupportFilter) -> list[SupportRequest]:
    """The requests of both mailboxes, newest first."""
    query = select(SupportRequest)
    if f.brand:
        query = query.where(SupportRequest.brand == f.brand)
    if f.kind:
        query = query.where(SupportRequest.kind == f.kind)
    if f.status:
        query = query.where(SupportRequest.status == f.status)
    order = (SupportRequest.created_at.desc(), SupportRequest.id.desc())
    return list(db.scalars(query.order_by(*order).limit(f.limit)))


def exception_of(db: Session, req: SupportRequest) -> PaperException | None:
    return db.scalars(
        select(PaperException).where(PaperException.support_request_id == req.id)
    ).first()


def send_email(
    db: Session,
    req: SupportRequest,
    kind: str,
    text: str,
    now: datetime,
    fields: dict[str, object] | None = None,
) -> OutboxMessage:
    """An email of `kind` (models/messages/<kind>.toml) from the brand's support mailbox
    to the request's address: `text` above the support signature; `fields` fill the
    rest of the template (its subject)."""
    if not req.email:
        raise Conflict("no_email", "This request has no email address to answer to.")
    message = post_message(
        db,
        kind,
        brand=req.brand,
        language=req.language,
        recipient=req.email,
        values={**(fields or {}), "text": text},
        now=now,
        person_id=req.person_id,
    )
    db.flush()
    req.answer = text
    return message


def answer(db: Session, req: SupportRequest, text: object, now: datetime) -> OutboxMessage:
    """Support answers the requester by email; the text is kept on the request."""
    check_action(req, "answer")
    message = send_email(db, req, "support_answer", clean_text(text), now)
    record(req, "answer", now)
    return message


def solved_text(req: SupportRequest) -> str:
    """RG-5: what the requester is told once the duplicate records are merged."""
    return message_text("registration_solved_email", "answer", req.brand, req.language, {})


def merge(db: Session, req: SupportRequest, body: dict, now: datetime) -> Merged:
    """Support solves a registration problem by merging the duplicate records, then
    tells the requester by email that registration now works."""
    check_action(req, "merge")
    number = body.get("national_number") or number_of(db, req)
    if not isinstance(number, str) or not number.strip():
        raise Invalid("national_number_required", "Give the national_number to merge.")
    keep_id = body.get("keep_person_id")
    if keep_id is not None and (isinstance(keep_id, bool) or not isinstance(keep_id, int)):
        raise Invalid("invalid_keep", "keep_person_id must be a person id.")
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    if len(digits) != 11:
        raise Invalid("invalid_national_number", "A national number has 11 digits.")
    merged = merge_records(db, digits, keep_id, now)
    if req.email:
        send_email(db, req, "registration_solved_email", solved_text(req), now)
    req.person_id = merged.kept.id
    record(req, "merge", now)
    return merged


def number_of(db: Session, req: SupportRequest) -> str | None:
    """The national number a request is about: the one proven by itsme or eID before the
    refusal (RG-5), else its customer's, else its contract holder's."""
    if req.national_number:
        return req.national_number
    if req.person_id is not None:
        person = db.get(Person, req.person_id)
        return person.national_number if person else None
    if req.contract_number:
        holder = db.scalar(
            select(Person)
            .join(Contract, Contract.holder_id == Person.id)
            .where(Contract.number == req.contract_number)
        )
        return holder.national_number if holder else None
    return None
