"""National register numbers built by the seed are valid for python-stdnum."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.be import nn

from seed.identifiers import national_number, serial_for


@pytest.mark.parametrize(
    ("birth", "sex"),
    [
        (date(1985, 3, 12), "F"),
        (date(1958, 4, 1), "M"),
        (date(2001, 8, 5), "F"),
        (date(2000, 1, 1), "M"),
    ],
)
def test_national_numbers_are_valid_and_match_birth_date_and_sex(birth, sex):
    number = national_number(birth, serial_for(sex, 7))
    assert nn.is_valid(number)
    assert nn.get_birth_date(number) == birth
    assert nn.get_gender(number) == sex


def test_a_serial_out_of_range_is_refused():
    with pytest.raises(ValueError):
        national_number(date(1990, 1, 1), 999)


def test_every_tenth_day_from_1900_to_2025_gives_a_valid_number_of_that_day_and_sex():
    """The number is computed, not formatted: stdnum checks it on days of both centuries
    (up to 2025: stdnum refuses a birth date after its own today)."""
    first, last = date(1900, 1, 1).toordinal(), date(2025, 12, 31).toordinal()
    for ordinal in [*range(first, last + 1, 10), last]:
        birth = date.fromordinal(ordinal)
        for sex, n in (("M", 0), ("F", 0), ("M", 497), ("F", 497)):
            number = national_number(birth, serial_for(sex, n))
            assert nn.is_valid(number)
            assert nn.get_birth_date(number) == birth
            assert nn.get_gender(number) == sex


@pytest.mark.parametrize("account", [0, 1, 96, 1_234_567, 9_999_999])
def test_the_demo_ibans_are_valid_belgian_accounts(account):
    """VA-10 (defect 5): the demo policies' direct-debit accounts."""
    from stdnum.be import iban as belgian
    from stdnum.iban import is_valid

    from seed.identifiers import belgian_iban

    made = belgian_iban(account)
    assert is_valid(made) and belgian.is_valid(made) and len(made) == 16
    assert made.startswith("BE") and made[4:7] == "096"


def test_an_account_of_more_than_seven_digits_is_refused():
    from seed.identifiers import belgian_iban

    with pytest.raises(ValueError):
        belgian_iban(10_000_000)
