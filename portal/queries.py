"""Reads of the back office for the customer pages, each a fixed number of queries.

The statements are built once, with bound parameters: building a SELECT costs more
than running it on the hot path of every page (issue 12).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, selectinload

from models import Contract, Document
from models.enums import LIFE_DOCUMENT_KINDS, Brand

_HOLDER_IN_BRAND = (
    Contract.holder_id == bindparam("person_id"),
    Contract.brand == bindparam("brand"),
)
_BRAND_CONTRACTS = select(Contract).where(*_HOLDER_IN_BRAND).order_by(Contract.id)
_CONTRACT_WITH_DETAILS = (
    select(Contract)
    .options(selectinload(Contract.components), selectinload(Contract.beneficiaries))
    .where(Contract.number == bindparam("number"), *_HOLDER_IN_BRAND)
)
_LIFE_DOCUMENTS = select(Document).where(
    Document.contract_id.in_(bindparam("ids", expanding=True)),
    Document.kind.in_(LIFE_DOCUMENT_KINDS),
)
_DOCUMENT_OF = (
    select(Document)
    .options(joinedload(Document.contract))
    .join(Contract)
    .where(Document.id == bindparam("document_id"), *_HOLDER_IN_BRAND)
)


def brand_contracts(session: Session, person_id: int, brand: Brand) -> list[Contract]:
    """Every contract of one brand held by this person (one query)."""
    return list(session.scalars(_BRAND_CONTRACTS, {"person_id": person_id, "brand": brand}))


def contract_with_details(
    session: Session, person_id: int, brand: Brand, number: str
) -> Contract | None:
    """One contract of this person in this brand, with composition and beneficiaries."""
    values = {"person_id": person_id, "brand": brand, "number": number}
    return session.scalars(_CONTRACT_WITH_DETAILS, values).one_or_none()


def life_documents(session: Session, contract_ids: Iterable[int]) -> list[Document]:
    """The life documents of these contracts (one query)."""
    ids = list(contract_ids)
    if not ids:
        return []
    return list(session.scalars(_LIFE_DOCUMENTS, {"ids": ids}))


def document_of(
    session: Session, person_id: int, brand: Brand, document_id: int
) -> Document | None:
    """One document, only if its contract is this person's in this brand."""
    values = {"person_id": person_id, "brand": brand, "document_id": document_id}
    return session.scalars(_DOCUMENT_OF, values).one_or_none()
