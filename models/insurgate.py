"""Insurgate, the brokers' small-business quoting platform (IG-1..IG-7).

An office (the broker's company) has users, groups and integrations (one per Vivium
producer number). Every office has one group flagged `is_default`: the sub-account
"Default" of the users who belong to no other group (IG-5). Quotes are filed in a group;
who sees them is decided by `portal.rules.insurgate`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Language


class IntegrationStatus(StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    REFUSED = "refused"


class TokenPurpose(StrEnum):
    INVITATION = "invitation"
    RESET = "reset"


class IgOffice(Base):
    """The broker's company, entered at the second step of the account creation (IG-1)."""

    __tablename__ = "insurgate_office"

    id: Mapped[int] = mapped_column(primary_key=True)
    trade_name: Mapped[str] = mapped_column(String(120))
    enterprise_number: Mapped[str] = mapped_column(String(12))
    street: Mapped[str] = mapped_column(String(120))
    number: Mapped[str] = mapped_column(String(20))
    postcode: Mapped[str] = mapped_column(String(4))
    city: Mapped[str] = mapped_column(String(80))
    website: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class IgUser(Base):
    """A user of the platform; the email is unique on the whole platform (IG-1, IG-4).
    Without a password hash the user is still "Invited"."""

    __tablename__ = "insurgate_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("insurgate_office.id", ondelete="CASCADE"))
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    language: Mapped[Language] = mapped_column(str_enum(Language))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    invited_at: Mapped[datetime] = mapped_column(DateTime)
    activated_at: Mapped[datetime | None] = mapped_column(DateTime)
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)


class IgGroup(Base):
    """A group of an office; only the name is required (IG-5), distinct in its office."""

    __tablename__ = "insurgate_group"
    __table_args__ = (UniqueConstraint("office_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_office.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    street: Mapped[str] = mapped_column(String(120), default="")
    number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    contact: Mapped[str] = mapped_column(String(120), default="")
    enterprise_number: Mapped[str] = mapped_column(String(12), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")


class IgMembership(Base):
    __tablename__ = "insurgate_membership"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_user.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_group.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class IgIntegration(Base):
    """A request for the TPE tool with one Vivium producer number, in one group (IG-2)."""

    __tablename__ = "insurgate_integration"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_office.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_group.id", ondelete="CASCADE"), unique=True
    )
    producer_number: Mapped[str] = mapped_column(String(10), unique=True)
    status: Mapped[IntegrationStatus] = mapped_column(str_enum(IntegrationStatus))
    requested_by: Mapped[int] = mapped_column(ForeignKey("insurgate_user.id", ondelete="CASCADE"))
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class IgToken(Base):
    """A single-use link by email: an invitation or a password reset, expiring."""

    __tablename__ = "insurgate_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_user.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[TokenPurpose] = mapped_column(str_enum(TokenPurpose))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class IgQuote(Base):
    """A quote of the TPE tool, filed in a group (IG-6); `search_text` holds every
    field entered, lower-cased, for the list's search."""

    __tablename__ = "insurgate_quote"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("insurgate_office.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(
        ForeignKey("insurgate_group.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("insurgate_user.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="active")
    company_name: Mapped[str] = mapped_column(String(120))
    activity: Mapped[str] = mapped_column(String(40))
    postcode: Mapped[str] = mapped_column(String(4))
    covers: Mapped[str] = mapped_column(String(200))
    claims_count: Mapped[int] = mapped_column(Integer)
    workers: Mapped[int] = mapped_column(Integer)
    payroll_euros: Mapped[int] = mapped_column(Integer)
    extra_legal: Mapped[bool] = mapped_column(Boolean)
    round_the_clock: Mapped[bool] = mapped_column(Boolean)
    premium_cents: Mapped[int] = mapped_column(Integer)
    search_text: Mapped[str] = mapped_column(Text)
