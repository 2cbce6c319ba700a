"""Which contracts a customer sees in one brand's portal, and why the others are not shown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from models.catalogue import Catalogue, Product
from models.enums import Brand, ContractStatus, Line, Segment

FALLBACK_REASON = "niche"


class ContractLike(Protocol):
    brand: Brand
    product: str
    status: ContractStatus


@dataclass(frozen=True)
class HiddenContract:
    contract: ContractLike
    reason: str


@dataclass(frozen=True)
class Visibility:
    shown: list
    hidden: list[HiddenContract]


def hidden_reason(contract: ContractLike, segment: Segment, catalogue: Catalogue) -> str | None:
    """The reason code for not showing one contract, or None when it is shown.

    CT-1: active contracts of shown products, non-life ones for private customers only.
    CT-2: products marked hidden in the catalogue, each with its reason.
    """
    if contract.status != ContractStatus.ACTIVE:
        return "ended"
    product = catalogue.products.get(contract.product)
    if product is None:
        return FALLBACK_REASON
    if not product.shown:
        return product.hidden_reason
    if segment not in product.segments:
        return product.segment_reason
    return None


def visible_contracts(
    contracts: Iterable[ContractLike], brand: Brand, segment: Segment, catalogue: Catalogue
) -> Visibility:
    """Split a customer's contracts into shown and hidden-with-reason for one brand.

    BR-1: contracts of the other brand are neither shown nor explained here.
    CT-4: every hidden contract of this brand carries the reason the customer reads in
    "Je ne trouve pas mon contrat / Ik kan mijn contract niet vinden".
    """
    shown, hidden = [], []
    for contract in contracts:
        if contract.brand != brand:
            continue
        reason = hidden_reason(contract, segment, catalogue)
        if reason is None:
            shown.append(contract)
        else:
            hidden.append(HiddenContract(contract, reason))
    return Visibility(shown, hidden)


@dataclass(frozen=True)
class CatalogueOverview:
    """The general list of CT-1 and CT-2 for one brand, as "can't find my contract" shows it."""

    shown_life: list[Product]
    shown_non_life: list[Product]
    not_shown: list[Product]


def catalogue_overview(catalogue: Catalogue, brand: Brand) -> CatalogueOverview:
    products = [p for p in catalogue.products.values() if brand in p.brands]
    return CatalogueOverview(
        shown_life=[p for p in products if p.shown and p.line == Line.LIFE],
        shown_non_life=[p for p in products if p.shown and p.line == Line.NON_LIFE],
        not_shown=[p for p in products if not p.shown],
    )
