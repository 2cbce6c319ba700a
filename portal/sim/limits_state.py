"""The limits on abuse as the console and the control API show them (auth.limits):
each counter with its quota and whether it refuses right now, and the blocked eID
cards. Callers commit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from auth import eid_stub, limits, throttle
from auth.settings import AuthSettings
from models import LimitBucket


def _quota(kind: str, rules: AuthSettings) -> limits.Quota:
    return limits.quota(kind, rules) if kind in limits.KINDS else limits.UNCOUNTED


def bucket_json(bucket: LimitBucket, now: datetime, rules: AuthSettings) -> dict:
    """One counter: what it counted, its quota, and until when it refuses (if it does)."""
    q = _quota(bucket.kind, rules)
    left = limits.quota_left(bucket.count, bucket.window_start, now, q)
    locked = limits.is_locked(bucket.locked_until, now)
    until = bucket.locked_until if locked else None
    if until is None and left == 0:
        until = limits.quota_free_at(bucket.window_start, q)
    return {
        "key": bucket.key,
        "kind": bucket.kind,
        "count": bucket.count,
        "maximum": q.maximum if bucket.kind in limits.KINDS else None,
        "window_start": bucket.window_start.isoformat(),
        "window_hours": q.window.total_seconds() / 3600,
        "limiting": until is not None,
        "until": until.isoformat() if until else None,
    }


def counters(db: Session, now: datetime, rules: AuthSettings) -> list[dict]:
    """The counters, those that refuse now first."""
    found = [bucket_json(b, now, rules) for b in throttle.buckets(db)]
    return sorted(found, key=lambda b: not b["limiting"])


def card_json(holder: eid_stub.CardHolder) -> dict:
    return {
        "card": holder.national_number,
        "name": holder.name,
        "status": holder.status.value,
        "tries_left": holder.tries_left,
    }


def blocked_cards(db: Session, now: datetime) -> list[eid_stub.CardHolder]:
    return eid_stub.blocked_cards(db, now.date())
