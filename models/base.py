"""Declarative base and database helpers; no Flask here."""

from __future__ import annotations

from enum import Enum

from sqlalchemy import MetaData, String, create_engine, event
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class StrEnumColumn(TypeDecorator):
    """A string enum stored as its values in a VARCHAR(20), the same on SQLite and
    PostgreSQL. A value read back becomes its member by asking the enum class then, not a
    table built when the models were imported, so a brand registered later (a test's
    fictitious one) reads back too."""

    impl = String(20)
    cache_ok = True

    def __init__(self, enum_class: type[Enum]) -> None:
        super().__init__()
        self.enum_class = enum_class

    def process_bind_param(self, value: object, dialect: Dialect) -> object:
        return value.value if isinstance(value, Enum) else value

    def process_result_value(self, value: object, dialect: Dialect) -> object:
        return None if value is None else self.enum_class(value)


def str_enum(cls: type[Enum]) -> StrEnumColumn:
    """The column type of a string enum (see StrEnumColumn)."""
    return StrEnumColumn(cls)


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url and "mode=memory" not in url:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, expire_on_commit=False)


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet."""
    import models  # noqa: F401  (registers every mapped class)

    Base.metadata.create_all(engine)
