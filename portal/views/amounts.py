"""Euro amounts in Belgian French and Dutch, as Babel writes them, without Babel's cost
on every amount of a page (issue 12: a home page formats a dozen).

Babel gives, once per locale and pattern, the shape of a positive and of a negative
amount (`1,00 €`, `€ 1,00`, `-1,00 €`...) and the group and decimal symbols; an amount
in cents is then laid into that shape with integer arithmetic only.
`tests/unit/test_amounts.py` checks the result equals Babel's over a sweep of amounts.
"""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_currency, get_decimal_symbol, get_group_symbol

#: The amount, then the euro sign after a non-breaking space, in both languages, as the
#: intermediaries' tools show it (seed 001: "504,92€"); Babel's nl_BE puts the sign first.
EURO_AFTER = "#,##0.00\u00a0¤"
_ONE = "1{decimal}00"


@lru_cache(maxsize=16)
def _shape(locale: str, pattern: str | None) -> tuple[str, str, str, str]:
    """(positive shape, negative shape, group symbol, decimal symbol): each shape an
    amount of one euro as Babel writes it, with `{}` where the digits go."""
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    one = _ONE.format(decimal=decimal)
    positive = format_currency(1, "EUR", format=pattern, locale=locale)
    negative = format_currency(-1, "EUR", format=pattern, locale=locale)
    if one not in positive or one not in negative:  # a shape this module cannot rebuild
        raise ValueError(f"unexpected amount shape for {locale}: {positive!r}")
    return positive.replace(one, "{}", 1), negative.replace(one, "{}", 1), group, decimal


def euro_amount(cents: int, locale: str, pattern: str | None = None) -> str:
    """`cents` euro cents as Babel's `format_currency(cents / 100, "EUR", format=pattern,
    locale=locale)` writes them (Babel itself for anything but a whole number of cents)."""
    if type(cents) is not int:
        return format_currency(cents / 100, "EUR", format=pattern, locale=locale)
    positive, negative, group, decimal = _shape(locale, pattern)
    euros, rest = divmod(abs(cents), 100)
    digits = f"{euros:,}".replace(",", group) + f"{decimal}{rest:02d}"
    return (negative if cents < 0 else positive).format(digits)
