"""V-Connect Auto (issue 16, VA-1..VA-10): a broker's car quotes, their vehicle, chosen
guarantees, status history and documents, until the quote becomes a back-office
contract (models.backoffice.Contract) in the broker's portfolio.

The vehicle sits in the quote's own columns (one vehicle per quote); `guarantees` is the
list of chosen guarantee codes and `lines` the latest premium lines, recomputed on every
change (VA-10). `s2_pack` is the option another part of the simulator (issue 17) reads
on the issued contract through portal.backoffice.vconnect_auto.s2_pack_chosen.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, str_enum


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    ANALYSIS = "analysis"  # waiting for the company's decision
    APPROVED = "approved"
    REFUSED = "refused"
    OFFERED = "offered"  # offer PDF made
    SIGNING = "signing"  # signing email sent to the customer
    SIGNED = "signed"
    ISSUED = "issued"  # a policy (Contract) exists


# The steps that bring a demo quote to each status, walked by seed.vconnect_auto (the
# demo dataset) and by the control API's demo (portal.backoffice.vconnect_auto.demo);
# the analysis needs a vehicle above an acceptance criterion in force (VA-8).
DEMO_PATHS: dict[QuoteStatus, tuple[str, ...]] = {
    QuoteStatus.DRAFT: (),
    QuoteStatus.ANALYSIS: ("analysis",),
    QuoteStatus.APPROVED: ("analysis", "approve"),
    QuoteStatus.REFUSED: ("analysis", "refuse"),
    QuoteStatus.OFFERED: ("offer",),
    QuoteStatus.SIGNING: ("offer", "signature"),
    QuoteStatus.SIGNED: ("offer", "signature", "sign"),
    QuoteStatus.ISSUED: ("offer", "signature", "sign", "issue"),
}


class QuoteDocumentKind(StrEnum):
    OFFER = "offer"
    SIGNED_PROPOSAL = "signed_proposal"
    POLICY = "policy"
    INSURANCE_CARD = "insurance_card"
    RETURN_SLIP = "return_slip"
    ENDORSEMENT = "endorsement"
    CLAIMS_CERTIFICATE = "claims_certificate"
    UPLOAD = "upload"


class AutoQuote(Base):
    __tablename__ = "va_quote"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(12), unique=True)
    intermediary_id: Mapped[int] = mapped_column(
        ForeignKey("intermediary.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[QuoteStatus] = mapped_column(str_enum(QuoteStatus), index=True)
    line: Mapped[str] = mapped_column(String(12))  # private / commercial
    use: Mapped[str] = mapped_column(String(24))
    driver_birth_date: Mapped[date] = mapped_column(Date)
    bonus_malus: Mapped[int] = mapped_column(Integer)
    vehicle_source: Mapped[str | None] = mapped_column(String(8))  # informex / manual
    informex_code: Mapped[str | None] = mapped_column(String(8))
    vehicle_kind: Mapped[str | None] = mapped_column(String(12))
    vehicle_make: Mapped[str | None] = mapped_column(String(40))
    vehicle_model: Mapped[str | None] = mapped_column(String(60))
    vehicle_year: Mapped[int | None] = mapped_column(Integer)
    vehicle_power_kw: Mapped[int | None] = mapped_column(Integer)
    vehicle_value_euro: Mapped[int | None] = mapped_column(Integer)
    vehicle_mass_kg: Mapped[int | None] = mapped_column(Integer)
    vehicle_plate: Mapped[str | None] = mapped_column(String(8))
    vehicle_vin: Mapped[str | None] = mapped_column(String(17))
    accessories_euro: Mapped[int] = mapped_column(Integer, default=0)
    # VA-8: the leasing company in the contract, if any (no longer a reason for analysis)
    leaser: Mapped[str | None] = mapped_column(String(80))
    guarantees: Mapped[list[str]] = mapped_column(JSON, default=list)
    english_excess: Mapped[bool] = mapped_column(Boolean, default=False)
    s2_pack: Mapped[bool] = mapped_column(Boolean, default=False)
    lines: Mapped[list[list]] = mapped_column(JSON, default=list)  # [[code, cents], ...]
    premium_cents: Mapped[int] = mapped_column(Integer, default=0)
    term_days: Mapped[int] = mapped_column(Integer, default=30)
    # VA-8: annual, half_yearly, quarterly or monthly (portal.rules.vconnect_auto)
    payment_plan: Mapped[str] = mapped_column(String(12), default="annual",
                                              server_default="annual")  # fmt: skip
    # VA-10 (defect 5): the account of the direct debit, a compact IBAN, if any
    iban: Mapped[str | None] = mapped_column(String(34))
    analysed: Mapped[bool] = mapped_column(Boolean, default=False)
    duplicated_from: Mapped[str | None] = mapped_column(String(12))
    sign_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    contract_id: Mapped[int | None] = mapped_column(
        ForeignKey("contract.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    events: Mapped[list[AutoQuoteEvent]] = relationship(
        order_by="AutoQuoteEvent.id", lazy="raise", cascade="all, delete-orphan"
    )
    documents: Mapped[list[AutoQuoteDocument]] = relationship(
        order_by="AutoQuoteDocument.id", lazy="raise", cascade="all, delete-orphan"
    )


class AutoQuoteEvent(Base):
    """The status history: every change of status, and what happened without one."""

    __tablename__ = "va_quote_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("va_quote.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[QuoteStatus] = mapped_column(str_enum(QuoteStatus))
    what: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(String(200), default="")


class AutoQuoteDocument(Base):
    """A document of the quote or policy; VA-10: those of a new policy go into the
    "bloc retour"."""

    __tablename__ = "va_quote_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("va_quote.id", ondelete="CASCADE"), index=True)
    kind: Mapped[QuoteDocumentKind] = mapped_column(str_enum(QuoteDocumentKind))
    name: Mapped[str] = mapped_column(String(120))
    in_bloc_retour: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
