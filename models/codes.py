"""Codes the portal issues: postal activation codes (RG-1, RG-6), pending personal-data
registrations, and SMS challenges (RG-2). Codes are kept as hashes, or for SMS as an
HOTP counter, never in clear."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.enums import Brand, Language


class ActivationCode(Base):
    """The code of one activation letter, bound to a brand, a contract and its holder;
    it works only once its letter (`letter_id`) is in the letterbox (RG-6)."""

    __tablename__ = "activation_code"
    __table_args__ = (Index("ix_activation_brand_contract", "brand", "contract_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(128))
    letter_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)


class PendingRegistration(Base):
    """Step 2 of a personal-data registration, waiting for its mobile number to be
    confirmed by SMS. Nothing of the account exists yet."""

    __tablename__ = "pending_registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    activation_code_id: Mapped[int] = mapped_column(
        ForeignKey("activation_code.id", ondelete="CASCADE")
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))
    mobile: Mapped[str] = mapped_column(String(16))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    otp_secret: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SmsChallenge(Base):
    """One SMS code sent for one login attempt or one mobile confirmation.

    The code is HOTP(secret, counter); `attempt_token` lives only in the browser session
    that asked for it, which binds the code to that attempt.
    """

    __tablename__ = "sms_challenge"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_token: Mapped[str] = mapped_column(String(64), unique=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    purpose: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    pending_id: Mapped[int | None] = mapped_column(
        ForeignKey("pending_registration.id", ondelete="CASCADE")
    )
    counter: Mapped[int] = mapped_column(Integer)
    mobile: Mapped[str] = mapped_column(String(16))
    # The SMS that carries the current code: it works only if that SMS was delivered.
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    sends: Mapped[int] = mapped_column(Integer, default=1)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
