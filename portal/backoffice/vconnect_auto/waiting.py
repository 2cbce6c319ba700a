"""The quotes waiting for the company's analysis (VA-8), for the console: who asked,
for which customer and vehicle, what triggered the analysis and since when.

A page holds PAGE_SIZE quotes, the oldest request first; the next page starts after
the last one shown (keyset paging on its request time and id, `After`), however many
quotes wait. The index on va_quote.status finds the quotes in analysis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Row, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from models import AutoQuote, AutoQuoteEvent, Intermediary, Person
from models.vconnect_auto import QuoteStatus
from portal.backoffice.errors import Malformed

ASKED = "analysis_asked"
PAGE_SIZE = 50  # quotes per page of the console
LAST_ID = 2**63 - 1  # the largest id a cursor may name
CURSOR_MOST = 46  # characters: an ISO time with microseconds (26), "_", an id (19)


@dataclass(frozen=True)
class After:
    """The cursor of the next page: the last quote shown, by its request time and id
    (the page's order; the id breaks a tie between equal times)."""

    at: datetime
    id: int

    def token(self) -> str:
        """As a link writes it: `2026-11-23T09:00:00_42`."""
        return f"{self.at.isoformat()}_{self.id}"

    @classmethod
    def parse(cls, raw: str) -> After:
        """From a link, exactly as `token` writes it (a naive ISO date and time, "_", an
        id from 1 in ASCII digits); anything else raises Malformed `invalid_after`."""
        at, _, number = raw.strip().rpartition("_")
        try:
            when = datetime.fromisoformat(at) if len(raw) <= CURSOR_MOST else None
        except ValueError:
            when = None
        known = when is not None and when.tzinfo is None and when.isoformat() == at
        if not (known and number.isascii() and number.isdigit() and 1 <= int(number) <= LAST_ID):
            raise Malformed("invalid_after", "not a page cursor", field="after")
        return cls(when, int(number))


@dataclass(frozen=True)
class WaitingQuote:
    number: str
    broker: str
    producer_number: str
    customer: str
    vehicle: str
    plate: str
    reasons: list[str]
    since: datetime
    id: int


@dataclass(frozen=True)
class WaitingPage:
    quotes: list[WaitingQuote]
    after: After | None  # where the next page starts; None on the last page


def _since() -> ColumnElement[datetime]:
    """When the quote's latest analysis request was made (its last change without one)."""
    return func.coalesce(AutoQuoteEvent.at, AutoQuote.updated_at)


def _waiting_query(after: After | None, limit: int) -> Select:
    latest = (
        select(func.max(AutoQuoteEvent.id))
        .where(AutoQuoteEvent.quote_id == AutoQuote.id, AutoQuoteEvent.what == ASKED)
        .correlate(AutoQuote)
        .scalar_subquery()
    )
    query = (
        select(
            AutoQuote.number,
            Intermediary.first_name,
            Intermediary.last_name,
            Intermediary.producer_number,
            Person.first_name,
            Person.last_name,
            AutoQuote.vehicle_make,
            AutoQuote.vehicle_model,
            AutoQuote.vehicle_plate,
            AutoQuoteEvent.note,
            _since(),
            AutoQuote.id,
        )
        .join(Intermediary, Intermediary.id == AutoQuote.intermediary_id)
        .join(Person, Person.id == AutoQuote.person_id)
        .outerjoin(AutoQuoteEvent, AutoQuoteEvent.id == latest)
        .where(AutoQuote.status == QuoteStatus.ANALYSIS)
        .order_by(_since(), AutoQuote.id)
        .limit(limit)
    )
    if after is None:
        return query
    later = or_(_since() > after.at, and_(_since() == after.at, AutoQuote.id > after.id))
    return query.where(later)


def _waiting(row: Row) -> WaitingQuote:
    number, broker_first, broker_last, producer, first, last, *vehicle, note, at, quote_id = row
    make, model, plate = vehicle
    return WaitingQuote(
        number=number,
        broker=f"{broker_first} {broker_last}",
        producer_number=producer,
        customer=f"{first} {last}",
        vehicle=" ".join(part for part in (make, model) if part),
        plate=plate or "",
        reasons=[r for r in (note or "").split(", ") if r],
        since=at,
        id=quote_id,
    )


def waiting_for_analysis(db: Session, after: After | None = None,
                         size: int = PAGE_SIZE) -> WaitingPage:  # fmt: skip
    """VA-8: a page of the quotes in analysis, the oldest request first, from `after`
    (one query, one row more than the page to know whether another follows). A quote
    changed after a decision and sent again waits since its latest request; the
    criteria are those its request named."""
    rows = [_waiting(row) for row in db.execute(_waiting_query(after, size + 1))]
    shown = rows[:size]
    more = len(rows) > size
    return WaitingPage(shown, After(shown[-1].since, shown[-1].id) if more else None)
