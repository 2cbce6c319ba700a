"""The baseline of bench/serve.py: a minimal Flask page reading one row of the same
database, served the same way as the portal."""

from __future__ import annotations

import os
import sqlite3

from flask import Flask

app = Flask(__name__)
PATH = os.environ["DATABASE_URL"].removeprefix("sqlite:///")
_local: dict[int, sqlite3.Connection] = {}


@app.get("/")
def one_row():
    conn = _local.setdefault(os.getpid(), sqlite3.connect(PATH, check_same_thread=False))
    row = conn.execute("SELECT first_name, last_name FROM person WHERE id = 1").fetchone()
    return f"<p>{row[0]} {row[1]}</p>"
