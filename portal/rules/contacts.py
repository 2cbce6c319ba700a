"""Contact details as each party sees them after changes in the portal (PD-1, PD-2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from models.brands import PROFILES
from models.enums import Brand

FIELDS = ("street", "house_number", "postcode", "city", "email", "mobile")


@dataclass(frozen=True)
class ContactDetails:
    street: str
    house_number: str
    postcode: str
    city: str
    email: str | None
    mobile: str | None


def from_person(person) -> ContactDetails:
    return ContactDetails(*(getattr(person, f) for f in FIELDS))


def apply(details: ContactDetails, changes: Iterable) -> ContactDetails:
    """Each change overrides the fields it carries, in the order given."""
    for change in changes:
        values = {f: getattr(change, f) for f in FIELDS if getattr(change, f) is not None}
        details = replace(details, **values)
    return details


def intermediary_sees_from(brand: Brand, changed_at: datetime) -> datetime | None:
    """PD-2: P&V updates its customer database and the agent's Connect 360 the next day
    (D+1), without notifying the agent; Vivium does not pass changes to the broker."""
    days = PROFILES[brand].intermediary_update_days
    if days is None:
        return None
    return datetime.combine(changed_at.date() + timedelta(days=days), time.min)


def customer_view(person, changes: Iterable) -> ContactDetails:
    """What the customer sees in the portal: every change at once."""
    return apply(from_person(person), changes)


def intermediary_view(person, changes: Iterable, now: datetime) -> ContactDetails:
    """What the broker or agent sees: only the changes that reached their tool by now."""
    reached = [
        c
        for c in changes
        if c.intermediary_sees_from is not None and c.intermediary_sees_from <= now
    ]
    return apply(from_person(person), reached)
