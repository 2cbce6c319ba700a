"""The baselines of bench/serve.py: a minimal Flask page reading one row of the same
database, served the same way as the portal.

- `/`: one connection per worker (SQLite through sqlite3, PostgreSQL through psycopg),
  the stricter baseline.
- `/per-request` (SQLite only): a sqlite3 connection opened for each request, as issue
  12 defines its minimal page ("a sqlite3 connection opened per request"); the first
  statement on a new connection also reads the schema.
"""

from __future__ import annotations

import os

from flask import Flask

app = Flask(__name__)
URL = os.environ["DATABASE_URL"]
SQL = "SELECT first_name, last_name FROM person ORDER BY id LIMIT 1"
_local: dict[int, object] = {}


def _connect():
    if URL.startswith("postgresql"):
        import psycopg

        return psycopg.connect(
            URL.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
        )
    import sqlite3

    return sqlite3.connect(URL.removeprefix("sqlite:///"), check_same_thread=False)


@app.get("/")
def one_row():
    conn = _local.get(os.getpid()) or _local.setdefault(os.getpid(), _connect())
    row = conn.execute(SQL).fetchone()
    return f"<p>{row[0]} {row[1]}</p>"


@app.get("/per-request")
def one_row_new_connection():
    if URL.startswith("postgresql"):
        return "SQLite only", 404
    import sqlite3

    conn = sqlite3.connect(URL.removeprefix("sqlite:///"))
    try:
        row = conn.execute(SQL).fetchone()
    finally:
        conn.close()
    return f"<p>{row[0]} {row[1]}</p>"
