"""Everything the insurer "sends": letters, SMS and emails land here, never outside.

The outbox is the customer's letterbox and phone: a message is readable (its subject,
body and code) only once delivered (RG-1, RG-2, RG-6). `delivery_status` is the rule.
Messages are written by one function, models.outbox_writer.post_message, from the
template files of models/messages/.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models import outbox_search
from models.base import Base, str_enum
from models.enums import Brand, Language


class Channel(StrEnum):
    LETTER = "letter"
    SMS = "sms"
    EMAIL = "email"


class DeliveryStatus(StrEnum):
    """Where a message is, as the customer would know it."""

    IN_TRANSIT = "in_transit"  # posted, not in the letterbox (or on the phone) yet
    DELIVERED = "delivered"  # the customer can read it
    LOST = "lost"  # a letter lost in the post (fault `letter_lost`): never readable
    NOT_DELIVERED = "not_delivered"  # an SMS or email that never came (`sms_not_delivered`)


def delivery_status(
    channel: Channel, lost: bool, deliver_at: datetime, now: datetime
) -> DeliveryStatus:
    """RG-1, RG-2, RG-6: a message lost by a fault never arrives (a letter is `lost`, an
    SMS or email `not_delivered`); any other is `in_transit` until `deliver_at` and
    `delivered` from `deliver_at` on (for a letter, 08:00 of its delivery day)."""
    if lost:
        return DeliveryStatus.LOST if channel == Channel.LETTER else DeliveryStatus.NOT_DELIVERED
    if now < deliver_at:
        return DeliveryStatus.IN_TRANSIT
    return DeliveryStatus.DELIVERED


class OutboxMessage(Base):
    """One message; see `delivery_status` for when the customer has it."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_brand_posted", "brand", "posted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel))
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    recipient: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    code: Mapped[str | None] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    posted_at: Mapped[datetime] = mapped_column(DateTime)
    deliver_at: Mapped[datetime] = mapped_column(DateTime)
    lost: Mapped[bool] = mapped_column(Boolean, default=False)

    def status(self, now: datetime) -> DeliveryStatus:
        return delivery_status(self.channel, bool(self.lost), self.deliver_at, now)

    def delivered(self, now: datetime) -> bool:
        return self.status(now) == DeliveryStatus.DELIVERED


# SQLite: the recipients' trigram index comes and goes with the table (issue 12).
outbox_search.attach(OutboxMessage.__table__)
