"""Reading the outbox: filters, newest first, with the code each message carries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Channel, OutboxMessage
from models.enums import Brand


@dataclass(frozen=True)
class OutboxFilter:
    brand: Brand | None = None
    channel: Channel | None = None
    recipient: str | None = None
    kind: str | None = None
    limit: int = 100

    @classmethod
    def parse(cls, args) -> OutboxFilter:
        """From query arguments; unknown values raise ValueError with the field name."""

        def enum(name, kind):
            raw = (args.get(name) or "").strip()
            if not raw:
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
        return cls(
            brand=enum("brand", Brand),
            channel=enum("channel", Channel),
            recipient=(args.get("recipient") or "").strip()[:300] or None,
            kind=(args.get("kind") or "").strip()[:40] or None,
            limit=limit,
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


def as_json(message: OutboxMessage, now: datetime) -> dict:
    return {
        "id": message.id,
        "brand": message.brand.value,
        "channel": message.channel.value,
        "kind": message.kind,
        "language": message.language.value,
        "recipient": message.recipient,
        "subject": message.subject,
        "body": message.body,
        "code": message.code,
        "posted_at": message.posted_at.isoformat(),
        "deliver_at": message.deliver_at.isoformat(),
        "lost": message.lost,
        "delivered": message.delivered(now),
    }
