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

REVEAL_UNDELIVERED = "undelivered"
# Control characters (a NUL byte: PostgreSQL refuses it) and lone surrogates (no UTF-8).
UNSTORABLE = ("Cc", "Cs")


@dataclass(frozen=True)
class OutboxFilter:
    brand: Brand | None = None
    channel: Channel | None = None
    recipient: str | None = None
    kind: str | None = None
    limit: int = 100
    reveal: bool = False  # show the content of messages not (or never) delivered

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

        try:
            limit = int(args.get("limit") or 100)
        except ValueError as exc:
            raise ValueError("limit") from exc
        if not 1 <= limit <= 1000:
            raise ValueError("limit")
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
        )


def list_messages(db: Session, f: OutboxFilter) -> list[OutboxMessage]:
    query = select(OutboxMessage)
    if f.brand:
        query = query.where(OutboxMessage.brand == f.brand)
    if f.channel:
        query = query.where(OutboxMessage.channel == f.channel)
    if f.kind:
        query = query.where(OutboxMessage.kind == f.kind)
    if f.recipient:
        query = query.where(
            OutboxMessage.recipient.ilike(f"%{escape_like(f.recipient)}%", escape="\\")
        )
    return list(db.scalars(query.order_by(OutboxMessage.id.desc()).limit(f.limit)))


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def as_json(message: OutboxMessage, now: datetime, reveal: bool = False) -> dict:
    """The envelope (brand, channel, kind, recipient, posted, expected delivery, status),
    and `subject`, `body` and `code` only when delivered (else null), or revealed."""
    view = shown(message, now, reveal)
    return {
        "id": message.id,
        "brand": message.brand.value,
        "channel": message.channel.value,
        "kind": message.kind,
        "language": message.language.value,
        "recipient": message.recipient,
        "status": view.status.value,
        "posted_at": message.posted_at.isoformat(),
        "expected_at": message.deliver_at.isoformat(),
        "deliver_at": message.deliver_at.isoformat(),
        "delivered": view.status == DeliveryStatus.DELIVERED,
        "lost": bool(message.lost),
        "revealed": view.revealed,
        "subject": message.subject if view.readable else None,
        "body": message.body if view.readable else None,
        "code": message.code if view.readable else None,
    }


def realism(reveal: bool) -> str:
    """`broken` when undelivered content was asked for, else `kept`."""
    return "broken" if reveal else "kept"
