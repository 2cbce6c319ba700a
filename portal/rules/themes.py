"""How the home page groups the shown contracts by theme (CT-5)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portal.catalogue import Catalogue, Theme


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    contracts: list
    total_savings_cents: int | None


def group_by_theme(shown: Iterable, catalogue: Catalogue) -> list[ThemeGroup]:
    """Group shown contracts under the catalogue's themes, in theme order.

    CT-5: a theme that totals savings (pension) shows the sum of the savings built up in
    its contracts; empty themes are left out.
    """
    by_theme: dict[str, list] = {}
    for contract in shown:
        theme = catalogue.products[contract.product].theme
        by_theme.setdefault(theme, []).append(contract)
    groups = []
    for theme in catalogue.themes_in_order():
        contracts = by_theme.get(theme.code)
        if not contracts:
            continue
        total = None
        if theme.total_savings:
            total = sum(c.savings_cents or 0 for c in contracts)
        groups.append(ThemeGroup(theme, contracts, total))
    return groups
