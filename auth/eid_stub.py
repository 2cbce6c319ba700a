"""The simulator's virtual eID card reader: the card rules and the cards' state (RG-1).

Every simulated card has the PIN `PIN`. The card itself checks the PIN first: a wrong
PIN counts, the third in a row blocks the card for good, and a correct PIN resets the
count. The portal then reads the card's certificate and refuses an expired card
(valid until a day before the simulated date). A person without a row in
`stub_eid_card` has a valid, unblocked card with no end date.

State lives in the database, so that every worker agrees. No Flask here: the callers
own the session and commit.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from stdnum.be import nn

from auth.errors import (
    AuthRefusal,
    EidCardBlocked,
    EidCardExpired,
    EidReaderMissing,
    EidWrongPin,
)
from auth.validation import without_controls
from models import EidCard, Person
from models.sim import FaultName, fault_on

PIN = "1234"
MAX_WRONG_PINS = 3
OPEN_ENDED = date(9999, 12, 31)
FAULT = FaultName.EID_READER_MISSING
SEARCH_LIMIT = 20
MAX_INPUT = 80
PIN_FORMAT = re.compile(r"[0-9]{4,12}")


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    WRONG_PIN = "wrong_pin"
    BLOCKED = "blocked"
    EXPIRED = "expired"


REFUSALS: dict[Outcome, type[AuthRefusal]] = {
    Outcome.WRONG_PIN: EidWrongPin,
    Outcome.BLOCKED: EidCardBlocked,
    Outcome.EXPIRED: EidCardExpired,
}


@dataclass(frozen=True)
class PinCheck:
    """What the reader answers to one PIN entry."""

    outcome: Outcome
    tries_left: int

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED

    def refusal(self) -> AuthRefusal | None:
        kind = REFUSALS.get(self.outcome)
        return kind() if kind else None


@dataclass(frozen=True)
class CardHolder:
    """A card the tester can insert: its holder as the back office knows them."""

    national_number: str
    name: str | None
    status: Outcome  # ACCEPTED (valid), BLOCKED or EXPIRED
    valid_until: date | None  # None: no end date
    tries_left: int

    @property
    def formatted(self) -> str:
        return nn.format(self.national_number)


def new_card(national_number: str) -> EidCard:
    """The card of a person with no row yet: valid, no end date, no wrong PIN."""
    return EidCard(
        national_number=national_number, valid_until=OPEN_ENDED, wrong_pins=0, blocked=False
    )


def pin_format_ok(pin: str | None) -> bool:
    """A PIN pad accepts 4 to 12 digits; anything else is never sent to the card."""
    return bool(pin) and PIN_FORMAT.fullmatch(pin) is not None


def check_pin(card: EidCard, pin: str, today: date) -> PinCheck:
    """RG-1: the card's answer to a PIN; updates the card's counters in place."""
    if card.blocked:
        return PinCheck(Outcome.BLOCKED, 0)
    if not secrets.compare_digest(pin.encode(), PIN.encode()):
        card.wrong_pins = (card.wrong_pins or 0) + 1
        if card.wrong_pins >= MAX_WRONG_PINS:
            card.blocked = True
            return PinCheck(Outcome.BLOCKED, 0)
        return PinCheck(Outcome.WRONG_PIN, MAX_WRONG_PINS - card.wrong_pins)
    card.wrong_pins = 0
    if card.valid_until < today:
        return PinCheck(Outcome.EXPIRED, MAX_WRONG_PINS)
    return PinCheck(Outcome.ACCEPTED, MAX_WRONG_PINS)


def card_status(card: EidCard, today: date) -> Outcome:
    """What the reader shows before any PIN: valid (ACCEPTED), BLOCKED or EXPIRED."""
    if card.blocked:
        return Outcome.BLOCKED
    if card.valid_until < today:
        return Outcome.EXPIRED
    return Outcome.ACCEPTED


def require_reader(reader_missing: bool) -> None:
    """RG-1: with the fault "eid_reader_missing" on, the middleware finds no reader."""
    if reader_missing:
        raise EidReaderMissing()


def clean_text(raw: str | None, limit: int = MAX_INPUT) -> str:
    """Typed text without control characters (NUL included), trimmed and capped."""
    return without_controls(raw, limit)


def parse_national_number(raw: str | None) -> str | None:
    """The 11 digits of a valid Belgian national register number, or None.

    Spaces, dots and dashes are allowed (90.01.01-123.95)."""
    text = (raw or "").strip()
    if not text or len(text) > 20 or not text.isprintable():
        return None
    digits = nn.compact(text)
    if not (digits.isascii() and digits.isdigit()):
        return None
    return digits if nn.is_valid(digits) else None


# --- the cards' state in the database -------------------------------------------------


def reader_missing(session: Session) -> bool:
    return fault_on(session, FAULT)


def _insert_if_missing(session: Session, national_number: str) -> None:
    """Create the card's row if there is none, taking the write lock on SQLite."""
    values = {
        "national_number": national_number,
        "valid_until": OPEN_ENDED,
        "wrong_pins": 0,
        "blocked": False,
    }
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite_insert if dialect == "sqlite" else pg_insert
        session.execute(insert(EidCard).values(**values).on_conflict_do_nothing())
    elif session.get(EidCard, national_number) is None:
        session.add(EidCard(**values))
        session.flush()


def enter_pin(session: Session, national_number: str, pin: str, today: date) -> PinCheck:
    """RG-1: a PIN typed on the reader for this card; the row is locked while it counts
    (the caller commits)."""
    _insert_if_missing(session, national_number)
    card = session.execute(
        select(EidCard)
        .where(EidCard.national_number == national_number)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()
    check = check_pin(card, pin, today)
    session.flush()
    return check


def unblock(session: Session, national_number: str) -> bool:
    """The console's and API's "unblock this card" (RG-1): the card works again with a
    fresh count of wrong PINs, as after a PUK at the municipality. False when the card
    was not blocked."""
    result = session.execute(
        update(EidCard)
        .where(EidCard.national_number == national_number, EidCard.blocked.is_(True))
        .values(blocked=False, wrong_pins=0)
    )
    return result.rowcount == 1


def blocked_cards(session: Session, today: date, limit: int = SEARCH_LIMIT) -> list[CardHolder]:
    """The blocked cards, for the console, with their holders' names."""
    numbers = session.scalars(
        select(EidCard.national_number)
        .where(EidCard.blocked.is_(True))
        .order_by(EidCard.national_number)
        .limit(limit)
    )
    return [holder_of(session, number, today) for number in numbers]


def _holders(session: Session, rows, today: date) -> list[CardHolder]:
    numbers = [row[0] for row in rows]
    cards = {
        c.national_number: c
        for c in session.scalars(select(EidCard).where(EidCard.national_number.in_(numbers)))
    }
    made = []
    for number, name in rows:
        card = cards.get(number) or new_card(number)
        status = card_status(card, today)
        tries = 0 if card.blocked else MAX_WRONG_PINS - (card.wrong_pins or 0)
        until = None if card.valid_until == OPEN_ENDED else card.valid_until
        made.append(CardHolder(number, name, status, until, tries))
    return made


def search_holders(
    session: Session, query: str, today: date, limit: int = SEARCH_LIMIT
) -> list[CardHolder]:
    """Cards of the back office's people, one per national number, by name or by
    (part of) the national number; the first `limit` by name."""
    first, last = func.min(Person.first_name), func.min(Person.last_name)
    stmt = select(Person.national_number, first, last).group_by(Person.national_number)
    query = clean_text(query)
    digits = re.sub(r"[\s.\-]", "", query)
    if digits and digits.isascii() and digits.isdigit():
        stmt = stmt.where(Person.national_number.contains(digits, autoescape=True))
    else:
        for word in query.split()[:5]:
            stmt = stmt.where(
                Person.first_name.icontains(word, autoescape=True)
                | Person.last_name.icontains(word, autoescape=True)
            )
    stmt = stmt.order_by(last, first, Person.national_number).limit(limit)
    rows = [(number, f"{f} {la}") for number, f, la in session.execute(stmt)]
    return _holders(session, rows, today)


def holder_of(session: Session, national_number: str, today: date) -> CardHolder:
    """The card of one national number; its holder's name if the back office knows it."""
    person = session.scalars(
        select(Person).where(Person.national_number == national_number).order_by(Person.id)
    ).first()
    name = person.full_name if person else None
    return _holders(session, [(national_number, name)], today)[0]
