"""The box's life outside the clock's own steps: installation, regularisation, the
premium adjustment and the end of the pack (S2-5, S2-6, S2-7, S2-8)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import Contract, Person
from models.telematics import S2Box, S2Stage
from portal.backoffice.errors import Conflict
from portal.backoffice.s2pack import notify
from portal.rules.s2pack import adjusted_guarantees, anomaly_number, installation_late

WAITING = (S2Stage.ORDERED, S2Stage.SENT, S2Stage.RECEIVED)
ADJUSTED = "s2_premium_adjusted_letter"


def install(
    session: Session, box: S2Box, holder: Person, now: datetime, *, by: str = "console"
) -> S2Box:
    """S2-5, S2-6: the box is installed (from the console, the API or the customer's
    own "I have installed it"): the activation SMS, and Vivium is told."""
    if box.stage not in WAITING:
        raise Conflict("s2_not_waiting", "this box is not waiting to be installed", stage=box.stage)
    if box.sent_at is None:
        raise Conflict("s2_not_sent", "the box has not been sent yet")
    box.received_at = box.received_at or now
    box.installed_at = now
    box.placed_on = box.placed_on or now.date()
    box.stage = S2Stage.ACTIVE
    late = installation_late(box.received_at.date(), now.date())
    notify.log(session, box, "installed", now, {"by": by, "late": late})
    notify.sms(session, box, holder, "s2_activation_sms", {"serial": box.serial}, now)
    notify.log(session, box, "vivium_told", now, {"serial": box.serial})
    session.flush()
    return box


def regularise(session: Session, box: S2Box, now: datetime) -> S2Box:
    """S2-7: the out-of-order box works again; the premium stays as it was."""
    if box.stage != S2Stage.ANOMALY:
        raise Conflict("s2_no_anomaly", "this box is not out of order", stage=box.stage)
    box.stage, box.anomaly_at = S2Stage.ACTIVE, None
    notify.log(session, box, "regularised", now)
    session.flush()
    return box


def adjust(
    session: Session, box: S2Box, contract: Contract, holder: Person, at: datetime, reason: str
) -> None:
    """S2-5, S2-7, S2-8: the pack's discount taken back on civil liability and material
    damage (if taken), by letter; the advantages end."""
    contract.annual_premium_cents += box.discount_cents
    box.adjusted_at = at
    names = [notify.part(ADJUSTED, g, holder) for g in _parts(contract)]
    values = {
        "contract": contract.number,
        "reason": notify.part(ADJUSTED, f"reason_{reason}", holder),
        "guarantees": ", ".join(names),
        "premium": notify.euros(contract.annual_premium_cents, holder),
    }
    notify.letter(session, box, holder, ADJUSTED, values, at)


def _parts(contract: Contract) -> list[str]:
    short = {"civil_liability": "cl", "material_damage": "md"}
    return [short[g] for g in adjusted_guarantees(list(contract.covered or []))]


def end_pack(
    session: Session, box: S2Box, contract: Contract, holder: Person, now: datetime
) -> S2Box:
    """S2-8, S2-6, S2-7: the customer stops the pack: the de-installation SMS with the
    number that fits the box and the return address, and the discount adjusted."""
    if box.stage == S2Stage.ENDED:
        raise Conflict("s2_already_ended", "the S² Pack has already ended")
    phone = anomaly_number(box.placed_on or now.date())
    notify.sms(session, box, holder, "s2_deinstallation_sms", {"phone": phone}, now)
    if box.adjusted_at is None:
        adjust(session, box, contract, holder, now, "stopped")
    box.stage, box.ended_at = S2Stage.ENDED, now
    session.flush()
    return box
