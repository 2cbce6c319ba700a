"""The VIVIUM S² Pack: the telematics option of a Vivium car policy (S2-1..S2-8).

Pure functions of plain values and `now`: what the assistance does after an impact,
the installation deadline, the reminders and the premium adjustment, the number an
anomaly SMS gives, theft tracking, the end of the pack. `due_steps` and `next_step`
give the box's schedule on the simulated clock; the back office plays the steps.

Delays the source does not give are the simulator's own choices and named here:
the pack's discount is 10 % of the premium;
the box leaves 2 days after the contract and arrives 3 days later; the late reminders
come 14 days apart; an anomaly left 30 days without regularisation adjusts the premium.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from models.telematics import S2Stage as Stage

ECALL_MIN_G = 2.5  # S2-2: at least 2.5 g
TOW_ABOVE_G = 4.0  # S2-2: strictly above 4 g
MAX_G = 50.0  # what a box can measure; anything above is a bad reading
INSTALL_DAYS = 21  # S2-5: three weeks after the box is received
SEND_DELAY = timedelta(days=2)
DELIVERY_DELAY = timedelta(days=3)
REMINDER_GAP = timedelta(days=14)
LATE_REMINDERS = 2  # S2-5: two by SMS and two by letter
REGULARISE_DELAY = timedelta(days=30)
NEW_NUMBERS_FROM = date(2015, 10, 1)  # S2-7: placed before October 2015 or after
MOBILE_INSTALLER = "071 528 747"
TECHNICAL_HELPDESK = "02 420 43 82"
CONTROL_ROOM = "0800-12.414"
RETURN_ADDRESS = ("P&V - Facility Management", "Koningsstraat 151", "1210 Brussel")
DISCOUNTED = ("civil_liability", "material_damage")  # S2-5, S2-8
DISCOUNT_PERCENT = 10  # the simulator's discount for the pack on those guarantees


class Step(StrEnum):
    """A step the clock plays by itself."""

    BOX_SENT = "box_sent"
    BOX_RECEIVED = "box_received"
    MONTH_REMINDER = "month_reminder"
    LATE_REMINDER = "late_reminder"
    PREMIUM_ADJUSTED = "premium_adjusted"


class BoxState(Protocol):
    stage: str
    subscribed_at: datetime
    sent_at: datetime | None
    received_at: datetime | None
    installed_at: datetime | None
    anomaly_at: datetime | None
    month_reminded_at: datetime | None
    late_reminders: int


@dataclass(frozen=True)
class Due:
    at: datetime
    step: Step
    number: int = 0  # the late reminder's number (1 or 2)


@dataclass(frozen=True)
class ImpactResponse:
    """S2-2: what follows an impact."""

    ecall: bool  # the box sends its position to the assistance
    call: bool  # the assistance calls the customer's mobile
    sms: bool  # no answer: an SMS asks him to call the assistance
    tow: bool  # a tow truck is sent at once


def impact_response(
    g: float, *, in_belgium: bool, stopped: bool, answered: bool, has_mobile: bool
) -> ImpactResponse:
    """S2-2, S2-8: an e-call at 2.5 g or more when the car stops in Belgium; the
    assistance calls, an SMS follows when he does not answer; above 4 g a tow truck
    is sent. Without a mobile there is no assistance at all."""
    ecall = g >= ECALL_MIN_G and in_belgium and stopped and has_mobile
    return ImpactResponse(
        ecall=ecall,
        call=ecall,
        sms=ecall and not answered,
        tow=ecall and g > TOW_ABOVE_G,
    )


def installation_deadline(received_on: date) -> date:
    """S2-5: the last day to install the box, three weeks after receiving it."""
    return received_on + timedelta(days=INSTALL_DAYS)


def installation_late(received_on: date, today: date) -> bool:
    """S2-5: installed on the deadline's day is in time; the day after is late."""
    return today > installation_deadline(received_on)


def add_month(moment: datetime) -> datetime:
    """The same day one month later (the month's last day when it has no such day)."""
    year, month = (moment.year, moment.month + 1) if moment.month < 12 else (moment.year + 1, 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def month_reminder_at(subscribed_at: datetime) -> datetime:
    """S2-6: the reminder SMS one month after the contract, when nothing is installed."""
    return add_month(subscribed_at)


def late_from(received_at: datetime) -> datetime:
    """S2-5: the first moment the installation is late (the day after the deadline)."""
    return datetime.combine(installation_deadline(received_at.date()), time()) + timedelta(days=1)


def anomaly_number(placed_on: date) -> str:
    """S2-7: the mobile installer for a box placed before October 2015, the technical
    helpdesk for one placed later; the same numbers move a box to a new vehicle."""
    return MOBILE_INSTALLER if placed_on < NEW_NUMBERS_FROM else TECHNICAL_HELPDESK


def adjusted_guarantees(covered: list[str]) -> list[str]:
    """S2-5, S2-8: the guarantees whose discount goes: civil liability, and material
    damage only when it was taken."""
    return [g for g in DISCOUNTED if g == "civil_liability" or g in covered]


def pack_discount(annual_premium_cents: int) -> int:
    """S2-8: the discount the pack gives, in cents, that an adjustment takes back."""
    return round(annual_premium_cents * DISCOUNT_PERCENT / 100)


def theft_tracking(*, requested: bool, stage: str) -> bool:
    """S2-3: tracking after a theft only on the customer's request, on a working box."""
    return requested and stage == Stage.ACTIVE


def has_advantages(stage: str) -> bool:
    """S2-1: e-call, tracking and the personal page's data need an installed box."""
    return stage == Stage.ACTIVE


def _delivery_steps(box: BoxState) -> list[Due]:
    if box.sent_at is None:
        return [Due(box.subscribed_at + SEND_DELAY, Step.BOX_SENT)]
    if box.received_at is None:
        return [Due(box.sent_at + DELIVERY_DELAY, Step.BOX_RECEIVED)]
    return []


def _installation_steps(box: BoxState) -> list[Due]:
    steps = []
    if box.month_reminded_at is None:
        steps.append(Due(month_reminder_at(box.subscribed_at), Step.MONTH_REMINDER))
    if box.received_at is not None:
        start, sent = late_from(box.received_at), box.late_reminders
        if sent < LATE_REMINDERS:
            steps.append(Due(start + sent * REMINDER_GAP, Step.LATE_REMINDER, sent + 1))
        else:
            steps.append(Due(start + LATE_REMINDERS * REMINDER_GAP, Step.PREMIUM_ADJUSTED))
    return steps


def pending_steps(box: BoxState) -> list[Due]:
    """S2-5, S2-6, S2-7: the box's next steps whatever the time, earliest first."""
    if box.stage in (Stage.LAPSED, Stage.ENDED):
        return []
    if box.stage == Stage.ANOMALY and box.anomaly_at is not None:
        return [Due(box.anomaly_at + REGULARISE_DELAY, Step.PREMIUM_ADJUSTED)]
    if box.installed_at is not None:
        return []
    steps = _delivery_steps(box) + _installation_steps(box)
    return sorted(steps, key=lambda d: d.at)


def due_steps(box: BoxState, now: datetime) -> list[Due]:
    """The pending steps whose time has come (at or before `now`)."""
    return [d for d in pending_steps(box) if d.at <= now]


def next_step(box: BoxState, now: datetime) -> Due | None:
    """The first step strictly after `now`, for the next-events list; None if none."""
    return next((d for d in pending_steps(box) if d.at > now), None)
