"""SQLite's index of the outbox recipients' trigrams (issue 12): an FTS5 table with the
trigram tokenizer, kept by triggers, that answers the console's recipient filter (a
substring, letter case aside) without a walk down every message.

PostgreSQL has its own (pg_trgm, migration 0015). Here the table is part of the schema
wherever SQLite has FTS5's trigram tokenizer (SQLite 3.34 and later, built with FTS5):
the models create it with the outbox table (`create_all`: the tests' databases, a
world's file) and migration 0016 adds it to an existing database. Where the tokenizer is
missing, neither does anything and the filter stays a scan, with the same answers.

The table holds no copy of the recipients (`content=` the outbox itself); the triggers
follow every insert, delete and change of recipient. A later migration that rebuilds
`outbox_message` (Alembic's batch mode on SQLite copies the table) drops the triggers
with the old table: it must create them again (`create_statements`).
"""

from __future__ import annotations

import sqlite3
from functools import cache

from sqlalchemy import DDL, event
from sqlalchemy.engine import Connection
from sqlalchemy.schema import Table

NAME = "outbox_recipient_fts"
#: FTS5's trigram tokenizer matches nothing for fewer than 3 characters: a shorter text
#: is looked for with LIKE (portal.sim.outbox).
SHORTEST = 3

_TABLE = (
    f"CREATE VIRTUAL TABLE {NAME} USING fts5(recipient, content='outbox_message', "
    "content_rowid='id', tokenize='trigram')"
)
_TRIGGERS = (
    f"CREATE TRIGGER {NAME}_insert AFTER INSERT ON outbox_message BEGIN "
    f"INSERT INTO {NAME} (rowid, recipient) VALUES (new.id, new.recipient); END",
    f"CREATE TRIGGER {NAME}_delete AFTER DELETE ON outbox_message BEGIN "
    f"INSERT INTO {NAME} ({NAME}, rowid, recipient) VALUES ('delete', old.id, old.recipient); "
    "END",
    f"CREATE TRIGGER {NAME}_update AFTER UPDATE OF recipient ON outbox_message BEGIN "
    f"INSERT INTO {NAME} ({NAME}, rowid, recipient) VALUES ('delete', old.id, old.recipient); "
    f"INSERT INTO {NAME} (rowid, recipient) VALUES (new.id, new.recipient); END",
)
#: Fills the index from the messages already there (migration 0016).
REBUILD = f"INSERT INTO {NAME} ({NAME}) VALUES ('rebuild')"


@cache
def available() -> bool:
    """Whether this process's SQLite has FTS5 with the trigram tokenizer."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


def create_statements() -> tuple[str, ...]:
    return (_TABLE, *_TRIGGERS)


def phrase(text: str) -> str:
    """The FTS5 query that finds `text` as a substring: one quoted phrase, its quotes
    doubled (every other sign, `%` and `_` included, is literal)."""
    return '"' + text.replace('"', '""') + '"'


def _on_sqlite(ddl, target, bind: Connection, **kw) -> bool:
    return bind.dialect.name == "sqlite" and available()


def attach(table: Table) -> None:
    """Create the index and its triggers with `table`, drop it before `table`."""
    for statement in create_statements():
        event.listen(table, "after_create", DDL(statement).execute_if(callable_=_on_sqlite))
    event.listen(
        table, "before_drop", DDL(f"DROP TABLE IF EXISTS {NAME}").execute_if(callable_=_on_sqlite)
    )
