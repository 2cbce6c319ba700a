"""Paper-mail exceptions to digital documents (DC-3).

Registering means consenting to digital documents (`Account.digital_consent_at`);
a customer who needs paper gets an exception, asked for by the intermediary and
handled by hand by support. An approved exception switches that customer, in that
brand, to letters; refused and revoked ones are kept for the record.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Brand


class PaperStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"
    REVOKED = "revoked"


class PaperException(Base):
    """One request for paper mail by one customer in one brand, and what became of it."""

    __tablename__ = "paper_exception"
    __table_args__ = (Index("ix_paper_exception_person_brand", "person_id", "brand"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[PaperStatus] = mapped_column(
        str_enum(PaperStatus), default=PaperStatus.REQUESTED
    )
    support_request_id: Mapped[int | None] = mapped_column(
        ForeignKey("support_request.id", ondelete="SET NULL")
    )
    requested_by: Mapped[str] = mapped_column(String(20), default="broker")
    reason: Mapped[str | None] = mapped_column(Text)  # why the intermediary asks
    decision_note: Mapped[str | None] = mapped_column(Text)  # support's last decision
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
