"""Contact details after a change, as the customer and the intermediary see them (PD-1, PD-2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.enums import Brand
from portal.rules.contacts import customer_view, intermediary_sees_from, intermediary_view


@dataclass
class P:
    street: str = "Kerkstraat"
    house_number: str = "12"
    postcode: str = "2000"
    city: str = "Antwerpen"
    email: str | None = "old@example.be"
    mobile: str | None = "+32470000000"


@dataclass
class Change:
    intermediary_sees_from: datetime | None
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    city: str | None = None
    email: str | None = None
    mobile: str | None = None


CHANGED = datetime(2026, 11, 23, 15, 30)


def test_pd2_a_pv_agent_sees_a_change_from_the_next_day_at_midnight():
    assert intermediary_sees_from(Brand.PV, CHANGED) == datetime(2026, 11, 24, 0, 0)


def test_pd2_a_vivium_broker_is_never_informed():
    assert intermediary_sees_from(Brand.VIVIUM, CHANGED) is None


def test_pd1_the_customer_sees_every_change_at_once():
    change = Change(intermediary_sees_from(Brand.PV, CHANGED), street="Meir", house_number="1")
    seen = customer_view(P(), [change])
    assert (seen.street, seen.house_number, seen.city) == ("Meir", "1", "Antwerpen")


def test_pd2_the_agent_sees_the_old_details_today_and_the_new_ones_tomorrow():
    change = Change(intermediary_sees_from(Brand.PV, CHANGED), email="new@example.be")
    assert (
        intermediary_view(P(), [change], datetime(2026, 11, 23, 23, 59)).email == "old@example.be"
    )
    assert intermediary_view(P(), [change], datetime(2026, 11, 24, 0, 0)).email == "new@example.be"


def test_pd2_the_vivium_broker_keeps_the_old_details_for_ever():
    change = Change(intermediary_sees_from(Brand.VIVIUM, CHANGED), city="Gent")
    assert intermediary_view(P(), [change], datetime(2036, 1, 1)).city == "Antwerpen"
