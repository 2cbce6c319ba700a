"""The simulator's own state, shared by every worker through the database: the
simulated clock and the fault switches."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base

BRUSSELS = ZoneInfo("Europe/Brussels")

FAULTS = {
    "itsme_unavailable": "itsme answers that its service is unavailable",
    "eid_reader_missing": "the eID middleware finds no card reader",
    "sms_not_delivered": "SMS messages are written to the outbox but never delivered",
    "letter_lost": "letters are posted but lost in the post: never delivered",
}


class ClockState(Base):
    """One row. Simulated time is Brussels wall-clock time, stored without a zone.

    Running: now = real time + offset. Frozen: now = frozen_at (tests and demos).
    """

    __tablename__ = "sim_clock"

    id: Mapped[int] = mapped_column(primary_key=True)
    offset_seconds: Mapped[int] = mapped_column(Integer, default=0)
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime)


class Fault(Base):
    __tablename__ = "sim_fault"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)


def real_now() -> datetime:
    return datetime.now(BRUSSELS).replace(tzinfo=None, microsecond=0)


def _state(session: Session) -> ClockState:
    state = session.get(ClockState, 1)
    if state is None:
        state = ClockState(id=1, offset_seconds=0, frozen_at=None)
        session.add(state)
        session.flush()
    return state


def clock_now(session: Session) -> datetime:
    """The simulated time every time-dependent rule receives as `now`."""
    state = session.get(ClockState, 1)
    if state is None:
        return real_now()
    if state.frozen_at is not None:
        return state.frozen_at
    return real_now() + timedelta(seconds=state.offset_seconds)


def set_clock(session: Session, at: datetime, frozen: bool = False) -> None:
    state = _state(session)
    if frozen:
        state.frozen_at, state.offset_seconds = at.replace(microsecond=0), 0
    else:
        state.frozen_at = None
        state.offset_seconds = int((at - real_now()).total_seconds())


def advance_clock(session: Session, delta: timedelta) -> datetime:
    state = _state(session)
    if state.frozen_at is not None:
        state.frozen_at = state.frozen_at + delta
    else:
        state.offset_seconds += int(delta.total_seconds())
    return clock_now(session)


def fault_on(session: Session, name: str) -> bool:
    if name not in FAULTS:
        raise KeyError(name)
    return bool(session.scalar(select(Fault.enabled).where(Fault.name == name)))


def set_fault(session: Session, name: str, enabled: bool) -> None:
    if name not in FAULTS:
        raise KeyError(name)
    fault = session.get(Fault, name)
    if fault is None:
        session.add(Fault(name=name, enabled=enabled))
    else:
        fault.enabled = enabled
