"""What a trainer watches (issue 19): the page each signed-in tool user last saw.

The customer portals keep it on their session row (`portal_session.last_path`); the
intermediaries' tools, Insurgate and the S² page keep their sign-in in their cookie only,
so they get one row per space and signed-in user here. `watched_until` is the end of the
trainer's watch heartbeat, on the wall clock (a trainer's presence is real time, even
when the simulated clock is frozen).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

PATH_LENGTH = 300


class ToolSeen(Base):
    __tablename__ = "tool_seen"

    space: Mapped[str] = mapped_column(String(20), primary_key=True)
    subject_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    seen_at: Mapped[datetime] = mapped_column(DateTime)  # wall clock, UTC
    last_path: Mapped[str] = mapped_column(String(PATH_LENGTH))
    watched_until: Mapped[datetime | None] = mapped_column(DateTime)
