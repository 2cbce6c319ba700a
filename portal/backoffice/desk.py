"""The support desk of the two brand mailboxes (RG-5, DC-2, DC-3): the requests, what
support may do with each, and the emails it writes to the outbox. Callers commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from models import (
    Account,
    ActivationCode,
    Channel,
    ContactChange,
    Contract,
    OutboxMessage,
    PaperException,
    PendingRegistration,
    Person,
    SupportRequest,
)
from models.brands import PROFILES, Text
from models.enums import Brand

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

ANSWER_SUBJECT = Text(
    fr="{portal} : réponse à votre message", nl="{portal}: antwoord op uw bericht"
)
SIGNATURE = Text(
    fr="Bien à vous,\nLe support {portal}\n{email} - {phone}",
    nl="Met vriendelijke groeten,\nDe {portal}-support\n{email} - {phone}",
)
SOLVED_TEXT = Text(
    fr=(
        "Vous étiez enregistré(e) deux fois chez nous, ce qui empêchait la création de votre "
        "compte. Nous avons regroupé vos données : vous pouvez maintenant créer votre compte "
        "{portal}."
    ),
    nl=(
        "U stond twee keer bij ons geregistreerd, waardoor u geen account kon aanmaken. We "
        "hebben uw gegevens samengevoegd: u kunt nu uw {portal}-account aanmaken."
    ),
)


class DeskError(Exception):
    """A refused desk or broker action: an HTTP status, a stable code and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


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
    """DeskError 404 for an unknown action, 422 for the wrong kind, 409 for the wrong status."""
    if action not in TRANSITIONS:
        raise DeskError(404, "unknown_action", f"Unknown action '{action}'.")
    for_kind, starts, _ = TRANSITIONS[action]
    if for_kind is not None and for_kind != req.kind:
        raise DeskError(422, "wrong_kind", f"'{action}' applies to {for_kind} requests only.")
    if req.status not in starts:
        raise DeskError(409, "wrong_status", f"'{action}' is not possible once {req.status}.")


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
            raise DeskError(422, f"{field}_required", f"Give a non-empty '{field}'.")
        return None
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise DeskError(422, f"invalid_{field}", f"'{field}' is a text of at most {MAX_TEXT}.")
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
    db: Session, req: SupportRequest, kind: str, subject: str, text: str, now: datetime
) -> OutboxMessage:
    """An email from the brand's support mailbox to the request's address, signed."""
    if not req.email:
        raise DeskError(409, "no_email", "This request has no email address to answer to.")
    profile = PROFILES[req.brand]
    signature = SIGNATURE.get(req.language.value).format(
        portal=profile.portal_name, email=profile.support_email, phone=profile.support_phone
    )
    message = OutboxMessage(
        brand=req.brand,
        channel=Channel.EMAIL,
        kind=kind,
        language=req.language,
        recipient=req.email,
        subject=subject[:200],
        body=f"{text}\n\n{signature}",
        code=None,
        person_id=req.person_id,
        posted_at=now,
        deliver_at=now,  # an email arrives at once
        lost=False,
    )
    db.add(message)
    db.flush()
    req.answer = text
    return message


def answer(db: Session, req: SupportRequest, text: object, now: datetime) -> OutboxMessage:
    """Support answers the requester by email; the text is kept on the request."""
    check_action(req, "answer")
    body = clean_text(text)
    portal = PROFILES[req.brand].portal_name
    subject = ANSWER_SUBJECT.get(req.language.value).format(portal=portal)
    message = send_email(db, req, "support_answer", subject, body, now)
    record(req, "answer", now)
    return message


def solved_text(req: SupportRequest) -> str:
    return SOLVED_TEXT.get(req.language.value).format(portal=PROFILES[req.brand].portal_name)


@dataclass(frozen=True)
class Merged:
    kept: Person
    removed_ids: list[int]


def duplicate_groups(db: Session, national_number: str | None = None, limit: int = 20) -> list:
    """Back-office people recorded more than once (RG-5), as lists of records by id."""
    numbers = select(Person.national_number).group_by(Person.national_number)
    numbers = numbers.having(func.count() > 1)
    if national_number:
        numbers = numbers.where(Person.national_number == national_number)
    wanted = list(db.scalars(numbers.order_by(Person.national_number).limit(limit)))
    people = db.scalars(
        select(Person).where(Person.national_number.in_(wanted)).order_by(Person.id)
    )
    groups: dict[str, list[Person]] = {n: [] for n in wanted}
    for person in people:
        groups[person.national_number].append(person)
    return list(groups.values())


def merge_records(db: Session, national_number: str, keep_id: int | None, now: datetime) -> Merged:
    """RG-5: fold every duplicate record of one national number into one (the lowest id
    unless told): contracts move with their documents, then accounts, codes, contact
    changes, requests, messages and exceptions; the duplicates are deleted."""
    groups = duplicate_groups(db, national_number, limit=1)
    if not groups:
        raise DeskError(409, "no_duplicate", "This national number is recorded only once.")
    records = groups[0]
    keep = records[0] if keep_id is None else next((p for p in records if p.id == keep_id), None)
    if keep is None:
        raise DeskError(422, "invalid_keep", "keep_person_id is not one of the duplicates.")
    removed = [p for p in records if p.id != keep.id]
    for other in removed:
        _absorb(db, keep, other, now)
    db.flush()
    db.expire_all()
    return Merged(keep, [p.id for p in removed])


def _absorb(db: Session, keep: Person, other: Person, now: datetime) -> None:
    for field in ("email", "mobile", "company_number"):
        if getattr(keep, field) is None and getattr(other, field) is not None:
            setattr(keep, field, getattr(other, field))
    db.execute(update(Contract).where(Contract.holder_id == other.id).values(holder_id=keep.id))
    kept_brands = set(db.scalars(select(Account.brand).where(Account.person_id == keep.id)))
    for account in db.scalars(select(Account).where(Account.person_id == other.id)).all():
        if account.brand in kept_brands:  # one account per brand and person (BR-1, RG-7)
            db.execute(delete(Account).where(Account.id == account.id))
        else:
            db.execute(update(Account).where(Account.id == account.id).values(person_id=keep.id))
            kept_brands.add(account.brand)
    for model in (ActivationCode, PendingRegistration, ContactChange, SupportRequest):
        db.execute(update(model).where(model.person_id == other.id).values(person_id=keep.id))
    for model in (OutboxMessage, PaperException):
        db.execute(update(model).where(model.person_id == other.id).values(person_id=keep.id))
    if kept_brands:  # a registered brand needs no activation code any more
        db.execute(
            update(ActivationCode)
            .where(
                ActivationCode.person_id == keep.id,
                ActivationCode.brand.in_(kept_brands),
                ActivationCode.used_at.is_(None),
                ActivationCode.voided_at.is_(None),
            )
            .values(voided_at=now)
        )
    db.execute(delete(Person).where(Person.id == other.id))


def merge(db: Session, req: SupportRequest, body: dict, now: datetime) -> Merged:
    """Support solves a registration problem by merging the duplicate records, then
    tells the requester by email that registration now works."""
    check_action(req, "merge")
    number = body.get("national_number") or number_of(db, req)
    if not isinstance(number, str) or not number.strip():
        raise DeskError(422, "national_number_required", "Give the national_number to merge.")
    keep_id = body.get("keep_person_id")
    if keep_id is not None and (isinstance(keep_id, bool) or not isinstance(keep_id, int)):
        raise DeskError(422, "invalid_keep", "keep_person_id must be a person id.")
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    if len(digits) != 11:
        raise DeskError(422, "invalid_national_number", "A national number has 11 digits.")
    merged = merge_records(db, digits, keep_id, now)
    if req.email:
        portal = PROFILES[req.brand].portal_name
        subject = ANSWER_SUBJECT.get(req.language.value).format(portal=portal)
        send_email(db, req, "registration_solved_email", subject, solved_text(req), now)
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
