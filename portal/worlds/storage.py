"""Where a world's data live (issue 14): a database file per world on SQLite, a schema
per world on PostgreSQL.

PostgreSQL worlds share the default engine and its pool: each transaction of a world's
session starts with `SET LOCAL search_path TO world_<id>`, so the ORM and the raw SQL of
the seeders (INSERT INTO person..., pg_get_serial_sequence('person')) both land in the
world's schema, and the connection goes back to the pool with its search path reset.
The search path names the world's schema only: a table missing there is an error, never
the default world's table. A new world's tables are created from the models and stamped
with the head revision; a world made by an older version is upgraded on first use.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import suppress
from pathlib import Path

from alembic import command
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Integer, event, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import sessionmaker

from models.base import Base, make_engine, make_session_factory
from models.world import world_tables
from portal import migrate
from portal.config import private_sqlite_file

#: Migration 0015's trigram index of the outbox recipients, which the models do not
#: hold (it needs PostgreSQL's pg_trgm): a world's outbox search gets it too.
TRIGRAM_INDEX = "ix_outbox_recipient_trgm"
_TRIGRAM_SCHEMA = (
    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
    "WHERE e.extname = 'pg_trgm'"
)


def _outbox_trigrams(connection: Connection) -> None:
    """In the schema of the search path, the index migration 0015 gives the default
    world, where the extension is there (the default world's upgrade creates it when it
    may); without it the search is a scan, with the same answers."""
    schema = connection.exec_driver_sql(_TRIGRAM_SCHEMA).scalar()
    if schema is not None:
        connection.exec_driver_sql(
            f"CREATE INDEX {TRIGRAM_INDEX} ON outbox_message "
            f'USING gin (recipient "{schema}".gin_trgm_ops)'
        )


def _create_tables(connection: Connection, head: str) -> None:
    Base.metadata.create_all(connection, tables=world_tables(), checkfirst=False)
    script = ScriptDirectory.from_config(migrate.alembic_config(connection.engine))
    MigrationContext.configure(connection).stamp(script, head)


class SqliteWorlds:
    """One database file per world in the instance folder's `worlds/`."""

    def __init__(self, folder: Path, head: str) -> None:
        self.folder, self.head = folder, head
        self._engines: dict[str, Engine] = {}
        self._factories: dict[str, sessionmaker] = {}
        self._lock = threading.Lock()

    def path(self, world_id: str) -> Path:
        return self.folder / f"{world_id}.sqlite3"

    def engine(self, world_id: str) -> Engine:
        with self._lock:
            if world_id not in self._engines:
                self._engines[world_id] = make_engine(f"sqlite:///{self.path(world_id)}")
            return self._engines[world_id]

    def sessions(self, world_id: str) -> sessionmaker:
        with self._lock:
            factory = self._factories.get(world_id)
        if factory is None:
            factory = make_session_factory(self.engine(world_id))
            with self._lock:
                self._factories[world_id] = factory
        return factory

    def create(self, world_id: str) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        private_sqlite_file(f"sqlite:///{self.path(world_id)}")
        with self.engine(world_id).begin() as connection:
            _create_tables(connection, self.head)

    def copy(self, source: str, target: str) -> None:
        """A snapshot through SQLite's online backup API (consistent while in use)."""
        self.forget(target)
        private_sqlite_file(f"sqlite:///{self.path(target)}")
        with (
            sqlite3.connect(self.path(source)) as src,
            sqlite3.connect(self.path(target)) as dst,
        ):
            src.backup(dst)
        src.close()
        dst.close()

    def drop(self, world_id: str) -> None:
        self.forget(world_id)
        for suffix in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                os.unlink(f"{self.path(world_id)}{suffix}")

    def forget(self, world_id: str) -> None:
        """Close this process's connections to a world."""
        with self._lock:
            self._factories.pop(world_id, None)
            engine = self._engines.pop(world_id, None)
        if engine is not None:
            engine.dispose()

    def upgrade(self, world_id: str) -> str | None:
        return migrate.upgrade(self.engine(world_id))

    def dispose(self) -> None:
        for world_id in list(self._engines):
            self.forget(world_id)


class PostgresWorlds:
    """One schema per world, `world_<id>`, on the default engine's pool."""

    def __init__(self, engine: Engine, head: str) -> None:
        self.engine, self.head = engine, head
        self._factories: dict[str, sessionmaker] = {}
        self._lock = threading.Lock()

    @staticmethod
    def schema(world_id: str) -> str:
        return f"world_{world_id}"

    def _enter(self, connection: Connection, world_id: str) -> None:
        connection.exec_driver_sql(f'SET LOCAL search_path TO "{self.schema(world_id)}"')

    def sessions(self, world_id: str) -> sessionmaker:
        with self._lock:
            factory = self._factories.get(world_id)
            if factory is None:
                factory = make_session_factory(self.engine)

                @event.listens_for(factory, "after_begin")
                def _search_path(_session, _transaction, connection: Connection) -> None:
                    self._enter(connection, world_id)

                self._factories[world_id] = factory
            return factory

    def create(self, world_id: str) -> None:
        with self.engine.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{self.schema(world_id)}"')
            self._enter(connection, world_id)
            _create_tables(connection, self.head)
            _outbox_trigrams(connection)

    def copy(self, source: str, target: str) -> None:
        """The target's tables from the models, then every row of the source's, table
        by table (parents first), and the id sequences moved past the copied ids."""
        self.create(target)
        src, dst = self.schema(source), self.schema(target)
        with self.engine.begin() as connection:
            for table in world_tables():
                names = ", ".join(f'"{c.name}"' for c in table.columns)
                connection.exec_driver_sql(
                    f'INSERT INTO "{dst}"."{table.name}" ({names}) '
                    f'SELECT {names} FROM "{src}"."{table.name}"'
                )
            self._enter(connection, target)
            _sync_sequences(connection)

    def drop(self, world_id: str) -> None:
        self.forget(world_id)
        with self.engine.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{self.schema(world_id)}" CASCADE')

    def forget(self, world_id: str) -> None:
        with self._lock:
            self._factories.pop(world_id, None)

    def upgrade(self, world_id: str) -> str | None:
        config = migrate.alembic_config(self.engine)
        with self.engine.begin() as connection:
            self._enter(connection, world_id)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            return MigrationContext.configure(connection).get_current_revision()

    def dispose(self) -> None:
        """Nothing of its own: the default engine's pool is disposed with the app."""


def _sync_sequences(connection: Connection) -> None:
    for table in world_tables():
        column = table.c.get("id")
        if column is None or column.autoincrement is False or not isinstance(column.type, Integer):
            continue
        top = connection.scalar(select(func.max(column)))
        if top is not None:
            connection.execute(
                select(func.setval(func.pg_get_serial_sequence(table.name, "id"), top))
            )


def storage_for(engine: Engine, instance_path: str):
    """The storage of the worlds next to the default database `engine`."""
    head = migrate.head(engine)
    if engine.dialect.name == "postgresql":
        return PostgresWorlds(engine, head)
    return SqliteWorlds(Path(instance_path) / "worlds", head)
