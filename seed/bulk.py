"""Bulk seeding: generate customers batch after batch and insert each batch with one
`executemany` per table through SQLAlchemy Core; memory stays flat whatever the count.

Each batch is generated and written under the id tables' write lock
(`seed.columns.reserve_ids`) with the ids free at that moment, and PostgreSQL's
sequences are moved past them before the batch commits: two seedings at once, or a
seeding and testers creating customers, wait for each other instead of colliding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from time import perf_counter

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models import Person
from seed.columns import TABLES, missing_columns, next_ids, reserve_ids, sync_sequences
from seed.generator import Batch, Generator, Options
from seed.intermediaries import assign_portfolios, holder_shares, plan_portfolios
from seed.pipeline import Ahead, InProcess, can_fork
from seed.sqlite_load import (
    chunk_batch,
    foreign_keys_unchecked,
    insert_rows,
    rows_per_statement,
    set_synchronous,
)

__all__ = ["BATCH_SIZE", "Summary", "insert_rows", "insert_statements", "rows_per_statement",
           "seed_customers"]  # fmt: skip
BATCH_SIZE = 2000
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


@dataclass
class Summary:
    """What a seeding run produced."""

    customers: int = 0
    people: int = 0
    duplicates: int = 0
    both_brands: int = 0
    professionals: int = 0
    hidden: int = 0
    components: int = 0
    beneficiaries: int = 0
    documents: int = 0
    products: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def contracts(self) -> int:
        return sum(self.products.values())

    @property
    def rows(self) -> int:
        return self.people + self.contracts + self.components + self.beneficiaries + self.documents

    @property
    def per_second(self) -> float:
        return self.customers / self.seconds if self.seconds else 0.0

    def add(self, batch: Batch) -> None:
        self.customers += batch.customers
        self.people += len(batch.people)
        self.duplicates += batch.duplicates
        self.both_brands += batch.both_brands
        self.professionals += batch.professionals
        self.hidden += batch.hidden
        self.components += len(batch.components)
        self.beneficiaries += len(batch.beneficiaries)
        self.documents += len(batch.documents)
        self.products.update(batch.products)


def insert_statements(connection: Connection) -> list[tuple[str, str]]:
    """(Batch attribute, INSERT statement in the driver's parameter style) per table."""
    style = connection.dialect.paramstyle
    mark = PLACEHOLDERS.get(style)
    if mark is None:
        raise RuntimeError(f"bulk seeding does not support the {style!r} parameter style")
    statements = []
    for model, columns, attr in TABLES:
        table = model.__table__
        if missing := missing_columns(table, columns):
            raise RuntimeError(f"the generator does not fill {table.name}.{', '.join(missing)}")
        names = ", ".join(columns)
        marks = ", ".join([mark] * len(columns))
        statements.append((attr, f"INSERT INTO {table.name} ({names}) VALUES ({marks})"))
    return statements


def insert_batch(connection: Connection, batch: Batch, statements: list[tuple[str, str]]) -> None:
    """The rows of each table, parents first, through `insert_rows`; on PostgreSQL
    through psycopg, one COPY per table instead (several times faster than any INSERT)."""
    if connection.dialect.driver == "psycopg":
        copy_batch(connection, batch)
        return
    for attr, sql in statements:
        rows = getattr(batch, attr)
        if rows:
            insert_rows(connection, sql, rows)


def copy_batch(connection: Connection, batch: Batch) -> None:
    """`COPY ... FROM STDIN` of each table's rows, in the connection's transaction."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    with dbapi.cursor() as cursor:
        for model, columns, attr in TABLES:
            rows = getattr(batch, attr)
            if not rows:
                continue
            sql = f"COPY {model.__table__.name} ({', '.join(columns)}) FROM STDIN"
            with cursor.copy(sql) as copy:
                write = copy.write_row
                for row in rows:
                    write(row)


def registered_numbers(connection: Connection, from_id: int = 0) -> set[str]:
    """National numbers already in the database (of the records from `from_id` on), so
    that new customers get others."""
    query = select(Person.national_number).where(Person.id >= from_id)
    return set(connection.execute(query).scalars())


def seed_customers(
    session: Session,
    count: int,
    seed: int,
    options: Options | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    commit: bool = False,
    bulk: bool = False,
) -> Summary:
    """Generate `count` customers after the rows already in the database and insert them
    through the session's connection; `commit` commits after every batch (else the
    caller commits). `progress(n)` is called after each batch of n customers. `bulk`
    (the command line's choice, with `commit`) draws the batches one ahead in a second
    process, which also groups the rows into the parameters of multi-row INSERTs
    (`chunk_batch`, not for PostgreSQL's COPY); on SQLite it commits without waiting for
    the disk (`set_synchronous`) and, into empty tables, builds their indexes once at the
    end (`indexes_after`) and skips the foreign-key lookups meanwhile
    (`foreign_keys_unchecked`): the same rows, about twice as fast."""
    started = perf_counter()
    connection = session.connection()
    first_ids = next_ids(connection)
    # the ids free now; each batch reserves its own, and is drawn again if they moved
    generator = Generator(seed, options, first_ids, registered_numbers(connection))
    o = generator.options
    shares = holder_shares(o.brand_mix, o.both_brands_share, o.duplicate_share)
    generator.portfolios = plan_portfolios(session, count, shares)  # BK-3, while drawing
    if commit:
        session.commit()
    sizes = [min(batch_size, count - done) for done in range(0, count, batch_size)]
    fresh = bulk and commit and count > batch_size and first_ids == [1] * len(TABLES)
    prepare = None if connection.dialect.driver == "psycopg" else chunk_batch  # COPY takes rows
    with (
        _source(generator, sizes, bulk, prepare) as source,
        indexes_after(session, fresh),
        foreign_keys_unchecked(session, fresh),
    ):
        summary = _insert_all(session, source, sizes, bulk and commit, progress)
    assign_portfolios(session)  # BK-3: contracts another writer added meanwhile
    if commit:
        session.commit()
        set_synchronous(session.connection(), "NORMAL")
    summary.seconds = perf_counter() - started
    return summary


def _insert_all(session: Session, source: InProcess | Ahead, sizes: list[int], bulk: bool,
                progress: Callable[[int], None] | None) -> Summary:  # fmt: skip
    """Each batch under the id tables' lock, committed when `bulk` (else by the caller)."""
    statements = insert_statements(session.connection())
    summary = Summary()
    for size in sizes:
        connection = session.connection()
        if bulk:
            set_synchronous(connection, "OFF")
        ids = reserve_ids(connection)
        batch = source.batch(size, ids, partial(registered_numbers, connection))
        insert_batch(connection, batch, statements)
        sync_sequences(connection)
        summary.add(batch)
        if bulk:
            session.commit()
        if progress is not None:
            progress(size)
    return summary


@contextmanager
def indexes_after(session: Session, enabled: bool) -> Iterator[None]:
    """When `enabled` (bulk seeding into empty tables), the secondary indexes of the
    seeded tables are dropped before the inserts and built once after them, even when
    the seeding fails: building an index over sorted rows costs less than keeping it up
    to date row by row. Unique constraints stay (they check the contract numbers)."""
    if not enabled:
        yield
        return
    indexes = [index for model, _, _ in TABLES for index in model.__table__.indexes]
    connection = session.connection()
    for index in indexes:
        index.drop(connection)
    session.commit()
    try:
        yield
    finally:
        session.rollback()  # nothing of a failed batch is half written
        connection = session.connection()
        for index in indexes:
            index.create(connection)
        session.commit()


def _source(generator: Generator, sizes: list[int], bulk: bool,
            prepare: Callable[[Batch], Batch] | None) -> InProcess | Ahead:  # fmt: skip
    """Where the batches come from: a second process when it pays (bulk, two batches or
    more, and a platform that forks), which also `prepare`s them for the inserts; else
    this one."""
    if bulk and len(sizes) > 1 and can_fork():
        return Ahead(generator, sizes, prepare)
    return InProcess(generator)
