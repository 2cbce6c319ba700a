"""The portal's own records: accounts (one per brand and person, BR-1, RG-7), the
identities that log into them, and support requests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.backoffice import Person
from models.base import Base, str_enum
from models.enums import Brand, Language


class Account(Base):
    """A customer's account in one brand's portal.

    `email` holds the normalised address (no spaces, lower case) so that the unique
    constraint enforces RG-7 per brand in the database itself. Accounts made with
    personal data have a password, a confirmed mobile number and an HOTP secret whose
    server-side counter numbers the SMS codes (RG-2).
    """

    __tablename__ = "account"
    __table_args__ = (
        UniqueConstraint("brand", "email"),
        UniqueConstraint("brand", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    method: Mapped[str] = mapped_column(String(20), default="test")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    digital_consent_at: Mapped[datetime] = mapped_column(DateTime)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    mobile: Mapped[str | None] = mapped_column(String(16))
    otp_secret: Mapped[str | None] = mapped_column(String(64))
    otp_counter: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(lazy="raise")


class IdentityLink(Base):
    """An itsme or eID identity that logs straight into an account (RG-1)."""

    __tablename__ = "identity_link"
    __table_args__ = (UniqueConstraint("brand", "provider", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    provider: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(128))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    account: Mapped[Account] = relationship(lazy="raise")


class PortalSession(Base):
    """A logged-in session, so that logging out ends it on the server: a session cookie
    copied before the logout no longer logs anybody in. Only a hash of the session's
    token is stored."""

    __tablename__ = "portal_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    method: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # The last activity the idle timeout counts from (refreshed at most every 30 s),
    # so that the console can say when the session expires.
    seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Issue 19: the page the session last saw (written when it changes) and the end of a
    # trainer's watch heartbeat (wall clock), for the console's "watch".
    last_path: Mapped[str | None] = mapped_column(String(300))
    watched_until: Mapped[datetime | None] = mapped_column(DateTime)


class SupportRequest(Base):
    """A message to the brand's support mailbox (RG-5, RG-6; later DC-2, DC-3).

    `national_number` is the one itsme or the eID card proved before a refusal (RG-5):
    with it support finds the records to merge. Lists show it masked.
    """

    __tablename__ = "support_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="open")
    language: Mapped[Language] = mapped_column(str_enum(Language))
    email: Mapped[str] = mapped_column(String(254))
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_text: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
    # deferred: lists of requests never load the screenshots (up to 2 MB each)
    screenshot: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    screenshot_type: Mapped[str | None] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    national_number: Mapped[str | None] = mapped_column(String(11))
    requested_by: Mapped[str] = mapped_column(String(20), default="customer")  # or "broker"
    contract_number: Mapped[str | None] = mapped_column(String(16))
    document_kind: Mapped[str | None] = mapped_column(String(40))
    document_year: Mapped[int | None] = mapped_column(Integer)
    answer: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)

    @property
    def national_number_masked(self) -> str | None:
        return mask_national_number(self.national_number) if self.national_number else None


def mask_national_number(number: str) -> str:
    """A national number as a list may show it: only its last four digits, in the
    usual layout (85.07.30-033.28 -> **.**.**-*33.28); anything else is fully hidden."""
    digits = "".join(ch for ch in number if ch.isascii() and ch.isdigit())
    if len(digits) != 11:
        return "**.**.**-***.**"
    return f"**.**.**-*{digits[7:9]}.{digits[9:]}"


def normalise_email(address: str) -> str:
    """RG-7 compares addresses case- and space-insensitively."""
    return "".join(address.split()).lower()
