"""The Alembic migrations build exactly the schema the models describe, on SQLite and
(when TEST_MIGRATE_URL is set, as in CI) on PostgreSQL, and keep data across upgrades."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from models import Base
from models.base import make_engine
from portal import migrate

URLS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_MIGRATE_URL") else [])


@pytest.fixture(params=URLS)
def engine(request, tmp_path):
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    else:
        engine = make_engine(os.environ["TEST_MIGRATE_URL"])
        Base.metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    yield engine
    engine.dispose()


# SQLite's reflection cannot read the name-search indexes on expressions (0008): it says
# so, and alembic compares those on PostgreSQL only (tests/integration/test_name_search.py
# checks them on SQLite).
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_upgrade_builds_the_schema_of_the_models(engine):
    assert migrate.upgrade(engine) == migrate.head(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in differences if not _migration_only(d)] == []


# PostgreSQL's trigram index of the outbox recipients (0015) is the migration's alone: it
# needs the pg_trgm extension, which the models' schema (SQLite, a world) does without
# (tests/web/test_outbox_recipient_index.py checks it).
MIGRATION_ONLY_INDEXES = {"ix_outbox_recipient_trgm"}
# SQLite's trigram index of the outbox recipients (0016, models.outbox_search) is an FTS5
# table and its shadow tables, which the models create with DDL, not as tables of their
# metadata (tests/web/test_outbox_recipient_fts.py checks both build the same).
MIGRATION_ONLY_TABLES = "outbox_recipient_fts"


def _migration_only(difference) -> bool:
    if difference[0] == "remove_table":
        return difference[1].name.startswith(MIGRATION_ONLY_TABLES)
    return difference[0] == "remove_index" and difference[1].name in MIGRATION_ONLY_INDEXES


def test_a_second_upgrade_changes_nothing_and_keeps_the_data(engine):
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO sim_fault (name, enabled) VALUES ('letter_lost', true)"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT enabled FROM sim_fault")).scalar() in (1, True)
