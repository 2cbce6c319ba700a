"""Benchmark of the console's outbox and the intermediaries' customer search on a large
database (a script: it prints figures and asserts nothing).

    .venv/bin/python bench/outbox.py [--customers 100000] [--messages 1000000]
        [--seconds 5] [--runs 3] [--database-url postgresql+psycopg://...empty_db]

Migrates a fresh SQLite file (or the empty database of `--database-url`), seeds N
customers as the command line does, then fills the outbox with M messages by bulk
insert (letters, SMS and emails to those customers, posted one after the other),
freezes the clock and serves the portal with gunicorn (2 sync workers) on 127.0.0.1.
Each round loads, for a bounded time with 8 keep-alive connections, the minimal page of
bench/baseline_app.py (the baseline of the same run) and then every request of
`requests_of`: the console's outbox and broker search, and the intermediaries' tools
(Connect 360, V-Connect: a generated intermediary's portfolio and its search, with the
session cookie a browser holds after signing in). Prints per request requests/s, p50,
p99 and the ratio of its p99 to the baseline's p99 (the goal: at most 5), medians of the
runs.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from bench._load import Load, empty, fetch, load, serve, stop
from models import Brand, Contract, Intermediary, Person
from models.base import make_engine, make_session_factory
from models.sim import set_clock
from portal import migrate
from seed.bulk import seed_customers

SECRET = "bench-secret"
POSTED_FROM = datetime(2026, 1, 5, 9, 0)
KINDS = ("activation_code", "sms_code", "document_notice", "welcome", "password_reset")
CHUNK = 50_000


Request = tuple[str, str]  # (path, cookie header)
TOOLS = {
    Brand.PV: ("connect360", "connect360_session"),
    Brand.VIVIUM: ("vconnect", "vconnect_session"),
}


def requests_of(person: Person, contract_number: str) -> dict[str, Request]:
    """The console's measured requests, for one customer of the database."""
    name = quote(f"{person.first_name} {person.last_name}")
    paths = {
        "outbox": "/sim/outbox",
        "outbox sms": "/sim/outbox?channel=sms",
        "outbox recipient": f"/sim/outbox?recipient={quote(person.last_name)}",
        "outbox api": "/sim/api/outbox?limit=100",
        "search name": f"/sim/api/broker/search?q={name}",
        "search last name": f"/sim/api/broker/search?q={quote(person.last_name)}",
        "search national no.": f"/sim/api/broker/search?q={person.national_number}",
        "search contract no.": f"/sim/api/broker/search?q={contract_number}",
        "broker page": f"/sim/broker?q={quote(person.last_name)}",
    }
    return {name: (path, "") for name, path in paths.items()}


def tool_requests(session, url: str, folder: str) -> dict[str, Request]:
    """Each tool's portfolio page and a search by a customer's last name, signed in as
    the generated intermediary of the middle contract of the brand."""
    from portal.app import create_app  # the portal's app, for its session signing

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder})
    serializer = app.session_interface.get_signing_serializer(app)
    found: dict[str, Request] = {}
    for brand, (segment, cookie_name) in TOOLS.items():
        ids = select(Contract.id).where(Contract.brand == brand).order_by(Contract.id)
        middle = session.scalar(ids.offset(session.scalar(select(func.count()).select_from(
            ids.subquery())) // 2).limit(1))  # fmt: skip
        contract = session.get(Contract, middle)
        me = session.get(Intermediary, contract.intermediary_id)
        last = session.get(Person, contract.holder_id).last_name
        value = {"intermediary_id": me.id, "csrf_token": secrets.token_hex(20)}
        cookie = f"{cookie_name}={serializer.dumps(value)}"
        base = f"/{segment}/{me.language.value}/"
        found[f"{segment} portfolio"] = (base, cookie)
        found[f"{segment} search"] = (f"{base}?q={quote(last)}", cookie)
    app.extensions["db_engine"].dispose()
    return found


def message_rows(people: list[tuple], start: int, count: int) -> list[tuple]:
    """`count` outbox rows from number `start` on, to the given people in turn."""
    rows = []
    for n in range(start, start + count):
        pid, first, last, mobile, email, street, postcode, city = people[n % len(people)]
        channel = ("letter", "sms", "email")[n % 3]
        recipient = {
            "letter": f"{first} {last}, {street}, {postcode} {city}",
            "sms": mobile or "+32470000000",
            "email": email or f"customer{pid}@example.be",
        }[channel]
        posted = POSTED_FROM + timedelta(seconds=20 * n)
        rows.append((("vivium", "pv")[n % 2], channel, KINDS[n % len(KINDS)], "nl", recipient,
                     "Votre code", "Bonjour, voici votre code.", f"{n % 1_000_000:06d}", pid,
                     posted.isoformat(" "), (posted + timedelta(hours=20)).isoformat(" "),
                     n % 97 == 0))  # fmt: skip
    return rows


def fill_outbox(url: str, messages: int) -> float:
    """Bulk insert of `messages` outbox rows (executemany, or COPY on PostgreSQL)."""
    engine = make_engine(url)
    session = make_session_factory(engine)()
    people = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.mobile, Person.email,
               Person.street, Person.postcode, Person.city).order_by(Person.id)
    ).all()  # fmt: skip
    columns = ("brand", "channel", "kind", "language", "recipient", "subject", "body", "code",
               "person_id", "posted_at", "deliver_at", "lost")  # fmt: skip
    started = time.perf_counter()
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    for start in range(0, messages, CHUNK):
        rows = message_rows(people, start, min(CHUNK, messages - start))
        if connection.dialect.driver == "psycopg":
            with (
                dbapi.cursor() as cursor,
                cursor.copy(f"COPY outbox_message ({', '.join(columns)}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            connection.exec_driver_sql(
                f"INSERT INTO outbox_message ({', '.join(columns)}) VALUES ({marks})", rows
            )
        session.commit()
        connection = session.connection()
        dbapi = connection.connection.dbapi_connection
    seconds = time.perf_counter() - started
    session.commit()
    with engine.connect() as fresh:  # planner statistics, as a database in use has them
        fresh.exec_driver_sql("ANALYZE")
        fresh.commit()
    session.close()
    engine.dispose()
    return seconds


def prepare(url: str, folder: str, customers: int, messages: int) -> dict[str, Request]:
    engine = make_engine(url)
    if not migrate.is_empty(engine):
        raise SystemExit(f"{url}: the database is not empty; give an empty one.")
    migrate.upgrade(engine)
    session = make_session_factory(engine)()
    started = time.perf_counter()
    seed_customers(session, customers, seed=1, commit=True, bulk=True)
    print(f"seeded {customers:,} customers in {time.perf_counter() - started:.1f} s")
    set_clock(session, POSTED_FROM + timedelta(days=400), frozen=True)
    session.commit()
    person = session.scalars(select(Person).where(Person.id == customers // 2)).one()
    number = session.scalars(
        select(Contract.number).where(Contract.holder_id == person.id).limit(1)
    ).first()
    tools = tool_requests(session, url, folder)
    session.close()
    engine.dispose()
    seconds = fill_outbox(url, messages)
    print(f"filled the outbox with {messages:,} messages in {seconds:.1f} s")
    return requests_of(person, number or "0") | tools


def check(port: int, requests: dict[str, Request]) -> None:
    for name, (path, cookie) in requests.items():
        status, _headers, body = fetch(port, path, cookie)
        start = body[:70].replace("\n", " ") if "/api/" in path else ""
        print(f"check {name:<20} {path[:50]:<50} {status} {len(body):>7,} bytes {start}")


def measure(args, url: str, folder: str, requests: dict[str, Request]) -> dict[str, list[Load]]:
    env = {"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder}
    portal = serve("portal.wsgi:app", env, args.workers)
    base = serve("bench.baseline_app:app", env, args.workers)
    # SQLite also gets issue 12's own minimal page, a connection opened per request.
    bases = {"baseline": "/"}
    if not url.startswith("postgresql"):
        bases["base/conn"] = "/per-request"
    results: dict[str, list[Load]] = {name: [] for name in [*bases, *requests]}
    try:
        check(portal[1], requests)
        for request in requests.values():  # warm-up
            load(*portal, [request], 1.0, args.connections)
        for run in range(args.runs):
            for name, path in bases.items():
                results[name].append(load(*base, [(path, "")], args.seconds, args.connections))
            for name, request in requests.items():
                results[name].append(load(*portal, [request], args.seconds, args.connections))
            print(f"run {run + 1} done")
    finally:
        stop(portal[0])
        stop(base[0])
    return results


def report(results: dict[str, list[Load]]) -> None:
    base_p99 = statistics.median(r.p99 for r in results["baseline"])
    conn = results.get("base/conn")
    conn_p99 = statistics.median(r.p99 for r in conn) if conn else None
    print(f"\n{'request':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'p99/base':>10}"
          f"{'p99/conn':>10}{'CPU ms':>8}{'errors':>8}")  # fmt: skip
    for name, loads in results.items():
        rps = statistics.median(r.rps for r in loads)
        p50 = statistics.median(r.p50 for r in loads)
        p99 = statistics.median(r.p99 for r in loads)
        cpu = statistics.median(r.cpu_ms for r in loads)
        errors = sum(r.errors for r in loads)
        by_conn = f"{p99 / conn_p99:>10.2f}" if conn_p99 else f"{'-':>10}"
        print(f"{name:<22}{rps:>9,.0f}{p50:>9.1f}{p99:>9.1f}{p99 / base_p99:>10.2f}"
              f"{by_conn}{cpu:>8.2f}{errors:>8}")  # fmt: skip
    print(
        "p99/base: over the minimal page with one connection per worker; p99/conn (SQLite):"
        " over issue 12's minimal page, a connection opened per request"
    )
    print(f"load average {os.getloadavg()[0]:.2f} (1 min)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", help="an empty database, emptied again at the end")
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 1.0), 120.0)  # bounded loads
    args.runs = min(max(args.runs, 1), 20)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'outbox.sqlite3'}"
        try:
            requests = prepare(url, folder, args.customers, args.messages)
            report(measure(args, url, folder, requests))
        finally:
            if args.database_url:
                empty(url)


if __name__ == "__main__":
    main()
