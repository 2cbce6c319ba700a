"""Bulk seeding into empty tables builds their secondary indexes once, after the inserts
(issue 12): afterwards the database has every index the models declare, also when the
seeding stops half-way; into tables that hold rows, the indexes stay all along."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from seed import build
from seed.bulk import seed_customers
from seed.columns import TABLES

SEEDED = [model.__table__ for model, _, _ in TABLES]
CATALOGUE = "SELECT name FROM sqlite_master WHERE type = 'index'"


def index_names(db) -> set[str]:
    """The indexes in the database (on SQLite from its catalogue: its reflection leaves
    out the indexes on expressions, the name search's)."""
    connection = db.connection()
    if connection.dialect.name == "sqlite":
        return set(connection.exec_driver_sql(CATALOGUE).scalars())
    inspector = inspect(connection)
    return {ix["name"] for table in SEEDED for ix in inspector.get_indexes(table.name)}


def declared() -> set[str]:
    return {index.name for table in SEEDED for index in table.indexes}


def test_seeding_empty_tables_leaves_every_declared_index(db):
    seen: list[set[str]] = []
    seed_customers(db, 90, 5, batch_size=30, commit=True, bulk=True,
                   progress=lambda _n: seen.append(index_names(db)))  # fmt: skip
    assert not seen[0] & {"ix_contract_holder_brand", "ix_document_contract_year"}
    assert index_names(db) >= declared()


def test_a_seeding_that_fails_half_way_still_builds_the_indexes(db):
    def fail(_size: int) -> None:
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        seed_customers(db, 90, 5, batch_size=30, commit=True, bulk=True, progress=fail)
    assert index_names(db) >= declared()


def test_seeding_after_existing_rows_keeps_the_indexes_all_along(db):
    build.add_person(db)
    db.commit()
    seen: list[set[str]] = []
    seed_customers(db, 60, 5, batch_size=30, commit=True, bulk=True,
                   progress=lambda _n: seen.append(index_names(db)))  # fmt: skip
    assert all(names >= declared() for names in seen)
