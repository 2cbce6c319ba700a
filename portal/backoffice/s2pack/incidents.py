"""What the box reports, and the customer's requests (S2-2, S2-3, S2-4, S2-6, S2-7)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.orm import Session

from models import Contract, Person
from models.telematics import S2Box, S2Stage
from portal.backoffice.errors import Conflict, Invalid
from portal.backoffice.s2pack import notify
from portal.rules.s2pack import (
    CONTROL_ROOM,
    MAX_G,
    anomaly_number,
    has_advantages,
    impact_response,
    theft_tracking,
)

BATTERY_KINDS = {"low": "s2_battery_low_sms", "disconnected": "s2_battery_disconnected_sms"}
PLACE_LENGTH = 120
PLATE = re.compile(r"[A-Z0-9]{1,8}")  # as kept on the contract, without dashes


def _working(box: S2Box) -> None:
    if not has_advantages(box.stage):
        raise Conflict("s2_not_active", "the box is not installed and working", stage=box.stage)


def impact(
    session: Session,
    box: S2Box,
    holder: Person,
    now: datetime,
    *,
    g: float,
    in_belgium: bool,
    stopped: bool,
    answered: bool,
    place: str,
) -> dict:
    """S2-2, S2-8: an impact recorded (it shows on the personal page); an e-call at
    2.5 g or more with the car stopped in Belgium, the assistance's call, an SMS when he
    does not answer, a tow truck above 4 g; without a mobile, no assistance."""
    _working(box)
    if not 0 < g <= MAX_G:
        raise Invalid("s2_bad_impact", f"an impact is between 0 and {MAX_G} g", field="g")
    place = place.strip()[:PLACE_LENGTH]
    response = impact_response(
        g, in_belgium=in_belgium, stopped=stopped, answered=answered, has_mobile=bool(holder.mobile)
    )
    details = {"g": g, "in_belgium": in_belgium, "stopped": stopped, "place": place}
    notify.log(session, box, "impact", now, details)
    if response.ecall:
        notify.log(session, box, "ecall", now, {"g": g, "place": place})
        notify.log(session, box, "assistance_call", now, {"answered": answered})
    if response.sms:
        notify.sms(session, box, holder, "s2_ecall_missed_sms", {"hour": notify.hour(now)}, now)
    if response.tow:
        notify.log(session, box, "tow_truck", now, {"place": place})
    if (
        not holder.mobile
        and impact_response(
            g, in_belgium=in_belgium, stopped=stopped, answered=answered, has_mobile=True
        ).ecall
    ):
        notify.log(session, box, "no_assistance", now, {"reason": "no_mobile"})
    session.flush()
    return {
        "ecall": response.ecall,
        "call": response.call,
        "sms": response.sms,
        "tow": response.tow,
    }


def battery(session: Session, box: S2Box, holder: Person, now: datetime, what: str) -> None:
    """S2-4: an automatic SMS when the battery's power drops or it is disconnected."""
    _working(box)
    kind = BATTERY_KINDS.get(what)
    if kind is None:
        raise Invalid("s2_bad_battery", "battery is 'low' or 'disconnected'", field="what")
    notify.sms(session, box, holder, kind, {"hour": notify.hour(now)}, now)
    session.flush()


def report_anomaly(session: Session, box: S2Box, holder: Person, now: datetime) -> str:
    """S2-6, S2-7: the anomaly SMS at once, with the number that fits the box's placing
    date; the box waits for regularisation (the clock adjusts the premium without it)."""
    _working(box)
    phone = anomaly_number(box.placed_on or now.date())
    box.stage, box.anomaly_at = S2Stage.ANOMALY, now
    notify.sms(session, box, holder, "s2_anomaly_sms", {"phone": phone}, now)
    session.flush()
    return phone


def request_theft_tracking(session: Session, box: S2Box, now: datetime) -> list[str]:
    """S2-3: tracking starts only on the customer's request, on a working box; the
    steps he takes: the control room, the police, the claim if insured for theft."""
    if not theft_tracking(requested=True, stage=box.stage):
        raise Conflict("s2_not_active", "the box is not installed and working", stage=box.stage)
    steps = [f"control_room:{CONTROL_ROOM}", "police_report", "claim_if_theft_cover"]
    notify.log(session, box, "theft_tracking", now, {"steps": steps})
    session.flush()
    return steps


def change_vehicle(
    session: Session, box: S2Box, contract: Contract, holder: Person, now: datetime, plate: str
) -> str:
    """S2-6, S2-7: Vivium receives a change of vehicle: the SMS, and the box moved by
    the number that fits its placing date."""
    if box.stage == S2Stage.ENDED:
        raise Conflict("s2_already_ended", "the S² Pack has already ended")
    plate = re.sub(r"[ -]", "", plate).upper()
    if PLATE.fullmatch(plate) is None:
        raise Invalid("s2_bad_plate", "a plate has 1 to 8 letters or digits", field="plate")
    phone = anomaly_number(box.placed_on or now.date())
    contract.vehicle_plate = plate
    notify.sms(session, box, holder, "s2_vehicle_change_sms", {"plate": plate, "phone": phone}, now)
    notify.log(session, box, "box_moved", now, {"plate": plate})
    session.flush()
    return phone
