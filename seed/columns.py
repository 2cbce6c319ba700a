"""Column order of the generator's rows, and the conversions between those rows (ready
for the DB-API: dates as ISO strings, JSON as text, enums as values) and ORM objects."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Date, Table, func, select
from sqlalchemy.engine import Connection

from models import Beneficiary, Contract, Document, LifeComponent, Person

PERSON_COLUMNS = (
    "id", "national_number", "first_name", "last_name", "birth_date", "sex", "language",
    "segment", "street", "house_number", "postcode", "city", "email", "mobile", "company_number",
)  # fmt: skip
CONTRACT_COLUMNS = (
    "id", "number", "brand", "holder_id", "product", "line", "status", "start_date",
    "renewal_date", "end_date", "annual_premium_cents", "covered", "savings_cents",
    "vehicle_kind", "vehicle_make", "vehicle_model", "vehicle_plate", "vehicle_vin",
    "vehicle_year", "vehicle_power_kw", "vehicle_mass_kg", "main_driver", "risk_address",
    "risk_note", "intermediary_id",
)  # fmt: skip
COMPONENT_COLUMNS = ("id", "contract_id", "position", "kind", "savings_cents", "insured_cents")
BENEFICIARY_COLUMNS = ("id", "contract_id", "position", "event", "name", "share_percent")
DOCUMENT_COLUMNS = ("id", "contract_id", "kind", "year", "issued_on", "amount_cents")

# (model, columns, Batch attribute), parents first.
TABLES = (
    (Person, PERSON_COLUMNS, "people"),
    (Contract, CONTRACT_COLUMNS, "contracts"),
    (LifeComponent, COMPONENT_COLUMNS, "components"),
    (Beneficiary, BENEFICIARY_COLUMNS, "beneficiaries"),
    (Document, DOCUMENT_COLUMNS, "documents"),
)
PERSON_INDEX = {name: i for i, name in enumerate(PERSON_COLUMNS)}
CONTRACT_INDEX = {name: i for i, name in enumerate(CONTRACT_COLUMNS)}


def missing_columns(table: Table, columns: Sequence[str]) -> list[str]:
    """Columns of `table` that the rows leave out although they need a value."""
    return [
        c.name
        for c in table.columns
        if c.name not in columns and not c.nullable and c.default is None
        and c.server_default is None
    ]  # fmt: skip


def row_value(value: Any) -> Any:
    """A value as the rows hold it: ISO dates, enum values, JSON text for lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(list(value))
    return value


def override(row: tuple, values: Mapping[str, Any], index: Mapping[str, int]) -> tuple:
    """`row` with the given columns replaced."""
    fields = list(row)
    for name, value in values.items():
        if name in index and name != "id":
            fields[index[name]] = row_value(value)
    return tuple(fields)


def orm_values(table: Table, columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    """The keyword arguments of an ORM object for one row."""
    values = {}
    for name, value in zip(columns, row, strict=True):
        kind = table.columns[name].type
        if value is not None and isinstance(kind, Date):
            value = date.fromisoformat(value)
        elif value is not None and isinstance(kind, JSON):
            value = json.loads(value)
        elif value is not None and getattr(kind, "enum_class", None) is not None:
            value = kind.enum_class(value)  # a models.base.StrEnumColumn
        values[name] = value
    return values


def next_ids(connection: Connection) -> list[int]:
    """The first free id of each table of `TABLES` (one past the current maximum).
    Safe only under `lock_id_tables`: see `reserve_ids`."""
    return [
        (connection.execute(select(func.max(model.__table__.c.id))).scalar() or 0) + 1
        for model, _, _ in TABLES
    ]


def lock_id_tables(connection: Connection) -> None:
    """Make this transaction the only writer of the tables of `TABLES` until it ends, so
    that two writers wait for each other instead of taking the same ids. SQLite: the
    database's write lock (BEGIN IMMEDIATE, unless a write already holds it); PostgreSQL:
    a self-exclusive table lock that also holds back ordinary inserts (and their
    `nextval`), readers go on."""
    name = connection.dialect.name
    if name == "sqlite":
        dbapi = connection.connection.dbapi_connection
        if dbapi is not None and not dbapi.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif name == "postgresql":
        names = ", ".join(model.__table__.name for model, _, _ in TABLES)
        connection.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")


def reserve_ids(connection: Connection) -> list[int]:
    """The first free id of each table, reserved for this transaction: the rows it
    writes with explicit ids from there on collide with no other writer's. Call
    `sync_sequences` after writing them."""
    lock_id_tables(connection)
    return next_ids(connection)


def sync_sequences(connection: Connection) -> None:
    """PostgreSQL: move each table's id sequence past the largest id in the table, so
    that an ordinary insert (ORM, `nextval`) never takes an id written explicitly."""
    if connection.dialect.name != "postgresql":
        return
    for model, _, _ in TABLES:
        table = model.__table__.name
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST("
            f"(SELECT COALESCE(MAX(id), 0) FROM {table}),"
            f" nextval(pg_get_serial_sequence('{table}', 'id'))))"
        )
