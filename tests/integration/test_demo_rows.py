"""The `personas` fixture's shortcut (tests/databases.py `DemoRows`): the demo written
again from its first load's rows is the demo `load_demo` writes, row for row, and the
next ids handed out are the same."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from models.base import Base
from seed import build
from seed.demo import load_demo
from tests.databases import DemoRows


def every_row(db) -> dict[str, list[tuple]]:
    return {
        t.name: [tuple(r) for r in db.execute(select(t).order_by(*t.primary_key.columns))]
        for t in Base.metadata.sorted_tables
    }


def sequence_positions(db) -> list[tuple]:
    """Where every id sequence stands (PostgreSQL's sequences, SQLite's AUTOINCREMENT)."""
    if db.get_bind().dialect.name == "postgresql":
        query = (
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = current_schema() ORDER BY sequencename"
        )
    elif db.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")):
        query = "SELECT name, seq FROM sqlite_sequence ORDER BY name"
    else:
        return []
    return [tuple(row) for row in db.execute(text(query))]


def next_person_id(db) -> int:
    found = build.add_person(db, first_name="Next", last_name="Person")
    db.flush()
    number = found.id
    db.rollback()
    return number


def emptied(db, shared_database) -> None:
    """Every table empty and its ids starting again, as between two tests."""
    db.close()
    if shared_database:  # PostgreSQL: the suite's own emptier
        shared_database()
        return
    for table in reversed(Base.metadata.sorted_tables):
        db.execute(table.delete())
    if db.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")):
        db.execute(text("DELETE FROM sqlite_sequence"))
    db.commit()


@pytest.mark.parametrize("kept", [True, False], ids=["kept-by-the-database", "by-core"])
def test_the_demo_written_again_is_the_demo_the_seed_loads(db, shared_database, tmp_path, kept):
    loaded = load_demo(db)
    db.commit()
    expected, positions = every_row(db), sequence_positions(db)
    expected_id = next_person_id(db)
    assert expected["person"] and expected["contract"] and expected["va_quote"]
    demo = DemoRows(Base.metadata, tmp_path if kept else None)
    assert not demo.empty(db)
    emptied(db, shared_database)
    assert demo.empty(db)
    first = demo.load(db)  # a real load, whose rows are read
    assert demo.rows
    emptied(db, shared_database)
    again = demo.load(db)  # the rows read, written again
    assert every_row(db) == expected
    assert sequence_positions(db) == positions
    assert next_person_id(db) == expected_id
    assert again == first == loaded


def test_a_database_that_is_not_empty_gets_the_seeds_own_load(db, shared_database):
    demo = DemoRows(Base.metadata)
    demo.load(db)
    expected = every_row(db)
    emptied(db, shared_database)
    build.add_person(db, first_name="Already", last_name="There")
    db.commit()
    assert not demo.empty(db)
    demo.load(db)
    rows = every_row(db)
    assert len(rows["person"]) == len(expected["person"]) + 1
