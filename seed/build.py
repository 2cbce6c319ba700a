"""Builders of back-office rows with keyword overrides, shared by personas and tests."""

from __future__ import annotations

from datetime import date, datetime
from itertools import count

from sqlalchemy.orm import Session

from models import (
    Account,
    Beneficiary,
    Brand,
    Contract,
    ContractStatus,
    Document,
    DocumentKind,
    Language,
    LifeComponent,
    Line,
    Person,
    Segment,
    normalise_email,
)
from models.brands import DEFAULT_BRAND
from models.enums import VehicleKind
from seed.identifiers import national_number, serial_for

_serials = count(1)
_numbers = count(9_000_001)

LIFE_PRODUCTS = {
    "life_pension_savings",
    "life_long_term_savings",
    "life_eip",
    "life_plci",
    "life_savings",
    "life_investment",
    "life_death",
    "life_death_standalone",
    "life_income_standalone",
}


def add_person(session: Session, **fields) -> Person:
    """A back-office person; any field left out gets a plain default."""
    birth = fields.pop("birth_date", date(1980, 5, 17))
    sex = fields.pop("sex", "F")
    serial = fields.pop("serial", None) or serial_for(sex, next(_serials))
    values = {
        "national_number": national_number(birth, serial),
        "first_name": "Anne",
        "last_name": "Test",
        "birth_date": birth,
        "sex": sex,
        "language": Language.FR,
        "segment": Segment.PRIVATE,
        "street": "Rue de la Loi",
        "house_number": "16",
        "postcode": "1000",
        "city": "Bruxelles",
        "email": None,
        "mobile": None,
    }
    values.update(fields)
    person = Person(**values)
    session.add(person)
    return person


def add_contract(session: Session, holder: Person, product: str, **fields) -> Contract:
    """A contract of `holder`; life or non-life follows from the product code."""
    components = fields.pop("components", [])
    beneficiaries = fields.pop("beneficiaries", [])
    values = {
        "number": str(next(_numbers)),
        "brand": DEFAULT_BRAND,
        "product": product,
        "line": Line.LIFE if product in LIFE_PRODUCTS else Line.NON_LIFE,
        "status": ContractStatus.ACTIVE,
        "start_date": date(2020, 1, 1),
        "renewal_date": date(2027, 1, 1),
        "annual_premium_cents": 50_000,
        "covered": [],
    }
    values.update(fields)
    if isinstance(values.get("vehicle_kind"), str):
        values["vehicle_kind"] = VehicleKind(values["vehicle_kind"])
    contract = Contract(holder=holder, **values)
    for position, part in enumerate(components):
        contract.components.append(LifeComponent(position=position, **part))
    for position, who in enumerate(beneficiaries):
        contract.beneficiaries.append(Beneficiary(position=position, **who))
    session.add(contract)
    return contract


def add_life_documents(
    session: Session, contract: Contract, years: range | list[int]
) -> list[Document]:
    """The three life documents of each year (DC-1): premium proof, tax certificate,
    annual statement. Non-life documents come from `add_document`."""
    docs = []
    for year in years:
        saved = contract.savings_cents or 0
        factor = max(0.4, 1 - 0.08 * (max(years) - year))
        amounts = {
            DocumentKind.PREMIUM_PROOF: contract.annual_premium_cents,
            DocumentKind.TAX_CERTIFICATE: min(contract.annual_premium_cents, 101_000),
            DocumentKind.ANNUAL_STATEMENT: int(saved * factor),
        }
        issued = {
            DocumentKind.PREMIUM_PROOF: date(year, 12, 20),
            DocumentKind.TAX_CERTIFICATE: date(year + 1, 2, 15),
            DocumentKind.ANNUAL_STATEMENT: date(year + 1, 1, 31),
        }
        for kind, amount in amounts.items():
            docs.append(add_document(session, contract, kind, year, issued[kind], amount))
    return docs


def add_document(
    session: Session,
    contract: Contract,
    kind: DocumentKind,
    year: int,
    issued_on: date | None = None,
    amount_cents: int | None = None,
) -> Document:
    doc = Document(
        contract=contract,
        kind=kind,
        year=year,
        issued_on=issued_on or date(year, 12, 31),
        amount_cents=amount_cents,
    )
    session.add(doc)
    return doc


def add_account(session: Session, person: Person, brand: Brand, **fields) -> Account:
    """A portal account of `person` in `brand` (registration itself is another flow)."""
    now = fields.pop("now", datetime(2026, 1, 1, 9, 0))
    values = {
        "email": normalise_email(
            fields.pop("email", None) or f"customer{person.id or ''}@example.be"
        ),
        "language": person.language,
        "created_at": now,
        "digital_consent_at": now,
    }
    values.update(fields)
    account = Account(brand=brand, person=person, **values)
    session.add(account)
    return account
