"""The insurer's intermediaries: P&V agents (Connect 360) and Vivium brokers (V-Connect).

Every contract sits in the portfolio of one intermediary of its brand, who stays the
customer's first point of contact for that brand (BK-3). The seeded intermediaries have a
password for the tools' sign-in; generated ones sign in through the single sign-on stub.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Brand, Language


class Intermediary(Base):
    __tablename__ = "intermediary"

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand), index=True)
    producer_number: Mapped[str] = mapped_column(String(10), unique=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    office: Mapped[str] = mapped_column(String(120))
    city: Mapped[str] = mapped_column(String(80))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(255))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
