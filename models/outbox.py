"""Everything the insurer "sends": letters, SMS and emails land here, never outside."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Brand, Language


class Channel(StrEnum):
    LETTER = "letter"
    SMS = "sms"
    EMAIL = "email"


class OutboxMessage(Base):
    """One message. A letter counts as delivered from `deliver_at` on, unless lost."""

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

    def delivered(self, now: datetime) -> bool:
        return not self.lost and now >= self.deliver_at
