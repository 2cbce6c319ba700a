"""Bulk seeding: generate customers batch after batch and insert each batch with one
`executemany` per table through SQLAlchemy Core; memory stays flat whatever the count.

Each batch is generated and written under the id tables' write lock
(`seed.columns.reserve_ids`) with the ids free at that moment, and PostgreSQL's
sequences are moved past them before the batch commits: two seedings at once, or a
seeding and testers creating customers, wait for each other instead of colliding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from time import perf_counter

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models import Person
from seed.columns import TABLES, missing_columns, reserve_ids, sync_sequences
from seed.generator import Batch, Generator, Options

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
    """One executemany per table, parents first."""
    for attr, sql in statements:
        rows = getattr(batch, attr)
        if rows:
            connection.exec_driver_sql(sql, rows)


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
) -> Summary:
    """Generate `count` customers after the rows already in the database and insert them
    through the session's connection; `commit` commits after every batch (else the
    caller commits). `progress(n)` is called after each batch of n customers."""
    started = perf_counter()
    connection = session.connection()
    statements = insert_statements(connection)
    taken = registered_numbers(connection)
    generator = Generator(seed, options, reserve_ids(connection), taken)
    summary = Summary()
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        connection = session.connection()
        expected, generator.ids = generator.ids[0], reserve_ids(connection)
        if generator.ids[0] > expected:  # another writer's people since the last batch
            taken |= registered_numbers(connection, expected)
        batch = generator.batch(size)
        insert_batch(connection, batch, statements)
        sync_sequences(connection)
        summary.add(batch)
        done += size
        if commit:
            session.commit()
        if progress is not None:
            progress(size)
    summary.seconds = perf_counter() - started
    return summary
