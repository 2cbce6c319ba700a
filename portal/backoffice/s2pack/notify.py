"""Every S² Pack message goes through the one outbox writer, in the holder's language,
and leaves a line in the box's events log (S2-6). A holder without a mobile gets no SMS
(S2-8): the log says so."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from babel.numbers import format_currency
from sqlalchemy.orm import Session

from models import Person
from models.brands import System, brand_of
from models.outbox_writer import message_text, post_message
from models.telematics import S2Box, S2Event

LETTER_DAYS = 2  # business days a letter of the pack takes (the simulator's choice)
LOCALES = {"fr": "fr_BE", "nl": "nl_BE"}
SECRET = frozenset({"password"})  # sent to the customer, never kept in the log


def log(
    session: Session,
    box: S2Box,
    kind: str,
    at: datetime,
    details: Mapping[str, object] | None = None,
    message_id: int | None = None,
) -> S2Event:
    event = S2Event(
        box_id=box.id, at=at, kind=kind, details=dict(details or {}), message_id=message_id
    )
    session.add(event)
    return event


def sms(
    session: Session,
    box: S2Box,
    holder: Person,
    kind: str,
    values: Mapping[str, object],
    at: datetime,
) -> S2Event:
    """One SMS of the pack to the holder's mobile, logged; none without a mobile."""
    if not holder.mobile:
        return log(session, box, f"{kind}_not_sent", at, {"reason": "no_mobile"})
    message = post_message(
        session,
        kind,
        brand=brand_of(System.S2PACK),
        language=holder.language,
        recipient=holder.mobile,
        values=values,
        now=at,
        person_id=holder.id,
    )
    session.flush()
    shown = {k: v for k, v in values.items() if k not in SECRET}
    return log(session, box, kind, at, shown, message.id)


def letter(
    session: Session,
    box: S2Box,
    holder: Person,
    kind: str,
    values: Mapping[str, object],
    at: datetime,
) -> S2Event:
    """One letter of the pack to the holder's address, logged."""
    street, city = holder.address_lines
    message = post_message(
        session,
        kind,
        brand=brand_of(System.S2PACK),
        language=holder.language,
        recipient=f"{holder.full_name}, {street}, {city}",
        values={"name": holder.full_name, "street": street, "city": city, **values},
        now=at,
        person_id=holder.id,
        business_days=LETTER_DAYS,
    )
    session.flush()
    return log(session, box, kind, at, values, message.id)


def part(kind: str, name: str, holder: Person) -> str:
    """A named text of a message file in the holder's language (a reason, a guarantee)."""
    return message_text(kind, name, brand_of(System.S2PACK), holder.language, {})


def euros(cents: int, holder: Person) -> str:
    return format_currency(cents / 100, "EUR", locale=LOCALES[holder.language.value])


def day(moment: date) -> str:
    return moment.strftime("%d/%m/%Y")


def hour(moment: datetime) -> str:
    return moment.strftime("%H:%M")
