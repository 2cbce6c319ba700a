"""Reads of the back office for the customer pages, each a fixed number of queries.

The statements are built once, with bound parameters: building a SELECT costs more
than running it on the hot path of every page (issue 12).

The pages only read, so most reads here are Core statements of a table's columns, run
on the request session's connection (its transaction and its world): they give
read-only rows whose attributes carry the columns' names and types (`row.number`,
`row.brand` as a `Brand`), at a fraction of the cost of ORM entities and of
`Session.execute`'s ORM layer. A row has no relationship: what a page needs of one
comes in its own statement (`ContractDetails`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session, joinedload

from models import Beneficiary, Contract, Document, LifeComponent
from models.enums import LIFE_DOCUMENT_KINDS, Brand

_HOLDER_IN_BRAND = (
    Contract.holder_id == bindparam("person_id"),
    Contract.brand == bindparam("brand"),
)
_CONTRACT_COLUMNS = tuple(Contract.__table__.columns)
_BRAND_CONTRACTS = select(*_CONTRACT_COLUMNS).where(*_HOLDER_IN_BRAND).order_by(Contract.id)
_CONTRACT_BY_NUMBER = select(*_CONTRACT_COLUMNS).where(
    Contract.number == bindparam("number"), *_HOLDER_IN_BRAND
)
_COMPONENTS = (
    select(*LifeComponent.__table__.columns)
    .where(LifeComponent.contract_id == bindparam("contract_id"))
    .order_by(LifeComponent.position, LifeComponent.id)
)
_BENEFICIARIES = (
    select(*Beneficiary.__table__.columns)
    .where(Beneficiary.contract_id == bindparam("contract_id"))
    .order_by(Beneficiary.position, Beneficiary.id)
)
_LIFE_DOCUMENTS = select(*Document.__table__.columns).where(
    Document.contract_id.in_(bindparam("ids", expanding=True)),
    Document.kind.in_(LIFE_DOCUMENT_KINDS),
)
_DOCUMENT_OF = (
    select(Document)
    .options(joinedload(Document.contract))
    .join(Contract)
    .where(Document.id == bindparam("document_id"), *_HOLDER_IN_BRAND)
)


class ContractDetails:
    """One contract's columns (read as attributes of its row) with its composition and
    beneficiaries, each in position order: what the contract page shows (CT-3, CT-4)."""

    def __init__(self, row: Row, components: list[Row], beneficiaries: list[Row]) -> None:
        # The columns as plain attributes: a page reads some thirty of them (issue 12).
        vars(self).update(row._asdict())
        self.components = components
        self.beneficiaries = beneficiaries


def brand_contracts(session: Session, person_id: int, brand: Brand) -> list[Row]:
    """Every contract of one brand held by this person (one query), as read-only rows
    that read like `Contract` (`row.number`, `row.product`...), with no relationship."""
    values = {"person_id": person_id, "brand": brand}
    return list(session.connection().execute(_BRAND_CONTRACTS, values))


def contract_with_details(
    session: Session, person_id: int, brand: Brand, number: str
) -> ContractDetails | None:
    """One contract of this person in this brand, with composition and beneficiaries
    (three queries; one when there is no such contract)."""
    connection = session.connection()
    values = {"person_id": person_id, "brand": brand, "number": number}
    row = connection.execute(_CONTRACT_BY_NUMBER, values).one_or_none()
    if row is None:
        return None
    of_contract = {"contract_id": row.id}
    components = list(connection.execute(_COMPONENTS, of_contract))
    beneficiaries = list(connection.execute(_BENEFICIARIES, of_contract))
    return ContractDetails(row, components, beneficiaries)


def life_documents(session: Session, contract_ids: Iterable[int]) -> list[Row]:
    """The life documents of these contracts (one query), as read-only rows with the
    document's columns."""
    ids = list(contract_ids)
    if not ids:
        return []
    return list(session.connection().execute(_LIFE_DOCUMENTS, {"ids": ids}))


def document_of(
    session: Session, person_id: int, brand: Brand, document_id: int
) -> Document | None:
    """One document, only if its contract is this person's in this brand."""
    values = {"person_id": person_id, "brand": brand, "document_id": document_id}
    return session.scalars(_DOCUMENT_OF, values).one_or_none()
