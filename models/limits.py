"""Counters of the limits on abuse, shared by every worker through the database.

One row per limited subject (`key` = kind + ":" + subject, for instance
"login:pv:louise@example.be"): the start of its current window, what was counted in it,
and, for the lockouts, until when the subject is locked. The decisions are in
`auth.limits`; the atomic counting in `auth.throttle`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class LimitBucket(Base):
    __tablename__ = "limit_bucket"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    window_start: Mapped[datetime] = mapped_column(DateTime)
    count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
