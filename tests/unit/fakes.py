"""Plain stand-ins for model rows, so that rules are tested with no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.enums import Brand, ContractStatus, DocumentKind


@dataclass
class FakeContract:
    product: str
    brand: Brand = Brand.PV
    status: ContractStatus = ContractStatus.ACTIVE
    id: int = 0
    number: str = "0"
    savings_cents: int | None = None
    covered: list[str] = field(default_factory=list)


@dataclass
class FakeDocument:
    contract_id: int
    kind: DocumentKind
    year: int
    issued_on: date = date(2000, 1, 1)
