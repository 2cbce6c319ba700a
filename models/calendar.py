"""The Belgian calendar the simulated insurer works by, as plain functions of a date.

Business days are Monday to Friday less Belgium's public holidays (the `holidays`
package, not a hand-kept list). Letters travel a number of business days and are in the
letterbox from a fixed hour (RG-1, RG-6); the contact centre keeps the hours of BR-2.
Nothing here reads a clock: callers pass the simulated `now`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

# The post is in the letterbox from 08:00: a letter posted during the day and the clock
# moved on by exactly its business days finds it delivered.
LETTER_DELIVERY_TIME = time(8, 0)

# BR-2: Monday to Thursday 8:30-17:00, Friday 8:30-16:00; closed at weekends and on
# public holidays. Weekday number (Monday = 0) -> (opens, closes).
CONTACT_CENTRE_HOURS: dict[int, tuple[time, time]] = {
    0: (time(8, 30), time(17, 0)),
    1: (time(8, 30), time(17, 0)),
    2: (time(8, 30), time(17, 0)),
    3: (time(8, 30), time(17, 0)),
    4: (time(8, 30), time(16, 0)),
}


@lru_cache(maxsize=256)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Belgium(years=year))


def public_holiday(day: date) -> bool:
    """A Belgian public holiday (Easter Monday, 21 July, 11 November, ...)."""
    return day in _holidays(day.year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and not public_holiday(day)


def add_business_days(start: date, days: int) -> date:
    """The date `days` business days after `start` (`start` itself never counts)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_business_day(current):
            remaining -= 1
    return current


def letter_delivery(posted: datetime, business_days: int) -> datetime:
    """RG-1, RG-6: a letter posted at `posted` is in the letterbox `business_days`
    business days later, from LETTER_DELIVERY_TIME."""
    return datetime.combine(add_business_days(posted.date(), business_days), LETTER_DELIVERY_TIME)


def contact_centre_open(now: datetime) -> bool:
    """BR-2: whether the contact centre answers at `now` (Brussels time)."""
    hours = CONTACT_CENTRE_HOURS.get(now.weekday())
    if hours is None or public_holiday(now.date()):
        return False
    opens, closes = hours
    return opens <= now.time() < closes


def contact_centre_next_opening(now: datetime) -> datetime:
    """BR-2: the next time the contact centre opens, strictly after `now` when it is
    open (then the next day's opening) or the coming opening when closed."""
    day = now.date()
    for _ in range(30):  # there is never a month without a business day
        hours = CONTACT_CENTRE_HOURS.get(day.weekday())
        if hours is not None and not public_holiday(day):
            opening = datetime.combine(day, hours[0])
            if opening > now:
                return opening
        day += timedelta(days=1)
    raise ValueError(f"no opening within 30 days of {now:%Y-%m-%d}")


def next_anniversary(start: date, today: date) -> date:
    """The first anniversary of `start` strictly after `today` (a contract's next
    renewal date); a start on 29 February renews on 28 February in common years."""
    year = max(today.year, start.year + 1)
    while True:
        candidate = _anniversary(start, year)
        if candidate > today:
            return candidate
        year += 1


def _anniversary(start: date, year: int) -> date:
    try:
        return start.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def next_renewal(start: date, stored: date | None, today: date) -> date:
    """CT-3: an active contract's next renewal date, worked out when shown: the first
    return of its renewal day strictly after `today` (and after `start`). The renewal day
    is the day and month of the back office's stored renewal date when it has one, else
    the start date's; a 29 February renews on 28 February in common years."""
    anchor = stored or start
    base = max(today, start)
    year = base.year
    while (candidate := _anniversary(anchor, year)) <= base:
        year += 1
    return candidate


def age_on(birth: date, today: date) -> int:
    """Full years of someone born on `birth`, on `today` (29 February counts from 1 March)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def contact_centre_closing(now: datetime) -> datetime | None:
    """BR-2: when the contact centre closes today, if it is open at `now`."""
    if not contact_centre_open(now):
        return None
    return datetime.combine(now.date(), CONTACT_CENTRE_HOURS[now.weekday()][1])
