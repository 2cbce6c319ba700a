"""What the trainer and the QA scripts can do to the simulated world: move the clock
(also to the next scheduled event), deliver letters, switch faults, reset the data.
Services flush; the unit of work of the request or command commits (portal.transaction)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from auth.settings import AuthSettings
from models import OutboxMessage
from models.sim import Fault, FaultName, advance_clock, clock_now, real_now, set_clock, set_fault
from portal.backoffice.s2pack import play_due as play_s2pack
from portal.sim.events import Event, scheduled_events
from seed.demo import clear, load_demo

RESET_MODES = ("demo", "empty")

__all__ = [
    "advance_to_next_event",
    "deliver_all_letters",
    "faults",
    "move_clock",
    "put_clock",
    "reset",
    "set_fault",
]


def deliver_all_letters(db: Session) -> int:
    """Every letter in transit arrives now, and any SMS or email still in transit too
    (lost letters and SMS never delivered stay so)."""
    now = clock_now(db)
    result = db.execute(
        update(OutboxMessage)
        .where(OutboxMessage.lost.is_(False), OutboxMessage.deliver_at > now)
        .values(deliver_at=now)
    )
    return result.rowcount


def advance_to_next_event(db: Session, rules: AuthSettings) -> Event | None:
    """Move the clock to the next scheduled event (portal.sim.events), frozen or
    running as it is; None, and the clock unmoved, when nothing is scheduled."""
    now = clock_now(db)
    upcoming = scheduled_events(db, now, rules, limit=1)
    if not upcoming:
        return None
    play_s2pack(db, advance_clock(db, upcoming[0].at - now))
    return upcoming[0]


MAX_YEARS_AWAY = 50


def check_moment(moment: datetime) -> datetime:
    """Simulated time stays within 50 years of today, so every date computed from it
    (letter delivery, code expiry) and the stored offset stay in range."""
    today = real_now()
    if abs((moment - today).days) > MAX_YEARS_AWAY * 366:
        raise ValueError(f"the simulated time must stay within {MAX_YEARS_AWAY} years of today")
    return moment


def move_clock(db: Session, *, hours: float = 0, days: float = 0) -> datetime:
    if not (-24 * 3650 <= hours + days * 24 <= 24 * 3650):
        raise ValueError("the clock moves by at most ten years at a time")
    delta = timedelta(hours=hours, days=days)
    check_moment(clock_now(db) + delta)
    moved = advance_clock(db, delta)
    play_s2pack(db, moved)  # S2-5..S2-7: the pack's steps due by then happen
    return moved


def put_clock(db: Session, at: datetime, frozen: bool) -> datetime:
    set_clock(db, check_moment(at), frozen=frozen)
    play_s2pack(db, clock_now(db))
    return clock_now(db)


def faults(db: Session) -> dict[str, bool]:
    enabled = {f.name: f.enabled for f in db.query(Fault).all()}
    return {fault.value: enabled.get(fault.value, False) for fault in FaultName}


def reset(db: Session, mode: str = "demo") -> int:
    """Back to the demo personas, or to an empty simulator; clock and faults too.
    Returns the number of personas loaded."""
    if mode not in RESET_MODES:
        raise ValueError(mode)
    if mode == "empty":
        clear(db)
        return 0
    return len(load_demo(db, reset=True))
