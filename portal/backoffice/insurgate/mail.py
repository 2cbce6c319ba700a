"""Insurgate's emails, all through the one outbox writer (IG-1, IG-2, IG-4).

Insurgate sends as Vivium: its TPE tool is a Vivium product.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.orm import Session

from models.brands import System, brand_of
from models.insurgate import IgUser
from models.outbox import OutboxMessage
from models.outbox_writer import message_text, post_message

BRAND = brand_of(System.INSURGATE)


def send(
    db: Session, kind: str, user: IgUser, values: Mapping[str, object], now: datetime
) -> OutboxMessage:
    """Email `user` the message `kind` (a file of models/messages), in his language."""
    return post_message(
        db,
        kind,
        brand=BRAND,
        language=user.language,
        recipient=user.email,
        values={"first_name": user.first_name, **values},
        now=now,
    )


def part(kind: str, name: str, user: IgUser) -> str:
    """A named part of a message file, in the user's language."""
    return message_text(kind, name, BRAND, user.language, {})
