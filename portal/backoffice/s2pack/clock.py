"""The S² Pack's life on the simulated clock (S2-5, S2-6, S2-7): each box's steps whose
time has come are played at their own moment, so the messages carry the date they were
due, whatever jump the clock made."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from models import Contract, Person
from models.sim import ClockState, remember_clock
from models.telematics import S2Box, S2Stage
from portal.backoffice.s2pack import notify
from portal.backoffice.s2pack.life import adjust
from portal.rules.s2pack import (
    TECHNICAL_HELPDESK,
    Due,
    Step,
    due_steps,
    installation_deadline,
    next_step,
    pending_steps,
)

OPEN = (S2Stage.ORDERED, S2Stage.SENT, S2Stage.RECEIVED, S2Stage.ANOMALY)
MAX_STEPS = 20  # more than a box's whole life, so a loop always ends


@dataclass(frozen=True)
class Played:
    contract: str
    at: datetime
    step: str


# Table columns, not mapped attributes: a Core statement skips the ORM's execution path
# on every console request (issue 12).
_CLOCK, _BOX = ClockState.__table__.c, S2Box.__table__.c
_CLOCK_AND_ANY_OPEN = select(
    select(_CLOCK.offset_seconds).where(_CLOCK.id == 1).scalar_subquery(),
    select(_CLOCK.frozen_at).where(_CLOCK.id == 1).scalar_subquery(),
    exists().where(_BOX.stage.in_(OPEN)),
)


def any_open_box(session: Session) -> bool:
    """Whether a box has steps still to come (S2-5..S2-7), in one statement that also
    reads the simulated clock's row and keeps it for the request's `clock_now`
    (models.sim.remember_clock; no row, the real time): the catch-up before every
    console page and API call costs one statement when no box is open (issue 12)."""
    offset, frozen, any_open = session.execute(_CLOCK_AND_ANY_OPEN).one()
    remember_clock(session, offset, frozen)
    return bool(any_open)


#: The open boxes alone: every S² page and console request looks whether one has a step
#: due, and only such a box needs its contract and holder (issue 12).
_OPEN_BOXES = select(S2Box).where(S2Box.stage.in_(OPEN)).order_by(S2Box.id)


def _open_boxes(session: Session) -> Iterable:
    return session.execute(
        select(S2Box, Contract, Person)
        .join(Contract, Contract.id == S2Box.contract_id)
        .join(Person, Person.id == Contract.holder_id)
        .where(S2Box.stage.in_(OPEN))
        .order_by(S2Box.id)
    ).all()


def due_events(session: Session, now: datetime) -> list[tuple[Due, str]]:
    """S2-5, S2-6: each open box's next step after `now`, with its contract number."""
    found = []
    for box, contract, _ in _open_boxes(session):
        step = next_step(box, now)
        if step is not None:
            found.append((step, contract.number))
    return found


def play_due(session: Session, now: datetime) -> list[Played]:
    """Play every step due at or before `now`, box by box, earliest first (flushed).

    A box with a step due is read again under a row lock (FOR UPDATE on PostgreSQL), so
    two requests reaching the same moment of a running clock play it once: the second
    waits for the first to commit and then finds nothing left to play."""
    played = []
    for box in session.scalars(_OPEN_BOXES).all():
        if not due_steps(box, now):
            continue
        session.flush()
        session.refresh(box, with_for_update=True)
        contract = session.get(Contract, box.contract_id)
        holder = session.get(Person, contract.holder_id)
        for _ in range(MAX_STEPS):
            steps = pending_steps(box)
            if not steps or steps[0].at > now:
                break
            _play(session, box, contract, holder, steps[0])
            played.append(Played(contract.number, steps[0].at, steps[0].step.value))
    session.flush()
    return played


def _play(session: Session, box: S2Box, contract: Contract, holder: Person, due: Due) -> None:
    at = due.at
    if due.step == Step.BOX_SENT:
        box.sent_at, box.stage = at, S2Stage.SENT
        notify.sms(session, box, holder, "s2_delivery_sms", {"serial": box.serial}, at)
    elif due.step == Step.BOX_RECEIVED:
        box.received_at, box.stage = at, S2Stage.RECEIVED
        deadline = notify.day(installation_deadline(at.date()))
        notify.log(session, box, "box_received", at, {"deadline": deadline})
    elif due.step == Step.MONTH_REMINDER:
        box.month_reminded_at = at
        values = {"helpdesk": TECHNICAL_HELPDESK}
        notify.sms(session, box, holder, "s2_reminder_sms", values, at)
    elif due.step == Step.LATE_REMINDER:
        _late_reminder(session, box, contract, holder, due)
    else:
        reason = "not_regularised" if box.stage == S2Stage.ANOMALY else "not_installed"
        adjust(session, box, contract, holder, at, reason)
        box.stage = S2Stage.LAPSED


def _late_reminder(
    session: Session, box: S2Box, contract: Contract, holder: Person, due: Due
) -> None:
    box.late_reminders = due.number
    deadline = notify.day(installation_deadline(box.received_at.date()))
    values = {"number": due.number, "deadline": deadline, "helpdesk": TECHNICAL_HELPDESK}
    notify.sms(session, box, holder, "s2_late_reminder_sms", values, due.at)
    letter_values = {**values, "contract": contract.number}
    notify.letter(session, box, holder, "s2_late_reminder_letter", letter_values, due.at)
