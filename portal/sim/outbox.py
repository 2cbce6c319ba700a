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

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Channel, OutboxMessage
from models.enums import Brand
from models.outbox import DeliveryStatus
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


def list_messages(db: Session, f: OutboxFilter) -> list[OutboxMessage]:
    """One page of messages, newest first: a walk down the primary key from `before`
    (keyset pagination), however many messages the outbox holds."""
    query = select(OutboxMessage)
    if f.before:
        query = query.where(OutboxMessage.id < f.before)
    if f.brand:
        query = query.where(OutboxMessage.brand == f.brand)
    if f.channel:
        query = query.where(OutboxMessage.channel == f.channel)
    if f.kind:
        query = query.where(OutboxMessage.kind == f.kind)
    if f.recipient:
        pattern = f"%{escape_like(f.recipient)}%"
        if db.get_bind().dialect.name == "sqlite":  # its LIKE ignores ASCII case already:
            match = OutboxMessage.recipient.like(pattern, escape="\\")  # no lower() per row
        else:
            match = OutboxMessage.recipient.ilike(pattern, escape="\\")
        query = query.where(match)
    return list(db.scalars(query.order_by(OutboxMessage.id.desc()).limit(f.limit)))


@dataclass(frozen=True)
class Shown:
    """One message as the console shows it: its envelope always, its content only when
    delivered, or when revealed (realism broken)."""

    message: OutboxMessage
    status: DeliveryStatus
    readable: bool
    revealed: bool


def shown(message: OutboxMessage, now: datetime, reveal: bool = False) -> Shown:
    status = message.status(now)
    delivered = status == DeliveryStatus.DELIVERED
    return Shown(message, status, delivered or reveal, reveal and not delivered)


def realism(reveal: bool) -> str:
    """`broken` when undelivered content was asked for, else `kept`."""
    return "broken" if reveal else "kept"
