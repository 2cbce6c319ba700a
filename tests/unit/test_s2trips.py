"""The trips the personal S² page shows: the same every time, only while the box works,
summed by road type, time of day and week (S2-1)."""

from __future__ import annotations

from datetime import date, datetime

from portal.rules import s2trips

INSTALLED = datetime(2026, 1, 5, 12, 0)
NOW = datetime(2026, 3, 10, 10, 0)


def test_the_trips_are_the_same_whenever_they_are_looked_at_s2_1():
    first = s2trips.trips(42, INSTALLED, NOW)
    assert first == s2trips.trips(42, INSTALLED, NOW)
    later = s2trips.trips(42, INSTALLED, datetime(2026, 3, 20))
    assert later[: len(first)] == first
    assert s2trips.trips(43, INSTALLED, NOW) != first


def test_no_trip_before_the_installation_or_after_the_end_s2_1():
    found = s2trips.trips(7, INSTALLED, NOW)
    assert found and all(INSTALLED <= t.start <= NOW for t in found)
    assert s2trips.trips(7, NOW, INSTALLED) == []


def test_the_usage_adds_up_by_road_by_time_of_day_and_by_week_s2_1():
    found = s2trips.trips(42, INSTALLED, NOW)
    usage = s2trips.usage(found, NOW.date())
    assert round(sum(usage.km_by_road.values()), 1) == usage.km
    assert round(sum(usage.km_by_band.values()), 1) == usage.km
    assert set(usage.km_by_road) == {"town", "motorway", "other", "abroad"}
    assert len(usage.km_by_week) == 8 and usage.km_by_week[-1][0] == date(2026, 3, 9)
    assert 0 <= usage.speeding_share <= 1


def test_no_trips_give_zeros_not_a_division_by_zero():
    usage = s2trips.usage([], NOW.date())
    assert (usage.km, usage.harsh_per_100km, usage.speeding_share) == (0, 0.0, 0.0)


def test_the_bars_fit_the_chart_and_the_highest_fills_it():
    bars = s2trips.bars([("a", 10.0), ("b", 5.0), ("c", 0.0)], width=300, height=100)
    assert [b.height for b in bars] == [100, 50, 0]
    assert all(b.x >= 0 and b.x + b.width <= 300 for b in bars)
    assert s2trips.bars([]) == []


def test_each_hour_falls_in_its_band_of_driving_hours_at_the_boundaries_s2_1():
    expected = {0: "00-06", 5: "00-06", 6: "06-10", 9: "06-10", 10: "10-16", 15: "10-16",
                16: "16-20", 19: "16-20", 20: "20-24", 23: "20-24"}  # fmt: skip
    assert {hour: s2trips.band_of(hour) for hour in expected} == expected


def test_a_kept_day_of_trips_is_the_day_drawn_afresh_and_cannot_be_changed_s2_1():
    day = date(2026, 2, 11)
    drawn = s2trips.day_trips.__wrapped__(42, day)  # without the cache
    assert s2trips.day_trips(42, day) == drawn and s2trips.day_trips(42, day) == drawn
    assert isinstance(s2trips.day_trips(42, day), tuple)  # a caller cannot alter the kept day
    assert s2trips.day_trips.cache_info().maxsize == s2trips.DAYS_KEPT
