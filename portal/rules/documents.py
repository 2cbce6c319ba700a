"""Which back-office documents the portal offers (DC-1, DC-2)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from models.enums import LIFE_DOCUMENT_KINDS, DocumentKind

KIND_ORDER = {
    DocumentKind.ANNUAL_STATEMENT: 0,
    DocumentKind.TAX_CERTIFICATE: 1,
    DocumentKind.PREMIUM_PROOF: 2,
}


class DocumentLike(Protocol):
    contract_id: int
    kind: DocumentKind
    year: int
    issued_on: date


def is_available(document: DocumentLike, shown_contract_ids: set[int], today: date) -> bool:
    """DC-1: only life documents (premium proof, tax certificate, annual statement) of
    contracts the customer sees, once issued: one dated after the simulated `today` is
    not there yet. Non-life documents stay in the back office for now."""
    return (
        document.kind in LIFE_DOCUMENT_KINDS
        and document.contract_id in shown_contract_ids
        and document.issued_on <= today
    )


def portal_documents(
    documents: Iterable[DocumentLike], shown_contract_ids: set[int], today: date
) -> list:
    """The documents of the "Documents" tab (DC-1, DC-2) issued by `today`, newest
    first: by year, then within a year by issue date, newest first (then kind and
    contract, for a stable order)."""
    available = [d for d in documents if is_available(d, shown_contract_ids, today)]
    return sorted(
        available,
        key=lambda d: (
            -d.year,
            -d.issued_on.toordinal(),
            KIND_ORDER.get(d.kind, 9),
            d.contract_id,
        ),
    )
