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
