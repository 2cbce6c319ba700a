"""How bulk seeding writes rows into SQLite: several rows per INSERT, those statements'
parameters possibly prepared by the generating process (`chunk_batch`), and the
connection settings of a bulk load (no waiting for the disk; into empty tables, no
foreign-key lookups), each put back afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from itertools import chain

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from seed.generator import Batch

ROWS_PER_STATEMENT = 50
MAX_PARAMETERS = 999
TABLE_ATTRS = ("people", "contracts", "components", "beneficiaries", "documents")


class Chunked:
    """A table's rows ready for `insert_rows`: the parameters of the statements of
    `size` rows each (the rows' values one after the other), then the last rows one by
    one. `len()` is the number of rows."""

    __slots__ = ("multi", "size", "tail")

    def __init__(self, rows: list[tuple]) -> None:
        size = rows_per_statement(len(rows[0])) if rows else 1
        whole = len(rows) - len(rows) % size
        self.size, self.tail = size, rows[whole:]
        self.multi = [tuple(chain.from_iterable(rows[i : i + size])) for i in range(0, whole, size)]

    def __len__(self) -> int:
        return self.size * len(self.multi) + len(self.tail)

    def __bool__(self) -> bool:
        return bool(self.multi or self.tail)


def chunk_batch(batch: Batch) -> Batch:
    """`batch` with each table's rows `Chunked` (in the generating process, so that the
    inserting one has less to do: it also unpickles one tuple per statement instead of
    one per row)."""
    for attr in TABLE_ATTRS:
        setattr(batch, attr, Chunked(getattr(batch, attr)))
    return batch


def insert_rows(connection: Connection, sql: str, rows: list[tuple] | Chunked) -> None:
    """An executemany of `sql` (one row's INSERT) over `rows`, several rows per statement
    (`multi_row`) and the last few one by one: the same rows for about a tenth less CPU
    (measured on SQLite) than a statement per row."""
    chunked = rows if isinstance(rows, Chunked) else Chunked(rows)
    if chunked.multi:
        connection.exec_driver_sql(multi_row(sql, chunked.size), chunked.multi)
    if chunked.tail:
        connection.exec_driver_sql(sql, chunked.tail)


def rows_per_statement(columns: int) -> int:
    """Rows per multi-row INSERT: up to 50, within SQLite's oldest limit of 999 bound
    parameters per statement."""
    return max(1, min(ROWS_PER_STATEMENT, MAX_PARAMETERS // columns))


@cache
def multi_row(sql: str, size: int) -> str:
    """`INSERT INTO t (...) VALUES (?, ...)` for `size` rows at once."""
    head, _, values = sql.partition(" VALUES ")
    return f"{head} VALUES {', '.join([values] * size)}"


def _outside_transaction(connection: Connection) -> bool:
    """SQLite, between two transactions (where its connection PRAGMAs take effect)."""
    if connection.dialect.name != "sqlite":
        return False
    dbapi = connection.connection.dbapi_connection
    return dbapi is not None and not dbapi.in_transaction


def set_synchronous(connection: Connection, level: str) -> None:
    """SQLite between transactions: PRAGMA synchronous (`OFF` while bulk seeding, so that
    commits do not wait for the disk: a power cut meanwhile can spoil the file, a crash
    of the program cannot; the engine's `NORMAL` again afterwards). Elsewhere, or inside
    a transaction (where SQLite refuses it), nothing changes."""
    if _outside_transaction(connection):
        connection.exec_driver_sql(f"PRAGMA synchronous={level}")


@contextmanager
def foreign_keys_unchecked(session: Session, enabled: bool) -> Iterator[None]:
    """When `enabled` (bulk seeding into empty tables, on SQLite), the connection does
    not look up each new row's parents (about 8% of the inserts' CPU): the generator
    writes each parent before its children, with the ids it reserved. The engine's
    `foreign_keys=ON` comes back afterwards, also when the seeding fails; a connection
    where it could not come back is dropped from the pool."""
    connection = session.connection()
    if not enabled or not _outside_transaction(connection):
        yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        session.rollback()  # a failed batch's rows are not kept (committed ones stay)
        connection = session.connection()
        if _outside_transaction(connection):
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        if connection.exec_driver_sql("PRAGMA foreign_keys").scalar() != 1:
            connection.invalidate()
