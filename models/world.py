"""The registry of simulated worlds (issue 14), kept in the default database only.

Every other table lives once per world (a schema per world on PostgreSQL, a database
file per world on SQLite): this one says which worlds exist, how they were filled, when
they were last used and the hash of each world's own console token.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

REGISTRY_TABLES = ("world",)


class World(Base):
    """One simulated universe besides the default one."""

    __tablename__ = "world"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    dataset: Mapped[str] = mapped_column(String(20))
    seed: Mapped[int | None] = mapped_column(Integer)
    size: Mapped[int | None] = mapped_column(Integer)
    copied_from: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_used_at: Mapped[datetime] = mapped_column(DateTime)
    idle_seconds: Mapped[int] = mapped_column(Integer)
    token_hash: Mapped[str] = mapped_column(String(64))
    revision: Mapped[str | None] = mapped_column(String(32))


def world_tables() -> list:
    """The tables every world has of its own (all but the registry), parents first."""
    import models  # noqa: F401  (registers every mapped class)

    return [t for t in Base.metadata.sorted_tables if t.name not in REGISTRY_TABLES]
