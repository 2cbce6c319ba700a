"""How the home page groups the shown contracts by theme, and the page of one theme
(CT-5)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.catalogue import Catalogue, Theme


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    contracts: list
    total_savings_cents: int | None


def _group(theme: Theme, contracts: list) -> ThemeGroup:
    """CT-5: a theme that totals savings (pension) shows the sum of the savings built up
    in its contracts."""
    total = sum(c.savings_cents or 0 for c in contracts) if theme.total_savings else None
    return ThemeGroup(theme, contracts, total)


def _by_theme(shown: Iterable, catalogue: Catalogue) -> dict[str, list]:
    by_theme: dict[str, list] = {}
    for contract in shown:
        by_theme.setdefault(catalogue.products[contract.product].theme, []).append(contract)
    return by_theme


def group_by_theme(shown: Iterable, catalogue: Catalogue) -> list[ThemeGroup]:
    """Group shown contracts under the catalogue's themes, in theme order; empty themes
    are left out (CT-5)."""
    by_theme = _by_theme(shown, catalogue)
    return [
        _group(theme, by_theme[theme.code])
        for theme in catalogue.themes_in_order()
        if by_theme.get(theme.code)
    ]


def theme_group(shown: Iterable, catalogue: Catalogue, code: str) -> ThemeGroup | None:
    """The page of one theme (CT-5): its shown contracts, possibly none, with the total
    saved when the theme totals savings; None for a theme the catalogue does not know."""
    theme = catalogue.themes.get(code)
    if theme is None:
        return None
    return _group(theme, _by_theme(shown, catalogue).get(code, []))
