"""The portal's own records: customer accounts, one per brand and person (BR-1, RG-7)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.backoffice import Person
from models.base import Base
from models.enums import Brand, Language


class Account(Base):
    """A customer's account in one brand's portal.

    `email` holds the normalised address (trimmed, lower case) so that the unique
    constraint enforces RG-7 per brand in the database itself.
    """

    __tablename__ = "account"
    __table_args__ = (
        UniqueConstraint("brand", "email"),
        UniqueConstraint("brand", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(
        Enum(Brand, native_enum=False, values_callable=lambda e: [m.value for m in e], length=20)
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[Language] = mapped_column(
        Enum(Language, native_enum=False, values_callable=lambda e: [m.value for m in e], length=20)
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    digital_consent_at: Mapped[datetime] = mapped_column(DateTime)

    person: Mapped[Person] = relationship(lazy="raise")


def normalise_email(address: str) -> str:
    """RG-7 compares addresses case- and space-insensitively."""
    return "".join(address.split()).lower()
