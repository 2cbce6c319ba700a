"""Reading the outbox as the customer's letterbox and phone: filters, newest first, and
a message's content (subject, body, code) only once delivered (RG-1, RG-2, RG-6).

The one way to read what has not arrived is the explicitly named option `reveal`
(`?reveal=undelivered`, `--reveal-undelivered`): pages and answers that use it say
that realism is broken, and mark each message shown that way as revealed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import Integer, Select, String, bindparam, column, select, table
from sqlalchemy.orm import Session

from models import Channel, OutboxMessage, outbox_search
from models.enums import Brand, Language
from models.outbox import DeliveryStatus, delivery_status
from portal.backoffice.search import escape_like

REVEAL_UNDELIVERED = "undelivered"
PAGE_SIZE = 50  # messages per page, newest first; `before` turns the page
LAST_ID = 2**63 - 1  # the largest id a `before` may give
# Control characters (a NUL byte: PostgreSQL refuses it) and lone surrogates (no UTF-8).
UNSTORABLE = ("Cc", "Cs")


@dataclass(frozen=True)
class OutboxFilter:
    brand: Brand | None = None
    channel: Channel | None = None
    recipient: str | None = None
    kind: str | None = None
    limit: int = PAGE_SIZE
    reveal: bool = False  # show the content of messages not (or never) delivered
    before: int | None = None  # only messages older than this id (the next page)

    @classmethod
    def parse(cls, args) -> OutboxFilter:
        """From query arguments; unknown values, and text with control characters (a NUL
        byte), raise ValueError with the field name."""

        def text(name, size):
            raw = (args.get(name) or "").strip()
            if any(unicodedata.category(ch) in UNSTORABLE for ch in raw):
                raise ValueError(name)
            return raw[:size] or None

        def enum(name, kind):
            raw = text(name, 40)
            if raw is None:
                return None
            try:
                return kind(raw)
            except ValueError as exc:
                raise ValueError(name) from exc

        limit = _bounded(args.get("limit"), "limit", 1000) or PAGE_SIZE
        reveal = text("reveal", 20)
        if reveal not in (None, REVEAL_UNDELIVERED):
            raise ValueError("reveal")
        return cls(
            brand=enum("brand", Brand),
            channel=enum("channel", Channel),
            recipient=text("recipient", 300),
            kind=text("kind", 40),
            limit=limit,
            reveal=reveal is not None,
            before=_bounded(args.get("before"), "before", LAST_ID),
        )


def _bounded(raw: object, name: str, largest: int) -> int | None:
    """A whole number from 1 to `largest` written in ASCII digits (or given as a number,
    by the command line), None when absent; anything else raises ValueError naming it."""
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= largest:
        raise ValueError(name)
    return int(text)


class Message(NamedTuple):
    """One outbox message as the console reads it: the row's columns as a plain tuple
    (issue 12: a page of 50 or an API answer of 100 builds no ORM entity), with the same
    names and `status` as models.outbox.OutboxMessage."""

    id: int
    brand: Brand
    channel: Channel
    kind: str
    language: Language
    recipient: str
    subject: str
    body: str
    code: str | None
    person_id: int | None
    posted_at: datetime
    deliver_at: datetime
    lost: bool

    def status(self, now: datetime) -> DeliveryStatus:
        return delivery_status(self.channel, bool(self.lost), self.deliver_at, now)


MESSAGE = OutboxMessage.__table__.c
FILTERS = ("before", "brand", "channel", "kind", "recipient")


#: SQLite's trigram index of the recipients (models.outbox_search), as a table to join.
RECIPIENT_INDEX = table(outbox_search.NAME, column("rowid", Integer), column("recipient", String))
#: How the recipient is looked for: PostgreSQL's ILIKE (its trigram index, migration
#: 0015), SQLite's trigram index, or SQLite's LIKE (fewer than 3 characters, or no FTS5).
ILIKE, TRIGRAMS, LIKE = "ilike", "trigrams", "like"


@cache
def _statement(given: frozenset[str], search: str) -> Select:
    """The page's statement for the filters `given`, built once: a request only binds
    its values. The recipient is a substring, letter case aside. SQLite's trigram index
    hands its messages newest first, so the page is read from it and stops at `limit`;
    SQLite's LIKE already ignores ASCII case (no lower() per row)."""
    query = select(*(MESSAGE[name] for name in Message._fields))
    newest = MESSAGE.id
    if "recipient" in given:
        pattern = bindparam("recipient", type_=String)
        if search == TRIGRAMS:
            index = RECIPIENT_INDEX.c
            query = query.select_from(
                RECIPIENT_INDEX.join(OutboxMessage.__table__, MESSAGE.id == index.rowid)
            ).where(index.recipient.match(pattern))
            newest = index.rowid  # the index walks its own rowids, newest first
        else:
            match = MESSAGE.recipient.like if search == LIKE else MESSAGE.recipient.ilike
            query = query.where(match(pattern, escape="\\"))
    if "before" in given:
        query = query.where(newest < bindparam("before", type_=Integer))
    for name in ("brand", "channel", "kind"):
        if name in given:
            query = query.where(MESSAGE[name] == bindparam(name, type_=MESSAGE[name].type))
    return query.order_by(newest.desc()).limit(bindparam("limit", type_=Integer))


def recipient_search(dialect: str, recipient: str | None) -> str:
    """ILIKE on PostgreSQL; on SQLite the trigram index for 3 characters or more where
    SQLite has it, else LIKE."""
    if dialect != "sqlite":
        return ILIKE
    if recipient and len(recipient) >= outbox_search.SHORTEST and outbox_search.available():
        return TRIGRAMS
    return LIKE


def list_messages(db: Session, f: OutboxFilter) -> list[Message]:
    """One page of messages, newest first: a walk down the primary key (or the
    recipients' index) from `before` (keyset pagination), however many messages the
    outbox holds."""
    search = recipient_search(db.get_bind().dialect.name, f.recipient)
    values: dict[str, object] = {"limit": f.limit}
    for name in FILTERS:
        value = getattr(f, name)
        if value:
            values[name] = value
    if f.recipient:
        values["recipient"] = (
            outbox_search.phrase(f.recipient)
            if search == TRIGRAMS
            else f"%{escape_like(f.recipient)}%"
        )
    given = frozenset(values) - {"limit"}
    return [Message._make(row) for row in db.execute(_statement(given, search), values)]


class Shown(NamedTuple):
    """One message as the console shows it: its envelope always, its content only when
    delivered, or when revealed (realism broken)."""

    message: Message | OutboxMessage
    status: DeliveryStatus
    readable: bool
    revealed: bool


def shown(message: Message | OutboxMessage, now: datetime, reveal: bool = False) -> Shown:
    status = message.status(now)
    delivered = status == DeliveryStatus.DELIVERED
    return Shown(message, status, delivered or reveal, reveal and not delivered)


def realism(reveal: bool) -> str:
    """`broken` when undelivered content was asked for, else `kept`."""
    return "broken" if reveal else "kept"
