"""The simulator's own state, shared by every worker through the database: the
simulated clock and the fault switches."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.util import identity_key

from models.base import Base

BRUSSELS = ZoneInfo("Europe/Brussels")


class FaultName(StrEnum):
    """The fault switches a tester can turn on. Adding one is a line here plus the code
    that reacts to it (`fault_on(session, FaultName.X)`, read once per request). The
    value is the name the console, the API and the `sim_fault` table use."""

    description: str

    def __new__(cls, value: str, description: str) -> FaultName:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    ITSME_UNAVAILABLE = "itsme_unavailable", "itsme answers that its service is unavailable"
    EID_READER_MISSING = "eid_reader_missing", "the eID middleware finds no card reader"
    SMS_NOT_DELIVERED = (
        "sms_not_delivered",
        "SMS messages are written to the outbox but never delivered",
    )
    LETTER_LOST = "letter_lost", "letters are posted but lost in the post: never delivered"
    INFORMEX_UNAVAILABLE = (
        "informex_unavailable",
        "the Informex vehicle database does not answer: V-Connect Auto asks for manual entry",
    )


def fault_named(name: str) -> FaultName | None:
    """The fault a name from the console or the API stands for, or None."""
    try:
        return FaultName(name)
    except ValueError:
        return None


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


_CLOCK_KEY = identity_key(ClockState, 1)
#: Where a query that read the clock's row with other data leaves its values for the
#: request (issue 12): `clock_now` then costs no statement.
_READ_WITH = "sim_clock_read_with"


def remember_clock(
    session: Session, offset_seconds: int | None, frozen_at: datetime | None
) -> None:
    """Keep the clock's row as another query of this session read it (`offset_seconds`
    None: there is no row, the real time)."""
    session.info[_READ_WITH] = (offset_seconds, frozen_at)


def _state(session: Session) -> ClockState:
    session.info.pop(_READ_WITH, None)  # the row is about to change: read it for real
    state = session.get(ClockState, 1)
    if state is None:
        state = ClockState(id=1, offset_seconds=0, frozen_at=None)
        session.add(state)
        session.flush()
    return state


def clock_now(session: Session) -> datetime:
    """The simulated time every time-dependent rule receives as `now`."""
    state = session.identity_map.get(_CLOCK_KEY)
    if state is not None:
        offset, frozen = state.offset_seconds, state.frozen_at
    elif _READ_WITH in session.info:
        offset, frozen = session.info[_READ_WITH]
    else:
        state = session.get(ClockState, 1)
        if state is None:
            return real_now()
        offset, frozen = state.offset_seconds, state.frozen_at
    if frozen is not None:
        return frozen
    if offset is None:
        return real_now()
    return real_now() + timedelta(seconds=offset)


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


def fault_on(session: Session, fault: FaultName) -> bool:
    """Whether a fault is switched on; only a `FaultName` is accepted, so a misspelt
    fault is refused where it is read."""
    if not isinstance(fault, FaultName):
        raise TypeError(f"fault_on expects a FaultName, not {fault!r}")
    return bool(session.scalar(select(Fault.enabled).where(Fault.name == fault.value)))


def set_fault(session: Session, name: FaultName | str, enabled: bool) -> None:
    """Switch a fault; a name that is not a fault raises ValueError naming it."""
    fault_name = FaultName(name).value
    fault = session.get(Fault, fault_name)
    if fault is None:
        session.add(Fault(name=fault_name, enabled=enabled))
    else:
        fault.enabled = enabled
