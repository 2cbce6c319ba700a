"""What the personal S² page shows (S2-1): the box's state and next deadline, the usage
from the generated trips, the charts' bars and the accidents the box recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from models import Contract
from models.telematics import S2Box
from portal.backoffice.s2pack.summary import WAITING, PackState, box_log, pack_state
from portal.rules.s2trips import Bar, Usage, bars, trips, usage

ROADS = {
    "town": _l("In town"),
    "motorway": _l("Motorway"),
    "other": _l("Other roads"),
    "abroad": _l("Abroad"),
}


@dataclass(frozen=True)
class Accident:
    at: datetime
    place: str
    g: float


@dataclass(frozen=True)
class PageData:
    contract: str
    plate: str | None
    state: PackState
    can_install: bool
    usage: Usage | None
    week_bars: list[Bar]
    band_bars: list[Bar]
    road_bars: list[Bar]
    accidents: list[Accident]


def page_data(db: Session, box: S2Box, now: datetime) -> PageData:
    contract = db.get(Contract, box.contract_id)
    log = box_log(db, box.id)
    state = pack_state(box, now, log)
    found = None
    if box.installed_at is not None:
        until = min(d for d in (now, box.adjusted_at, box.ended_at) if d is not None)
        found = usage(trips(box.trip_seed, box.installed_at, until), now.date())
    accidents = [
        Accident(e.at, str(e.details.get("place", "")), float(e.details.get("g", 0)))
        for e in log
        if e.kind == "impact"
    ]
    return PageData(
        contract=contract.number,
        plate=contract.vehicle_plate,
        state=state,
        can_install=box.stage in WAITING and box.sent_at is not None,
        usage=found,
        week_bars=bars([(w.strftime("%d/%m"), km) for w, km in found.km_by_week]) if found else [],
        band_bars=bars(list(found.km_by_band.items())) if found else [],
        road_bars=bars([(str(ROADS[r]), km) for r, km in found.km_by_road.items()])
        if found
        else [],
        accidents=accidents,
    )
