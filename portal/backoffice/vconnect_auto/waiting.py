"""The quotes waiting for the company's analysis (VA-8), for the console: who asked,
for which customer and vehicle, what triggered the analysis and since when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from models import AutoQuote, AutoQuoteEvent, Intermediary, Person
from models.vconnect_auto import QuoteStatus

ASKED = "analysis_asked"


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


def _since() -> ColumnElement[datetime]:
    """When the quote's latest analysis request was made (its last change without one)."""
    return func.coalesce(AutoQuoteEvent.at, AutoQuote.updated_at)


def _waiting_query(limit: int) -> Select:
    latest = (
        select(func.max(AutoQuoteEvent.id))
        .where(AutoQuoteEvent.quote_id == AutoQuote.id, AutoQuoteEvent.what == ASKED)
        .correlate(AutoQuote)
        .scalar_subquery()
    )
    return (
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
        )
        .join(Intermediary, Intermediary.id == AutoQuote.intermediary_id)
        .join(Person, Person.id == AutoQuote.person_id)
        .outerjoin(AutoQuoteEvent, AutoQuoteEvent.id == latest)
        .where(AutoQuote.status == QuoteStatus.ANALYSIS)
        .order_by(_since(), AutoQuote.id)
        .limit(limit)
    )


def _waiting(row: Row) -> WaitingQuote:
    number, broker_first, broker_last, producer, first, last, make, model, plate, note, at = row
    return WaitingQuote(
        number=number,
        broker=f"{broker_first} {broker_last}",
        producer_number=producer,
        customer=f"{first} {last}",
        vehicle=" ".join(part for part in (make, model) if part),
        plate=plate or "",
        reasons=[r for r in (note or "").split(", ") if r],
        since=at,
    )


def waiting_for_analysis(db: Session, limit: int = 200) -> list[WaitingQuote]:
    """VA-8: every quote in analysis, the oldest request first (one query). A quote
    changed after a decision and sent again waits since its latest request; the
    criteria are those its request named."""
    return [_waiting(row) for row in db.execute(_waiting_query(limit))]
