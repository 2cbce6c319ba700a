"""POST /sim/api/customers: a customer with chosen contracts and attributes; whatever
is left out is generated (deterministically when a seed is given)."""

from __future__ import annotations

from datetime import date

from flask import jsonify
from sqlalchemy import select

from models import Contract
from portal.db import get_session
from portal.sim.blueprints import api, api_error, json_body
from seed.generator import make_customer

DATE_FIELDS = {"birth_date", "start_date", "renewal_date", "end_date"}


def _dates(values: dict) -> dict:
    """ISO dates in the JSON body become dates; ValueError names a bad one."""
    out = dict(values)
    for key in DATE_FIELDS & set(out):
        if out[key] is not None:
            try:
                out[key] = date.fromisoformat(str(out[key]))
            except ValueError as exc:
                raise ValueError(f"{key} must be an ISO date (YYYY-MM-DD)") from exc
    return out


def _overrides(body: dict) -> tuple[int | None, dict]:
    seed = body.pop("seed", None)
    if seed is not None and (
        not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63
    ):
        raise ValueError("seed must be a non-negative integer")
    contracts = body.get("contracts")
    if contracts is not None:
        if (
            not isinstance(contracts, list)
            or not all(isinstance(c, dict) for c in contracts)
            or len(contracts) > 50
        ):
            raise ValueError("contracts must be a list of at most 50 objects")
        body["contracts"] = [_dates(c) for c in contracts]
    return seed, _dates(body)


@api.post("/customers")
def create_customer():
    try:
        seed, overrides = _overrides(json_body())
    except ValueError as exc:
        return api_error(422, "invalid_customer", str(exc))
    db = get_session()
    try:
        person = make_customer(db, seed, **overrides)
    except (TypeError, ValueError, KeyError) as exc:
        db.rollback()
        return api_error(422, "invalid_customer", str(exc).strip("'\""))
    contracts = db.scalars(
        select(Contract).where(Contract.holder_id == person.id).order_by(Contract.id)
    ).all()
    body = {
        "person_id": person.id,
        "name": person.full_name,
        "national_number": person.national_number,
        "birth_date": person.birth_date.isoformat(),
        "language": person.language.value,
        "segment": person.segment.value,
        "email": person.email,
        "mobile": person.mobile,
        "contracts": [
            {
                "brand": c.brand.value,
                "number": c.number,
                "product": c.product,
                "status": c.status.value,
            }
            for c in contracts
        ],
    }
    db.commit()
    return jsonify(body), 201
