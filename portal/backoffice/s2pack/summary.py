"""The state of a contract's S² Pack as the MyVivium contract page, V-Connect and the
personal page show it: the stage, the installation's last day while it is awaited, the
next step on the clock and the timeline of the box's log (S2-5, S2-6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.telematics import S2Box, S2Event, S2Stage
from portal.rules.s2pack import installation_deadline, next_step

LOG_SHOWN = 50
WAITING = (S2Stage.ORDERED, S2Stage.SENT, S2Stage.RECEIVED)


@dataclass(frozen=True)
class PackState:
    stage: str
    deadline: date | None  # the installation's last day while it is awaited
    next_at: datetime | None
    next_step: str | None
    log: list[S2Event]


def pack_state(box: S2Box, now: datetime, log: list[S2Event]) -> PackState:
    due = next_step(box, now)
    waiting = box.received_at is not None and box.installed_at is None and box.stage in WAITING
    return PackState(
        stage=box.stage.value,
        deadline=installation_deadline(box.received_at.date()) if waiting else None,
        next_at=due.at if due else None,
        next_step=due.step.value if due else None,
        log=log,
    )


def box_log(db: Session, box_id: int) -> list[S2Event]:
    return list(
        db.scalars(
            select(S2Event)
            .where(S2Event.box_id == box_id)
            .order_by(S2Event.at.desc(), S2Event.id.desc())
            .limit(LOG_SHOWN)
        )
    )


def contract_pack(db: Session, contract_id: int, now: datetime) -> PackState | None:
    """The state of a contract's S² Pack, with its timeline, or None without one."""
    box = db.scalar(select(S2Box).where(S2Box.contract_id == contract_id))
    return pack_state(box, now, box_log(db, box.id)) if box else None
