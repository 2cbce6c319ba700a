"""One PostgreSQL database per pytest-xdist worker.

CI runs the suite on PostgreSQL with `pytest -n 2`: two workers emptying and filling
one database would race (TRUNCATE in one, CREATE in the other). Before any fixture reads
TEST_DATABASE_URL or TEST_MIGRATE_URL, each worker points them at a database of its own
(`portal_test_gw0`, ...), created on the same server when it is missing. Without xdist,
or on SQLite, nothing changes.
"""

from __future__ import annotations

import os

from sqlalchemy.engine import make_url

NAMES = ("TEST_DATABASE_URL", "TEST_MIGRATE_URL")


def per_worker_databases(environ=os.environ) -> None:
    worker = environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    for name in NAMES:
        url = environ.get(name)
        if not url or worker in url:
            continue
        own = make_url(url)
        own = own.set(database=f"{own.database}_{worker}")
        _create_if_missing(own)
        environ[name] = own.render_as_string(hide_password=False)


def _create_if_missing(url) -> None:
    from sqlalchemy import create_engine, text

    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            found = conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
            if not found:
                conn.exec_driver_sql(f'CREATE DATABASE "{url.database}"')
    finally:
        server.dispose()


#: The sequences (serial and identity columns) of the current schema that have handed
#: out a value since they were made or last restarted, by the table that owns them.
USED_SEQUENCES = """
SELECT t.relname FROM pg_sequences AS q
JOIN pg_depend AS d ON d.objid = format('%I.%I', q.schemaname, q.sequencename)::regclass
    AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
JOIN pg_class AS t ON t.oid = d.refobjid
WHERE q.schemaname = current_schema() AND q.last_value IS NOT NULL
"""
#: The same sequences by their own names.
USED_SEQUENCE_NAMES = """
SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences
WHERE schemaname = current_schema() AND last_value IS NOT NULL
"""


def emptier(engine, metadata):
    """empty(): leave every table of `metadata` empty, its ids starting at 1 again.

    The same end state as `TRUNCATE <all tables> RESTART IDENTITY CASCADE`, for a
    fraction of its cost: two queries find the tables that hold rows and the sequences
    that handed out an id; one round trip deletes those rows (children before parents)
    and restarts those sequences. A test leaves a few hundred rows at most, and deleting
    them costs PostgreSQL a few milliseconds where a TRUNCATE makes new files for every
    table and index it names (17 ms instead of 56 ms after the demo data; autovacuum
    takes the dead rows away)."""
    from sqlalchemy import text

    tables = metadata.sorted_tables
    probe = text(
        " UNION ALL ".join(
            f"SELECT '{t.name}' WHERE EXISTS (SELECT 1 FROM \"{t.name}\")" for t in tables
        )
    )
    sequences = text(USED_SEQUENCE_NAMES)

    def empty() -> None:
        with engine.begin() as conn:
            full = set(conn.scalars(probe))
            statements = [f'DELETE FROM "{t.name}"' for t in reversed(tables) if t.name in full]
            statements += [f"ALTER SEQUENCE {name} RESTART" for name in conn.scalars(sequences)]
            if statements:
                conn.exec_driver_sql("; ".join(statements))

    return empty


class DemoRows:
    """The rows `seed.demo.load_demo` leaves in an empty database, read once per test
    process and written again by Core for every later test that loads the demo into an
    empty database (the `personas` fixture): the same rows, ids and sequence positions,
    for about a tenth of the ORM's cost (~190 ms a test on PostgreSQL).

    The rows are also kept by the database itself, and copied back by `INSERT ...
    SELECT`: on PostgreSQL in tables of a schema of their own (`test_demo_rows`, made
    again by each test process; one round trip, sequences set, 11 ms instead of 46 ms),
    on SQLite in a copy of the first load's database in `folder` (`VACUUM INTO`, then
    attached; 12 ms instead of 72 ms). Without a folder, the rows go back by Core.

    The seed reads no clock and no randomness (seed/), so its rows do not depend on the
    moment or on the test; into a database that is not empty (a test that froze the
    clock first) the demo is loaded by `load_demo` itself, as before."""

    KEPT = "test_demo_rows"

    def __init__(self, metadata, folder=None) -> None:
        self.tables = metadata.sorted_tables
        self.folder = folder  # SQLite: where the copy of the first load's database goes
        self.kept_file: str | None = None
        self.copy_back_statements: list[str] = []
        self.rows: dict[str, list[dict]] | None = None
        self.sequences: list[tuple] = []
        self.personas: list | None = None
        self.copy_back: str | None = None  # PostgreSQL: the one statement of `_write`

    def empty(self, session) -> bool:
        """No row in any table and, on PostgreSQL, no sequence used since its restart."""
        from sqlalchemy import text

        probe = " UNION ".join(
            f'SELECT 1 WHERE EXISTS (SELECT 1 FROM "{t.name}")' for t in self.tables
        )
        if session.get_bind().dialect.name == "postgresql":
            probe += f" UNION SELECT 1 FROM ({USED_SEQUENCES}) AS used"
        elif session.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
        ):
            probe += " UNION SELECT 1 WHERE EXISTS (SELECT 1 FROM sqlite_sequence)"
        return session.execute(text(probe)).first() is None

    def load(self, session) -> list:
        """The personas of the demo, loaded into `session`'s database and committed."""
        from seed.demo import load_demo

        if not self.empty(session):
            loaded = load_demo(session)
            session.commit()
            return loaded
        if self.rows is None:
            self.personas = load_demo(session)
            session.commit()
            self._read(session)
        else:
            self._write(session)
        return list(self.personas or [])

    def _read(self, session) -> None:
        from sqlalchemy import JSON, select, text

        self.rows = {}
        for table in self.tables:
            json = [c for c in table.columns if isinstance(c.type, JSON)]
            marks = [c.is_(None).label(f"_null_{c.name}") for c in json]
            query = select(table, *marks).order_by(*table.primary_key.columns)
            rows = []
            for row in session.execute(query).mappings():
                values = {c.name: row[c] for c in table.columns}
                for c in json:  # SQL NULL stays NULL (a Python None would write JSON null)
                    if row[f"_null_{c.name}"]:
                        values[c.name] = _sql_null()
                rows.append(values)
            if rows:
                self.rows[table.name] = rows
        if session.get_bind().dialect.name == "postgresql":
            self.sequences = list(session.execute(text(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
            )))  # fmt: skip
            if self.folder is not None:
                self._keep_on_server(session)
        elif session.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
        ):
            self.sequences = list(session.execute(text("SELECT name, seq FROM sqlite_sequence")))
        session.rollback()
        if session.get_bind().dialect.name == "sqlite" and self.folder is not None:
            self._keep_in_file(session)

    def _keep_in_file(self, session) -> None:
        """SQLite: a copy of the database as the first load left it, and the statements
        that copy its rows (and AUTOINCREMENT positions) back."""
        import os

        path = os.path.join(str(self.folder), "demo_rows.sqlite3")
        if os.path.exists(path):
            os.remove(path)
        session.connection().exec_driver_sql("VACUUM INTO ?", (path,))
        session.rollback()
        statements = []
        for table in self.tables:
            if table.name in (self.rows or {}):
                columns = ", ".join(f'"{c.name}"' for c in table.columns if c.computed is None)
                statements.append(
                    f'INSERT INTO main."{table.name}" ({columns}) '
                    f'SELECT {columns} FROM kept."{table.name}"'
                )
        if self.sequences:
            statements += [
                "DELETE FROM main.sqlite_sequence",
                "INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM kept.sqlite_sequence",
            ]
        self.kept_file, self.copy_back_statements = path, statements

    def _write_from_file(self, session) -> None:
        connection = session.connection()
        connection.exec_driver_sql("ATTACH DATABASE ? AS kept", (self.kept_file,))
        try:
            for statement in self.copy_back_statements:
                connection.exec_driver_sql(statement)
            session.commit()
        finally:
            session.connection().exec_driver_sql("DETACH DATABASE kept")
            session.commit()

    def _keep_on_server(self, session) -> None:
        """PostgreSQL: a copy of every table the demo fills, and the statement that
        writes them and the sequences back."""
        from sqlalchemy import text

        home = session.scalar(text("SELECT current_schema()"))
        kept, statements, copies = self.KEPT, [], []
        for table in self.tables:
            if table.name not in (self.rows or {}):
                continue
            columns = ", ".join(f'"{c.name}"' for c in table.columns if c.computed is None)
            source = f'"{home}"."{table.name}"'
            copies.append(f'CREATE TABLE "{kept}"."{table.name}" AS SELECT {columns} FROM {source}')
            statements.append(
                f'INSERT INTO {source} ({columns}) SELECT {columns} FROM "{kept}"."{table.name}"'
            )
        statements += [
            f'SELECT setval(\'"{home}"."{name}"\', {int(value)}, true)'
            for name, value in self.sequences
        ]
        connection = session.connection()
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{kept}" CASCADE')
        connection.exec_driver_sql(f'CREATE SCHEMA "{kept}"')
        connection.exec_driver_sql("; ".join(copies))
        session.commit()
        self.copy_back = "; ".join(statements)

    def _write(self, session) -> None:
        from sqlalchemy import text

        if self.copy_back:
            session.connection().exec_driver_sql(self.copy_back)
            session.commit()
            return
        if self.kept_file:
            self._write_from_file(session)
            return
        for table in self.tables:
            if table.name in (self.rows or {}):
                session.execute(table.insert(), self.rows[table.name])
        postgresql = session.get_bind().dialect.name == "postgresql"
        for name, value in self.sequences:
            if postgresql:
                session.execute(
                    text("SELECT setval(format('%I', CAST(:s AS text))::regclass, :v, true)"),
                    {"s": name, "v": value},
                )
            else:
                session.execute(
                    text("INSERT INTO sqlite_sequence (name, seq) VALUES (:s, :v)"),
                    {"s": name, "v": value},
                )
        session.commit()


def _sql_null():
    from sqlalchemy import null

    return null()
