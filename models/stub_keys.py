"""Signing keys of the simulator's stub identity providers, kept in the database so
that every worker signs with the same key and publishes the same JWKS (RG-1)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class StubSigningKey(Base):
    """One private key per stub, as a JSON Web Key; the first worker to need it makes it."""

    __tablename__ = "stub_signing_key"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    private_jwk: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
