"""outbox recipient trigram index on SQLite (issue 12)

The console's outbox filtered by recipient (a substring, letter case aside) walks the
messages down their primary key until it has a page. With 1,000,000 messages, a
customer's last name costs SQLite about 20 ms of scan, and a text nobody has about
100 ms. PostgreSQL has had a trigram index since 0015. This revision gives SQLite one:
an FTS5 table with the trigram tokenizer over the outbox's recipients, kept by triggers
on every insert, delete and change of recipient, and filled from the messages already
there. The filter's meaning does not change (portal.sim.outbox reads it).

Where SQLite lacks FTS5's trigram tokenizer (before 3.34, or built without FTS5), the
revision does nothing and the filter stays a scan. On PostgreSQL it does nothing.

The statements are those of models.outbox_search, written out here so that this
revision keeps its meaning if the models change (tests/web/test_outbox_recipient_fts.py
checks that the two schemas are the same).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlite3

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

NAME = "outbox_recipient_fts"
STATEMENTS = (
    f"CREATE VIRTUAL TABLE {NAME} USING fts5(recipient, content='outbox_message', "
    "content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {NAME}_insert AFTER INSERT ON outbox_message BEGIN "
    f"INSERT INTO {NAME} (rowid, recipient) VALUES (new.id, new.recipient); END",
    f"CREATE TRIGGER {NAME}_delete AFTER DELETE ON outbox_message BEGIN "
    f"INSERT INTO {NAME} ({NAME}, rowid, recipient) VALUES ('delete', old.id, old.recipient); "
    "END",
    f"CREATE TRIGGER {NAME}_update AFTER UPDATE OF recipient ON outbox_message BEGIN "
    f"INSERT INTO {NAME} ({NAME}, rowid, recipient) VALUES ('delete', old.id, old.recipient); "
    f"INSERT INTO {NAME} (rowid, recipient) VALUES (new.id, new.recipient); END",
    f"INSERT INTO {NAME} ({NAME}) VALUES ('rebuild')",
)


def _trigrams() -> bool:
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite" or not _trigrams():
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {NAME}_{trigger}")
        op.execute(f"DROP TABLE IF EXISTS {NAME}")
