"""The VIVIUM S² Pack's box and what happened to it (S2-1..S2-8).

One `S2Box` per Vivium car contract holding the option: its stage, the moments of its
life (subscribed, sent, received, installed, out of order, adjusted, ended), the date it
was placed (which decides the anomaly SMS's number, S2-7), the credentials of the
personal page (S2-6) and the discount the pack gives (S2-8). `S2Event` logs every
impact, call, tow truck, SMS and letter, pointing to the outbox message when there is
one. Trips are not stored: they are generated from `trip_seed` and the clock.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.backoffice import Contract
from models.base import Base, str_enum


class S2Stage(StrEnum):
    """Where a box is in its life (S2-5, S2-7, S2-8)."""

    ORDERED = "ordered"  # contract signed, welcome SMS sent
    SENT = "sent"  # delivery SMS sent
    RECEIVED = "received"  # installation deadline running
    ACTIVE = "active"  # installed: e-call, tracking, personal page data
    ANOMALY = "anomaly"  # out of order, waiting for regularisation
    LAPSED = "lapsed"  # not installed or not regularised: premium adjusted
    ENDED = "ended"  # the customer stopped the pack


class S2Box(Base):
    __tablename__ = "s2_box"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), unique=True
    )
    # the open boxes the clock plays are found by their stage (issue 12)
    stage: Mapped[S2Stage] = mapped_column(str_enum(S2Stage), index=True)
    serial: Mapped[str] = mapped_column(String(20), unique=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    discount_cents: Mapped[int] = mapped_column(Integer)
    trip_seed: Mapped[int] = mapped_column(Integer)
    subscribed_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    installed_at: Mapped[datetime | None] = mapped_column(DateTime)
    placed_on: Mapped[date | None] = mapped_column(Date)
    anomaly_at: Mapped[datetime | None] = mapped_column(DateTime)
    month_reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    late_reminders: Mapped[int] = mapped_column(Integer, default=0)
    adjusted_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)

    contract: Mapped[Contract] = relationship(lazy="raise")


class S2Event(Base):
    __tablename__ = "s2_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("s2_box.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="SET NULL")
    )
