"""Bulk seeding on a real session: the batches drawn ahead in a second process give the
very rows of drawing them in-process, also when another writer adds people between two
batches; the SQLite durability setting comes back after seeding, and so does its
foreign-key checking, which a bulk load into empty tables leaves out; several rows per
INSERT write exactly the rows of one INSERT per row, also prepared by the generating
process."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models import Beneficiary, Contract, Document, LifeComponent, Person
from seed import build
from seed.bulk import insert_rows, insert_statements, rows_per_statement, seed_customers
from seed.columns import TABLES
from seed.generator import Generator
from seed.sqlite_load import Chunked, chunk_batch

TABLE_MODELS = (Person, Contract, LifeComponent, Beneficiary, Document)


def snapshot(db) -> list[list[tuple]]:
    """Every generated column of every row, table by table, in id order."""
    tables = []
    for model, columns, _ in TABLES:
        table = model.__table__
        rows = db.execute(select(*(table.c[c] for c in columns)).order_by(table.c.id))
        tables.append([tuple(row) for row in rows])
    return tables


def clear(db) -> None:
    for model in reversed(TABLE_MODELS):
        db.query(model).delete()
    db.commit()


def seed_with_a_writer_between_batches(db, bulk: bool) -> list[list[tuple]]:
    """Seed 3 batches; after the first, another writer adds a person (the same one, with
    the same id, in every run)."""

    def other_writer(_size: int) -> None:
        if db.scalar(select(Person.id).where(Person.last_name == "Interloper")) is None:
            build.add_person(db, id=10_000, serial=997, first_name="Ivo", last_name="Interloper")
            db.commit()

    seed_customers(db, 90, 7, batch_size=30, commit=True, bulk=bulk, progress=other_writer)
    return snapshot(db)


def test_batches_drawn_ahead_are_the_rows_drawn_in_process(db):
    seed_customers(db, 90, 5, batch_size=30, commit=True)
    in_process = snapshot(db)
    clear(db)
    seed_customers(db, 90, 5, batch_size=30, commit=True, bulk=True)
    assert snapshot(db) == in_process
    assert len(in_process[0]) >= 90


def test_batches_drawn_ahead_are_drawn_again_after_another_writers_people(db):
    in_process = seed_with_a_writer_between_batches(db, bulk=False)
    clear(db)
    ahead = seed_with_a_writer_between_batches(db, bulk=True)
    assert ahead == in_process
    ids = [row[0] for row in ahead[0]]
    assert len(ids) == len(set(ids)) and ids[-1] > 10_000
    numbers = [row[1] for row in ahead[0]]
    interloper = db.scalar(select(Person.national_number).where(Person.last_name == "Interloper"))
    assert numbers.count(interloper) == 1  # the generated people avoid the writer's number


def test_sqlite_seeding_waits_for_the_disk_again_afterwards(db):
    seed_customers(db, 60, 3, batch_size=30, commit=True, bulk=True)
    connection = db.connection()
    if connection.dialect.name == "sqlite":
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    assert db.scalar(select(Person.id).order_by(Person.id.desc()).limit(1)) is not None


def test_several_rows_per_insert_write_the_rows_of_one_insert_per_row(db):
    """123 customers: whole statements of several rows, then the last rows one by one."""
    batch = Generator(11).batch(123)
    assert len(batch.contracts) % rows_per_statement(len(batch.contracts[0])) != 0

    def write(one_per_row: bool) -> list[list[tuple]]:
        connection = db.connection()
        for attr, sql in insert_statements(connection):
            if one_per_row:
                connection.exec_driver_sql(sql, getattr(batch, attr))
            else:
                insert_rows(connection, sql, getattr(batch, attr))
        db.commit()
        return snapshot(db)

    several = write(one_per_row=False)
    assert [len(rows) for rows in several] == [len(getattr(batch, a)) for _, _, a in TABLES]
    clear(db)
    assert write(one_per_row=True) == several
    clear(db)
    batch = chunk_batch(Generator(11).batch(123))  # as the generating process sends it
    assert all(isinstance(getattr(batch, a), Chunked) for _, _, a in TABLES)
    assert write(one_per_row=False) == several


def foreign_keys_checked(db) -> bool:
    """Whether the session's connection refuses a contract of a person who does not
    exist (and, on SQLite, says it checks foreign keys)."""
    connection = db.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite and connection.exec_driver_sql("PRAGMA foreign_keys").scalar() != 1:
        return False
    row = list(Generator(3).batch(1).contracts[0])
    row[0], row[1], row[3] = 999_998, "Z999999990", 999_999  # id, number, holder_id
    try:
        connection.exec_driver_sql(dict(insert_statements(connection))["contracts"], tuple(row))
    except IntegrityError:
        return True
    finally:
        db.rollback()
    return False


def test_bulk_seeding_empty_tables_checks_foreign_keys_again_afterwards(db):
    during: list[int] = []

    def look(_size: int) -> None:
        connection = db.connection()
        if connection.dialect.name == "sqlite":
            during.append(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())

    assert foreign_keys_checked(db)
    seed_customers(db, 90, 5, batch_size=30, commit=True, bulk=True, progress=look)
    assert foreign_keys_checked(db)
    assert set(during) <= {0}  # SQLite: no parent lookups during the load
    if db.connection().dialect.name == "sqlite":
        assert during


def test_a_bulk_seeding_that_fails_checks_foreign_keys_again(db):
    def fail(_size: int) -> None:
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        seed_customers(db, 90, 5, batch_size=30, commit=True, bulk=True, progress=fail)
    assert foreign_keys_checked(db)
