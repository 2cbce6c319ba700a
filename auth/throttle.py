"""The counters of the limits on abuse (`auth.limits`), in the database so that every
worker shares them.

Counting is atomic on SQLite and PostgreSQL alike: the row is created with
INSERT ... ON CONFLICT DO NOTHING, then changed by conditional UPDATEs
(`... WHERE count < maximum`), which PostgreSQL re-checks after waiting for a row lock
and SQLite runs one writer at a time. Counters are written in the caller's session:
every view that a limit (or a counted failure) refuses commits that session, so the
count survives the refusal (portal.views.password `_refused`, the support report).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from auth.limits import LimitReached, Quota, ReportLimited, make_key, quota, quota_free_at
from auth.settings import AuthSettings
from models import LimitBucket


def _ensure(db: Session, key: str, kind: str, now: datetime) -> None:
    insert = sqlite_insert if db.get_bind().dialect.name == "sqlite" else pg_insert
    db.execute(
        insert(LimitBucket)
        .values(key=key, kind=kind, window_start=now, count=0, locked_until=None)
        .on_conflict_do_nothing()
    )


def _roll(db: Session, key: str, now: datetime, q: Quota) -> None:
    """Start a new window once the current one is over (or the clock went back)."""
    db.execute(
        update(LimitBucket)
        .where(
            LimitBucket.key == key,
            or_(LimitBucket.window_start <= now - q.window, LimitBucket.window_start > now),
        )
        .values(window_start=now, count=0)
    )


def _row(db: Session, key: str) -> LimitBucket | None:
    return db.scalars(
        select(LimitBucket).where(LimitBucket.key == key).execution_options(populate_existing=True)
    ).one_or_none()


def take(db: Session, kind: str, subject: str, q: Quota, now: datetime) -> datetime | None:
    """Count one use if the quota allows it. None when counted; otherwise when the quota
    allows again (nothing counted)."""
    key = make_key(kind, subject)
    _ensure(db, key, kind, now)
    _roll(db, key, now, q)
    counted = db.execute(
        update(LimitBucket)
        .where(LimitBucket.key == key, LimitBucket.count < q.maximum)
        .values(count=LimitBucket.count + 1)
    )
    if counted.rowcount == 1:
        return None
    return quota_free_at(_row(db, key).window_start, q)


def give_back(db: Session, kind: str, subject: str) -> None:
    """Undo one `take` whose request was refused by another limit."""
    db.execute(
        update(LimitBucket)
        .where(LimitBucket.key == make_key(kind, subject), LimitBucket.count > 0)
        .values(count=LimitBucket.count - 1)
    )


def locked_until(db: Session, kind: str, subject: str, now: datetime) -> datetime | None:
    """Until when this subject is locked, or None."""
    row = _row(db, make_key(kind, subject))
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return row.locked_until


Decide = Callable[[int, datetime], datetime | None]


def fail(
    db: Session, kind: str, subject: str, q: Quota, now: datetime, decide: Decide
) -> datetime | None:
    """Count one failure; `decide(failures, window_start)` says until when the subject
    is then locked (None: not). Returns the lock, if any."""
    key = make_key(kind, subject)
    _ensure(db, key, kind, now)
    _roll(db, key, now, q)
    db.execute(
        update(LimitBucket).where(LimitBucket.key == key).values(count=LimitBucket.count + 1)
    )
    row = _row(db, key)
    until = decide(row.count, row.window_start)
    if until is not None and (row.locked_until is None or row.locked_until < until):
        row.locked_until = until
        db.flush()
    return until


def forget(db: Session, kind: str, subject: str) -> None:
    """A success clears the subject's failures (a right password)."""
    db.execute(delete(LimitBucket).where(LimitBucket.key == make_key(kind, subject)))


def lift(db: Session, key: str | None = None) -> int:
    """Free one counter, or every counter: the console's and API's "lift limits"."""
    stmt = delete(LimitBucket)
    if key is not None:
        stmt = stmt.where(LimitBucket.key == key)
    return db.execute(stmt).rowcount


def buckets(db: Session, limit: int = 200) -> list[LimitBucket]:
    """The counters, locked ones and newest windows first."""
    return list(
        db.scalars(
            select(LimitBucket)
            .order_by(LimitBucket.locked_until.desc().nulls_last(), LimitBucket.window_start.desc())
            .limit(limit)
        )
    )


def take_report(
    db: Session, address: str, now: datetime, rules: AuthSettings
) -> LimitReached | None:
    """RG-5: count one problem report for this client address and for everyone today;
    the refusal when either limit is reached (nothing counted then)."""
    until = take(db, "report_address", address, quota("report_address", rules), now)
    if until is None:
        until = take(db, "report_total", "all", quota("report_total", rules), now)
        if until is not None:
            give_back(db, "report_address", address)
    return ReportLimited(until) if until is not None else None
