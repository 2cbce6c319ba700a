"""Issue 12: on SQLite the outbox's recipient filter (a substring, letter case aside) is
answered by the FTS5 trigram index of models.outbox_search / migration 0016, read newest
first, instead of a walk down every message. The answers are those of the scan; the
index follows inserts, deletes and changed recipients; the models and the migration
build the same index; a database upgraded from 0015 finds the messages it already had."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import text

from models import outbox_search
from models.base import create_schema, make_engine, make_session_factory
from portal import migrate
from portal.sim.outbox import (
    LIKE,
    TRIGRAMS,
    OutboxFilter,
    _statement,
    list_messages,
    recipient_search,
)

POSTED = datetime(2026, 1, 5, 9, 0)
ROW = (
    "INSERT INTO outbox_message (brand, channel, kind, language, recipient, subject, body, "
    "posted_at, deliver_at, lost) VALUES ('pv', :channel, 'welcome', 'nl', :recipient, 's', "
    "'b', :at, :at, 0)"
)
RECIPIENTS = (
    "Louise Peeters, Kerkstraat 12, 2000 Antwerpen",
    "Jan Peeters_x",
    "Élise Dupont",
    'Say "hi" there',
    "+32470000001",
)


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'outbox.sqlite3'}")
    create_schema(engine)
    yield engine
    engine.dispose()


def _post(engine, recipients, channel="letter"):
    with engine.begin() as conn:
        conn.execute(
            text(ROW), [{"recipient": r, "channel": channel, "at": POSTED} for r in recipients]
        )


def _found(engine, typed: str, **filters) -> list[str]:
    db = make_session_factory(engine)()
    try:
        return [m.recipient for m in list_messages(db, OutboxFilter(recipient=typed, **filters))]
    finally:
        db.close()


def test_this_sqlite_has_the_trigram_tokenizer():
    """The project's SQLite (Python 3.11's) has it: the index below is really used."""
    assert outbox_search.available()


def test_three_characters_or_more_use_the_index_fewer_use_like():
    """The trigram tokenizer matches nothing under 3 characters (boundary 2 / 3)."""
    assert recipient_search("sqlite", "ab") == LIKE
    assert recipient_search("sqlite", "abc") == TRIGRAMS
    assert recipient_search("sqlite", None) == LIKE
    assert recipient_search("postgresql", "abc") != TRIGRAMS


def test_the_phrase_quotes_its_quotes():
    assert outbox_search.phrase('a "b" c') == '"a ""b"" c"'


def test_the_index_answers_as_the_scan_did(engine):
    _post(engine, RECIPIENTS)
    assert _found(engine, "PEETERS") == ["Jan Peeters_x", RECIPIENTS[0]]
    assert _found(engine, "kerkstraat 12") == [RECIPIENTS[0]]
    assert _found(engine, "s, K") == [RECIPIENTS[0]]  # spaces and commas are literal
    assert _found(engine, "s_x") == ["Jan Peeters_x"] and _found(engine, "s%x") == []
    assert _found(engine, '"hi"') == ['Say "hi" there'] and _found(engine, 'y "h') != []
    assert _found(engine, "nobody") == []
    assert _found(engine, "Pe") == ["Jan Peeters_x", RECIPIENTS[0]]  # LIKE, 2 characters
    # Letter case aside beyond ASCII too, as PostgreSQL's ILIKE: SQLite's LIKE was ASCII.
    assert _found(engine, "élise") == ["Élise Dupont"]


def test_the_index_keeps_the_filters_and_the_pages(engine):
    _post(engine, [f"Louise Peeters {n}" for n in range(5)])
    _post(engine, ["Peeters by SMS"], channel="sms")
    assert _found(engine, "peeters", limit=2) == ["Peeters by SMS", "Louise Peeters 4"]
    assert _found(engine, "peeters", channel="letter", limit=2) == [
        "Louise Peeters 4",
        "Louise Peeters 3",
    ]
    assert _found(engine, "peeters", before=3) == ["Louise Peeters 1", "Louise Peeters 0"]


def test_the_page_is_read_from_the_index_newest_first(engine):
    """The plan walks the virtual table and looks each message up by its key; no
    temporary sort: the LIMIT stops the walk."""
    statement = _statement(frozenset({"recipient", "before", "channel"}), TRIGRAMS)
    compiled = statement.compile(engine)
    values = compiled.construct_params(
        {"recipient": '"peeters"', "before": 10, "channel": "letter", "limit": 50}
    )
    with engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + str(compiled), tuple(values[k] for k in compiled.positiontup)
        ).all()
    details = " | ".join(row[-1] for row in plan)
    assert "VIRTUAL TABLE" in details and "INTEGER PRIMARY KEY" in details, details
    assert "TEMP B-TREE" not in details, details


def test_the_index_follows_deletes_and_changed_recipients(engine):
    _post(engine, ["Louise Peeters", "Jan Janssens"])
    with engine.begin() as conn:
        conn.execute(text("UPDATE outbox_message SET recipient = 'Marie Maes' WHERE id = 1"))
        conn.execute(text("DELETE FROM outbox_message WHERE id = 2"))
    assert _found(engine, "peeters") == [] and _found(engine, "janssens") == []
    assert _found(engine, "maes") == ["Marie Maes"]
    with engine.connect() as conn:  # FTS5's own check of an external-content index
        conn.exec_driver_sql(
            f"INSERT INTO {outbox_search.NAME} ({outbox_search.NAME}) VALUES ('integrity-check')"
        )


def _index_schema(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE name LIKE :n ORDER BY name",
            {"n": f"{outbox_search.NAME}%"},
        ).all()


def test_the_models_and_migration_0016_build_the_same_index(engine, tmp_path):
    migrated = make_engine(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    migrate.upgrade(migrated)
    try:
        made = _index_schema(engine)
        assert [name for _, name, _ in made if not name.endswith(("_data", "_idx", "_docsize",
                "_config"))] == [outbox_search.NAME, *(f"{outbox_search.NAME}_{t}" for t in
                ("delete", "insert", "update"))]  # fmt: skip
        assert _index_schema(migrated) == made
    finally:
        migrated.dispose()


def test_an_upgrade_from_0015_indexes_the_messages_already_there(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        migrate.upgrade(engine, "0015")
        _post(engine, ["Louise Peeters"])
        migrate.upgrade(engine)
        assert _found(engine, "peeters") == ["Louise Peeters"]
        config = migrate.alembic_config(engine)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0015")
        assert _index_schema(engine) == []
        assert _found(engine, "Pe") == ["Louise Peeters"]
    finally:
        engine.dispose()


def test_dropping_the_outbox_drops_its_index(engine):
    from models import Base

    Base.metadata.drop_all(engine)
    assert _index_schema(engine) == []


def test_a_new_sqlite_worlds_outbox_has_the_index_too(tmp_path, engine):
    """A world's file is made from the models (issue 14): the index comes with them."""
    from portal.worlds.storage import SqliteWorlds

    worlds = SqliteWorlds(tmp_path / "worlds", migrate.head(engine))
    worlds.create("fts1")
    try:
        world = worlds.engine("fts1")
        assert _index_schema(world) == _index_schema(engine) != []
        _post(world, ["Louise Peeters"])
        assert _found(world, "peeters") == ["Louise Peeters"]
    finally:
        worlds.drop("fts1")
