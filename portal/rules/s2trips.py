"""The trips of an S² box, generated deterministically from the box's seed and the
clock, and what the personal page shows of them (S2-1): kilometres, times of driving,
road types (in Belgium: town, motorway, other roads; abroad) and driving behaviour.

A day's trips depend only on the seed and the date, so the page shows the same past
whatever the moment it is looked at; trips exist only while the box works.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

ROADS = ("town", "motorway", "other", "abroad")
BANDS = ((0, 6), (6, 10), (10, 16), (16, 20), (20, 24))  # hours of driving
MOST_DAYS = 365  # the page shows at most a year
WEEKS_SHOWN = 8


@dataclass(frozen=True)
class Trip:
    start: datetime
    km: float
    minutes: int
    road: str
    harsh_brakes: int
    speeding_minutes: int


@dataclass(frozen=True)
class Usage:
    km: float
    trips: int
    minutes: int
    km_by_road: dict[str, float]
    km_by_band: dict[str, float]
    km_by_week: list[tuple[date, float]]  # Monday of the week, km
    harsh_per_100km: float
    speeding_share: float  # of the minutes driven


#: Most days `day_trips` keeps (a day is a few hundred bytes: some forty boxes' year).
DAYS_KEPT = 16_384


@lru_cache(maxsize=DAYS_KEPT)
def day_trips(seed: int, day: date) -> tuple[Trip, ...]:
    """The trips of one day: 0 to 4, drawn from the seed and the date only, so kept once
    drawn: the personal page draws up to a year of days on every view (issue 12)."""
    rng = random.Random(seed * 1_000_003 + day.toordinal())
    found = []
    for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
        road = rng.choices(ROADS, weights=(5, 3, 4, 1))[0]
        km = round(rng.uniform(2, 25) * (3 if road in ("motorway", "abroad") else 1), 1)
        minutes = max(3, round(km / (90 if road == "motorway" else 35) * 60))
        start = datetime.combine(day, time(rng.choice(range(5, 23)), rng.choice(range(60))))
        found.append(
            Trip(start, km, minutes, road, rng.choice((0, 0, 0, 1, 2)), rng.choice((0, 0, 1, 3)))
        )
    return tuple(sorted(found, key=lambda t: t.start))


def trips(seed: int, since: datetime, until: datetime) -> list[Trip]:
    """S2-1: every trip from `since` (the installation) to `until` (now, or when the
    box stopped), at most the last year."""
    first = max(since.date(), until.date() - timedelta(days=MOST_DAYS - 1))
    days = (until.date() - first).days + 1
    found = [t for n in range(max(days, 0)) for t in day_trips(seed, first + timedelta(n))]
    return [t for t in found if since <= t.start <= until]


def _band_of(hour: int) -> str:
    return next(f"{low:02d}-{high:02d}" for low, high in BANDS if low <= hour < high)


_BAND_OF_HOUR = tuple(_band_of(hour) for hour in range(24))


def band_of(hour: int) -> str:
    """The band of driving hours an hour (0 to 23) falls in: "06-10"."""
    return _BAND_OF_HOUR[hour]


def usage(found: list[Trip], today: date) -> Usage:
    """S2-1: the figures and the series of the personal page's charts."""
    km = round(sum(t.km for t in found), 1)
    roads, bands, weeks = Counter(), Counter(), Counter()
    for t in found:
        roads[t.road] += t.km
        bands[_BAND_OF_HOUR[t.start.hour]] += t.km
        weeks[t.start.date() - timedelta(days=t.start.weekday())] += t.km
    monday = today - timedelta(days=today.weekday())
    shown = [monday - timedelta(weeks=n) for n in reversed(range(WEEKS_SHOWN))]
    minutes = sum(t.minutes for t in found)
    return Usage(
        km=km,
        trips=len(found),
        minutes=minutes,
        km_by_road={r: round(roads[r], 1) for r in ROADS},
        km_by_band={
            f"{lo:02d}-{hi:02d}": round(bands[f"{lo:02d}-{hi:02d}"], 1) for lo, hi in BANDS
        },
        km_by_week=[(w, round(weeks[w], 1)) for w in shown],
        harsh_per_100km=round(sum(t.harsh_brakes for t in found) * 100 / km, 1) if km else 0.0,
        speeding_share=round(sum(t.speeding_minutes for t in found) / minutes, 3)
        if minutes
        else 0.0,
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


def bars(series: list[tuple[str, float]], width: float = 320, height: float = 160) -> list[Bar]:
    """The rectangles of a bar chart of `series` in a width x height box (SVG units)."""
    if not series:
        return []
    top = max(v for _, v in series) or 1
    slot = width / len(series)
    return [
        Bar(label, value, i * slot + slot * 0.15, height - value / top * height, slot * 0.7,
            value / top * height)
        for i, (label, value) in enumerate(series)
    ]  # fmt: skip
