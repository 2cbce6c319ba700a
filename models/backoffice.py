"""The insurer's back office as the portal reads it: people, contracts, documents.

A person may be recorded twice (same national number, two rows), as in real back
offices; registration rules (RG-5) depend on it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    JSON,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    func,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, str_enum
from models.enums import Brand, ContractStatus, DocumentKind, Language, Line, Segment, VehicleKind
from models.intermediary import Intermediary


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    national_number: Mapped[str] = mapped_column(String(11), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    language: Mapped[Language] = mapped_column(str_enum(Language))
    segment: Mapped[Segment] = mapped_column(str_enum(Segment))
    street: Mapped[str] = mapped_column(String(120))
    house_number: Mapped[str] = mapped_column(String(12))
    postcode: Mapped[str] = mapped_column(String(4))
    city: Mapped[str] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(254))
    mobile: Mapped[str | None] = mapped_column(String(16))
    company_number: Mapped[str | None] = mapped_column(String(10))

    contracts: Mapped[list[Contract]] = relationship(
        back_populates="holder", order_by="Contract.id", lazy="raise"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def address_lines(self) -> tuple[str, str]:
        return (f"{self.street} {self.house_number}", f"{self.postcode} {self.city}")


def _name_key(first: ColumnElement, second: ColumnElement) -> ColumnElement[str]:
    """lower(first || ' ' || second), written without bound parameters so that a query
    using it matches the index on it (SQLite compares the expressions)."""
    return func.lower(first.op("||")(literal_column("' '")).op("||")(second))


# The back-office name search matches a prefix of either (portal/backoffice/search.py).
PERSON_NAME_KEYS = (
    _name_key(Person.__table__.c.first_name, Person.__table__.c.last_name),
    _name_key(Person.__table__.c.last_name, Person.__table__.c.first_name),
)
Index("ix_person_name_first_last", PERSON_NAME_KEYS[0])
Index("ix_person_name_last_first", PERSON_NAME_KEYS[1])


class Contract(Base):
    """One insurance contract of one brand; the insured risk sits in typed columns."""

    __tablename__ = "contract"
    __table_args__ = (
        Index("ix_contract_holder_brand", "holder_id", "brand"),
        # BK-3: a portfolio's customers, and a search's contract numbers and plates, read
        # from the index alone (issue 12)
        Index(
            "ix_contract_intermediary_holder",
            "intermediary_id",
            "holder_id",
            "number",
            "vehicle_plate",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    brand: Mapped[Brand] = mapped_column(str_enum(Brand))
    holder_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    product: Mapped[str] = mapped_column(String(40))
    line: Mapped[Line] = mapped_column(str_enum(Line))
    status: Mapped[ContractStatus] = mapped_column(str_enum(ContractStatus))
    start_date: Mapped[date] = mapped_column(Date)
    renewal_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    annual_premium_cents: Mapped[int] = mapped_column(Integer)
    covered: Mapped[list[str]] = mapped_column(JSON, default=list)
    savings_cents: Mapped[int | None] = mapped_column(Integer)
    vehicle_kind: Mapped[VehicleKind | None] = mapped_column(str_enum(VehicleKind))
    vehicle_make: Mapped[str | None] = mapped_column(String(40))
    vehicle_model: Mapped[str | None] = mapped_column(String(60))
    vehicle_plate: Mapped[str | None] = mapped_column(String(8))
    vehicle_vin: Mapped[str | None] = mapped_column(String(17))
    vehicle_year: Mapped[int | None] = mapped_column(Integer)
    vehicle_power_kw: Mapped[int | None] = mapped_column(Integer)
    vehicle_mass_kg: Mapped[int | None] = mapped_column(Integer)
    main_driver: Mapped[str | None] = mapped_column(String(120))
    risk_address: Mapped[str | None] = mapped_column(String(200))
    risk_note: Mapped[str | None] = mapped_column(String(200))
    # BK-3: the agent or broker whose portfolio holds the contract (models/intermediary.py)
    intermediary_id: Mapped[int | None] = mapped_column(
        ForeignKey("intermediary.id", ondelete="SET NULL")
    )

    holder: Mapped[Person] = relationship(back_populates="contracts", lazy="raise")
    intermediary: Mapped[Intermediary | None] = relationship(lazy="raise")
    components: Mapped[list[LifeComponent]] = relationship(
        order_by="LifeComponent.position", lazy="raise", cascade="all, delete-orphan"
    )
    beneficiaries: Mapped[list[Beneficiary]] = relationship(
        order_by="Beneficiary.position", lazy="raise", cascade="all, delete-orphan"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="contract", lazy="raise", cascade="all, delete-orphan"
    )


class LifeComponent(Base):
    """A part of a life contract's composition (CT-3): EIP, PLCI, pension savings, ..."""

    __tablename__ = "life_component"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(40))
    savings_cents: Mapped[int | None] = mapped_column(Integer)
    insured_cents: Mapped[int | None] = mapped_column(Integer)


class Beneficiary(Base):
    __tablename__ = "beneficiary"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    event: Mapped[str] = mapped_column(String(10))  # "life" or "death"
    name: Mapped[str] = mapped_column(String(160))
    share_percent: Mapped[int] = mapped_column(Integer, default=100)


class Document(Base):
    """A document of the back office; only life kinds reach the portal (DC-1)."""

    __tablename__ = "document"
    __table_args__ = (Index("ix_document_contract_year", "contract_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"))
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind))
    year: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int | None] = mapped_column(Integer)

    contract: Mapped[Contract] = relationship(back_populates="documents", lazy="raise")
