"""Insurgate offices and quotes as the control API shows them (IG-2..IG-6)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.insurgate import IgOffice, IgQuote
from portal.backoffice.insurgate import directory


def quote_json(quote: IgQuote) -> dict:
    return {
        "reference": quote.reference,
        "group_id": quote.group_id,
        "author_id": quote.author_id,
        "created_at": quote.created_at.isoformat(),
        "status": quote.status,
        "company_name": quote.company_name,
        "activity": quote.activity,
        "postcode": quote.postcode,
        "covers": [c for c in quote.covers.split(",") if c],
        "claims_count": quote.claims_count,
        "workers": quote.workers,
        "payroll_euros": quote.payroll_euros,
        "extra_legal": quote.extra_legal,
        "round_the_clock": quote.round_the_clock,
        "premium_cents": quote.premium_cents,
    }


def office_json(db: Session, office_id: int) -> dict:
    view = directory.office_view(db, office_id)
    o = view.office
    return {
        "id": o.id,
        "trade_name": o.trade_name,
        "enterprise_number": o.enterprise_number,
        "groups": [{"id": g.id, "name": g.name, "is_default": g.is_default} for g in view.groups],
        "users": [
            {
                "id": row.user.id,
                "name": f"{row.user.first_name} {row.user.last_name}",
                "email": row.user.email,
                "language": row.user.language.value,
                "is_admin": row.user.is_admin,
                "groups": row.groups,
                "products": row.products,
                "invited_at": row.user.invited_at.isoformat(),
                "status": row.status,
            }
            for row in view.users
        ],
        "integrations": [
            {**i.__dict__, "requested_at": i.requested_at.isoformat()}
            for i in directory.integrations(db, office_id)
        ],
    }


def offices_json(db: Session) -> list[dict]:
    return [office_json(db, i) for i in db.scalars(select(IgOffice.id).order_by(IgOffice.id))]
