"""The Belgian calendar: business days, letter delivery (RG-1, RG-6), the contact
centre's hours (BR-2) and a contract's next renewal date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models.calendar import (
    add_business_days,
    contact_centre_next_opening,
    contact_centre_open,
    is_business_day,
    letter_delivery,
    next_anniversary,
    public_holiday,
)


@pytest.mark.parametrize(
    "day",
    [date(2026, 4, 6), date(2026, 7, 21), date(2026, 11, 11), date(2026, 12, 25), date(2027, 1, 1)],
)
def test_belgian_public_holidays_are_not_business_days(day):
    assert public_holiday(day) and not is_business_day(day)


def test_weekends_are_not_business_days_and_an_ordinary_monday_is():
    assert not is_business_day(date(2026, 12, 5)) and not is_business_day(date(2026, 12, 6))
    assert is_business_day(date(2026, 12, 7))


def test_a_letter_posted_the_friday_before_easter_monday_arrives_on_wednesday():
    # Friday 3 April 2026; Monday 6 April is Easter Monday.
    assert add_business_days(date(2026, 4, 3), 1) == date(2026, 4, 7)
    assert add_business_days(date(2026, 4, 3), 2) == date(2026, 4, 8)


def test_a_letter_posted_on_31_december_skips_new_years_day_and_the_weekend():
    # Thursday 31 December 2026; 1 January 2027 is a Friday and a holiday.
    assert add_business_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert add_business_days(date(2026, 12, 31), 2) == date(2027, 1, 5)


def test_a_letter_posted_on_a_leap_day_arrives_in_march():
    # Monday 29 February 2028.
    assert add_business_days(date(2028, 2, 29), 2) == date(2028, 3, 2)


def test_a_letter_is_in_the_letterbox_from_eight_in_the_morning():
    posted = datetime(2026, 12, 1, 9, 57)  # a Tuesday
    arrives = letter_delivery(posted, 2)
    assert arrives == datetime(2026, 12, 3, 8, 0)
    # moving the clock on by exactly two days finds it delivered
    assert datetime(2026, 12, 3, 9, 57) >= arrives


def test_the_start_day_never_counts_even_when_it_is_a_business_day():
    assert add_business_days(date(2026, 12, 1), 0) == date(2026, 12, 1)
    assert add_business_days(date(2026, 12, 1), 1) == date(2026, 12, 2)


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        (datetime(2026, 12, 3, 8, 29), False),  # Thursday, before opening
        (datetime(2026, 12, 3, 8, 30), True),
        (datetime(2026, 12, 3, 16, 59), True),
        (datetime(2026, 12, 3, 17, 0), False),
        (datetime(2026, 12, 4, 15, 59), True),  # Friday closes at 16:00
        (datetime(2026, 12, 4, 16, 0), False),
        (datetime(2026, 12, 5, 10, 0), False),  # Saturday
        (datetime(2026, 11, 11, 10, 0), False),  # Armistice, a Wednesday
    ],
)
def test_the_contact_centre_keeps_the_hours_of_br_2(now, is_open):
    assert contact_centre_open(now) is is_open


def test_the_contact_centre_next_opens_after_the_weekend_and_the_holidays():
    assert contact_centre_next_opening(datetime(2026, 12, 4, 16, 0)) == datetime(2026, 12, 7, 8, 30)
    assert contact_centre_next_opening(datetime(2026, 12, 3, 7, 0)) == datetime(2026, 12, 3, 8, 30)
    assert contact_centre_next_opening(datetime(2026, 12, 3, 9, 0)) == datetime(2026, 12, 4, 8, 30)
    # Thursday 24 December 2026 after closing: 25 December, the weekend, then Monday 28
    assert contact_centre_next_opening(datetime(2026, 12, 24, 18, 0)) == datetime(
        2026, 12, 28, 8, 30
    )


@pytest.mark.parametrize(
    ("start", "today", "renewal"),
    [
        (date(2020, 3, 22), date(2026, 12, 1), date(2027, 3, 22)),
        (date(2020, 12, 1), date(2026, 12, 1), date(2027, 12, 1)),  # the anniversary itself
        (date(2020, 12, 2), date(2026, 12, 1), date(2026, 12, 2)),
        (date(2024, 2, 29), date(2026, 12, 1), date(2027, 2, 28)),  # leap day, common year
        (date(2024, 2, 29), date(2027, 12, 31), date(2028, 2, 29)),  # leap year again
        (date(2027, 6, 1), date(2026, 12, 1), date(2028, 6, 1)),  # starts in the future
    ],
)
def test_the_next_renewal_is_the_first_anniversary_after_today(start, today, renewal):
    assert next_anniversary(start, today) == renewal
