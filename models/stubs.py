"""State of the simulator's stub identity providers: the itsme stub's pending
confirmations and authorization codes, and the eID cards of the virtual reader."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class ItsmeTransaction(Base):
    """An authorization request waiting on the stub's phone screen."""

    __tablename__ = "stub_itsme_transaction"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    params: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)


class ItsmeAuthCode(Base):
    """An authorization code issued by the stub, usable once at its token endpoint."""

    __tablename__ = "stub_itsme_code"

    code: Mapped[str] = mapped_column(String(128), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(40))
    redirect_uri: Mapped[str] = mapped_column(String(500))
    nonce: Mapped[str | None] = mapped_column(String(128))
    code_challenge: Mapped[str] = mapped_column(String(128))
    national_number: Mapped[str] = mapped_column(String(11))
    acr: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    used: Mapped[bool] = mapped_column(Boolean, default=False)


class EidCard(Base):
    """A card in the virtual eID reader; cards of people not listed here are valid."""

    __tablename__ = "stub_eid_card"

    national_number: Mapped[str] = mapped_column(String(11), primary_key=True)
    valid_until: Mapped[date] = mapped_column(Date)
    wrong_pins: Mapped[int] = mapped_column(Integer, default=0)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
