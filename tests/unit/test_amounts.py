"""Euro amounts (portal/views/amounts.py, issue 12): the same text as Babel's
`format_currency`, in both Belgian locales, with and without the tools' pattern."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_currency

from portal.views.amounts import EURO_AFTER, euro_amount

AMOUNTS = [0, 1, 9, 10, 99, 100, 101, 999, 1000, 99_999, 100_000, 123_456, 2_146_003,
           99_999_999, 100_000_000, 123_456_789_012]  # fmt: skip


@pytest.mark.parametrize("locale", ["fr_BE", "nl_BE"])
@pytest.mark.parametrize("pattern", [None, EURO_AFTER])
@pytest.mark.parametrize("cents", AMOUNTS + [-a for a in AMOUNTS if a])
def test_an_amount_reads_as_babel_writes_it(locale, pattern, cents):
    expected = format_currency(cents / 100, "EUR", format=pattern, locale=locale)
    assert euro_amount(cents, locale, pattern) == expected


def test_the_shapes_of_the_two_languages():
    assert euro_amount(2_146_003, "fr_BE") == "21\u202f460,03\u00a0€"
    assert euro_amount(2_146_003, "nl_BE") == "€\u00a021.460,03"
    assert euro_amount(50_492, "nl_BE", EURO_AFTER) == "504,92\u00a0€"
    assert euro_amount(-50, "nl_BE") == "€\u00a0-0,50"


def test_anything_but_whole_cents_is_left_to_babel():
    assert euro_amount(Decimal("150.5"), "fr_BE") == format_currency(1.505, "EUR", locale="fr_BE")
    assert euro_amount(250.0, "nl_BE") == format_currency(2.5, "EUR", locale="nl_BE")
