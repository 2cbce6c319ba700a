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


def emptier(engine, metadata):
    """empty(): leave every table of `metadata` empty, its ids starting at 1 again.

    The same end state as `TRUNCATE <all tables> RESTART IDENTITY CASCADE`, for a
    fraction of its cost: one query finds the tables a test wrote to (rows left, or a
    sequence that handed out an id), and only those are truncated; most tests touch a
    handful of the ~40 tables, and truncating a table costs PostgreSQL file work even
    when it is empty."""
    from sqlalchemy import text

    tables = metadata.sorted_tables
    probe = text(
        " UNION ".join(
            f"SELECT '{t.name}' WHERE EXISTS (SELECT 1 FROM \"{t.name}\")" for t in tables
        )
        + f" UNION {USED_SEQUENCES}"
    )
    known = {t.name for t in tables}

    def empty() -> None:
        with engine.begin() as conn:
            used = sorted(set(conn.scalars(probe)) & known)
            if used:
                names = ", ".join(f'"{name}"' for name in used)
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))

    return empty
