"""The guarantee table of a contract page: covered and not covered, in groups (CT-3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.brands import Text
from models.catalogue import Catalogue


@dataclass(frozen=True)
class GuaranteeLine:
    code: str
    label: Text
    covered: bool


@dataclass(frozen=True)
class GuaranteeBlock:
    title: Text
    lines: list[GuaranteeLine]


def guarantee_table(
    product: str, covered: Iterable[str], catalogue: Catalogue
) -> list[GuaranteeBlock]:
    """Every guarantee the product offers, marked covered or not, grouped as the catalogue says.

    CT-3: the customer sees what is covered and what is not (for a car: civil liability
    covered, driver protection not covered, ...). Covered codes the product does not list
    are ignored: the catalogue is the source of what a product can cover.
    """
    entry = catalogue.products.get(product)
    if entry is None or entry.guarantees is None:
        return []
    have = set(covered)
    return [
        GuaranteeBlock(
            title=group.title,
            lines=[GuaranteeLine(c, catalogue.guarantees[c], c in have) for c in group.items],
        )
        for group in catalogue.guarantee_sets[entry.guarantees]
    ]
