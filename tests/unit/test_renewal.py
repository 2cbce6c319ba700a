"""Dates worked out when shown, from the simulated today: a contract's next renewal
(CT-3), an age, and documents hidden until their issue date (DC-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from models.calendar import age_on, next_renewal
from models.enums import ContractStatus, DocumentKind
from portal.rules.dates import renewal_date
from portal.rules.documents import is_available, portal_documents


@pytest.mark.parametrize(
    ("start", "stored", "today", "renewal"),
    [
        # the stored renewal date's day and month, whatever its year
        (date(2021, 2, 14), date(2027, 2, 14), date(2026, 12, 1), date(2027, 2, 14)),
        (date(2021, 2, 14), date(2026, 2, 14), date(2026, 12, 1), date(2027, 2, 14)),
        (date(2021, 2, 14), date(2027, 2, 14), date(2025, 1, 1), date(2025, 2, 14)),
        # the issue's case: a renewal of 22 March shown on 1 December
        (date(2019, 3, 22), date(2026, 3, 22), date(2026, 12, 1), date(2027, 3, 22)),
        # on the renewal day itself the next one is a year later; the day before, tomorrow
        (date(2020, 9, 16), date(2026, 9, 16), date(2026, 9, 16), date(2027, 9, 16)),
        (date(2020, 9, 16), date(2026, 9, 16), date(2026, 9, 15), date(2026, 9, 16)),
        # no stored renewal date: the start date's anniversary
        (date(2020, 9, 16), None, date(2026, 11, 23), date(2027, 9, 16)),
        # a renewal day other than the start's
        (date(2020, 9, 16), date(2027, 1, 1), date(2026, 11, 23), date(2027, 1, 1)),
        # 31 December: the next day is next year's first, the renewal of 31 December is a year on
        (date(2020, 1, 1), None, date(2026, 12, 31), date(2027, 1, 1)),
        (date(2020, 12, 31), None, date(2026, 12, 31), date(2027, 12, 31)),
        # a leap day: 28 February in common years, 29 February in leap years
        (date(2020, 2, 29), None, date(2026, 12, 1), date(2027, 2, 28)),
        (date(2020, 2, 29), None, date(2027, 2, 28), date(2028, 2, 29)),
        (date(2020, 2, 29), date(2028, 2, 29), date(2027, 2, 27), date(2027, 2, 28)),
        # a clock set before the start: the first anniversary of the start
        (date(2022, 5, 1), date(2027, 5, 1), date(2020, 1, 1), date(2023, 5, 1)),
        (date(2022, 5, 1), None, date(2022, 5, 1), date(2023, 5, 1)),
    ],
)
def test_the_next_renewal_is_the_renewal_day_after_the_simulated_today(
    start, stored, today, renewal
):
    """CT-3: the next renewal date follows the clock, never shown in the past."""
    assert next_renewal(start, stored, today) == renewal
    assert next_renewal(start, stored, today) > today


@dataclass
class FakeContract:
    status: ContractStatus
    start_date: date
    renewal_date: date | None


def test_only_active_contracts_renew():
    today = date(2026, 12, 1)
    active = FakeContract(ContractStatus.ACTIVE, date(2019, 3, 22), date(2026, 3, 22))
    ended = FakeContract(ContractStatus.ENDED, date(2019, 3, 22), date(2026, 3, 22))
    assert renewal_date(active, today) == date(2027, 3, 22)
    assert renewal_date(ended, today) is None


@pytest.mark.parametrize(
    ("birth", "today", "age"),
    [
        (date(1985, 3, 12), date(2026, 3, 11), 40),
        (date(1985, 3, 12), date(2026, 3, 12), 41),
        (date(2004, 2, 29), date(2026, 2, 28), 21),
        (date(2004, 2, 29), date(2026, 3, 1), 22),
    ],
)
def test_an_age_counts_full_years_on_the_simulated_today(birth, today, age):
    assert age_on(birth, today) == age


@dataclass
class FakeDocument:
    contract_id: int
    kind: DocumentKind
    year: int
    issued_on: date


def test_a_document_is_hidden_until_its_issue_date():
    """DC-1: a document dated after the simulated today is not issued yet: not listed,
    not downloadable; on its issue date it is."""
    doc = FakeDocument(1, DocumentKind.TAX_CERTIFICATE, 2025, date(2026, 2, 15))
    assert not is_available(doc, {1}, date(2026, 2, 14))
    assert is_available(doc, {1}, date(2026, 2, 15))
    assert portal_documents([doc], {1}, date(2026, 2, 14)) == []
    assert portal_documents([doc], {1}, date(2026, 2, 15)) == [doc]
