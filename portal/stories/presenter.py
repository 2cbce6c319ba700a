"""What the presenter view shows of a story's world (issue 19): the customer's phone (SMS
once they arrive), his letterbox (letters once delivered, RG-1, RG-6), his inbox, the
simulated time, and who he is in the world (person and account), read in a fixed number
of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Account, OutboxMessage, Person
from models.outbox import Channel
from portal.stories.actions import persona_number
from portal.stories.catalogue import Story

SHOWN = 12  # the latest messages of each kind


@dataclass(frozen=True)
class Customer:
    person_id: int | None
    account_id: int | None


def customer_of(db: Session, story: Story) -> Customer:
    """The story's customer in its world: his first record, his account in the brand."""
    s = story.setup
    number = persona_number(s.persona)
    person_id = db.scalar(
        select(Person.id).where(Person.national_number == number).order_by(Person.id)
    )
    account_id = db.scalar(
        select(Account.id).where(Account.person_id == person_id, Account.brand == s.brand)
    )
    return Customer(person_id, account_id)


def _message(m: OutboxMessage) -> dict:
    return {
        "id": m.id,
        "channel": m.channel.value,
        "at": m.deliver_at.strftime("%d/%m/%Y %H:%M"),
        "subject": m.subject,
        "body": m.body,
    }


def delivered_messages(db: Session, person_id: int | None, now: datetime) -> dict[str, list]:
    """SMS, letters and emails the customer has received by `now`, newest first."""
    found: dict[str, list] = {c.value: [] for c in Channel}
    if person_id is None:
        return found
    rows = db.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.person_id == person_id, OutboxMessage.deliver_at <= now)
        .where(OutboxMessage.lost.is_(False))
        .order_by(OutboxMessage.deliver_at.desc(), OutboxMessage.id.desc())
    )
    for m in rows:
        if m.delivered(now) and len(found[m.channel.value]) < SHOWN:
            found[m.channel.value].append(_message(m))
    return found
