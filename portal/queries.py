"""Reads of the back office for the customer pages, each a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from models import Contract, Document
from models.enums import LIFE_DOCUMENT_KINDS, Brand


def brand_contracts(session: Session, person_id: int, brand: Brand) -> list[Contract]:
    """Every contract of one brand held by this person (one query)."""
    return list(
        session.scalars(
            select(Contract)
            .where(Contract.holder_id == person_id, Contract.brand == brand)
            .order_by(Contract.id)
        )
    )


def contract_with_details(
    session: Session, person_id: int, brand: Brand, number: str
) -> Contract | None:
    """One contract of this person in this brand, with composition and beneficiaries."""
    return session.scalars(
        select(Contract)
        .options(selectinload(Contract.components), selectinload(Contract.beneficiaries))
        .where(
            Contract.number == number,
            Contract.holder_id == person_id,
            Contract.brand == brand,
        )
    ).one_or_none()


def life_documents(session: Session, contract_ids: Iterable[int]) -> list[Document]:
    """The life documents of these contracts (one query)."""
    ids = list(contract_ids)
    if not ids:
        return []
    return list(
        session.scalars(
            select(Document).where(
                Document.contract_id.in_(ids), Document.kind.in_(LIFE_DOCUMENT_KINDS)
            )
        )
    )


def document_of(
    session: Session, person_id: int, brand: Brand, document_id: int
) -> Document | None:
    """One document, only if its contract is this person's in this brand."""
    return session.scalars(
        select(Document)
        .options(joinedload(Document.contract))
        .join(Contract)
        .where(
            Document.id == document_id,
            Contract.holder_id == person_id,
            Contract.brand == brand,
        )
    ).one_or_none()
