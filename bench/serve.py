"""Benchmark of the customer pages on a large database (a script: it asserts no timing).

    .venv/bin/python bench/serve.py [--customers 100000] [--seconds 5] [--runs 3]
        [--database-url postgresql+psycopg://user@127.0.0.1:5432/empty_db] [--workers 2]

Seeds N customers into a fresh SQLite file (or into the empty database of
`--database-url`), freezes the simulated clock, and gives a sample of MyP&V customers
an account and a live session (no password hashing: the login itself is not measured),
with the cookie a browser holds after logging in: `_user_id`, `_id`, `sid`, `method`,
`auth_at`, `seen_at` at the frozen clock (so the idle check never re-signs it) and the
`csrf_token` the logout form needs. One request per page first checks a 200, a logged-in
page and no Set-Cookie. Then gunicorn (2 sync workers) on 127.0.0.1 is loaded page after
page by wrk (`--loader python`: Python threads, which cap fast pages) with 8 keep-alive
connections for a bounded time; in the same run, before each round, the minimal Flask
page of bench/baseline_app.py on the same database is the baseline: with one connection
per worker ("baseline"), and on SQLite also with a connection opened per request
("base/conn", the minimal page as issue 12 defines it); the table is printed against
each. Prints per page
requests/s, p50, p99, the ratio to the baseline's requests/s and p99, and the workers'
CPU time per request (from /proc), medians of the runs.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from auth.login import open_session
from bench._load import Load, empty, fetch, load, report, serve, stop
from models import Account, Brand, Contract, ContractStatus, Person, Segment
from models.base import make_engine, make_session_factory
from models.sim import real_now, set_clock
from portal import migrate
from seed.bulk import seed_customers

SECRET = "bench-secret"
SHOWN = ("life_pension_savings", "life_plci", "car", "fire", "life_savings")
PAGES = {
    "home": "/",
    "contract": "/contracts/{number}",
    "documents": "/documents",
    "missing": "/contracts/missing",
    "help": "/help",
    "profile": "/profile",
}


def prepare(url: str, folder: str, customers: int, sample: int) -> list[tuple[str, str]]:
    """Seed, freeze the clock, then give `sample` customers an account and a session:
    [(cookie header, contract number)]."""
    engine = make_engine(url)
    if not migrate.is_empty(engine):
        raise SystemExit(f"{url}: the database is not empty; give an empty one.")
    migrate.upgrade(engine)
    session = make_session_factory(engine)() if not WORLD else world_session(url, folder)
    if WORLD:  # the baseline page reads one person of the default database
        with make_session_factory(engine)() as default:
            seed_customers(default, 1, seed=2, commit=True)
    started = time.perf_counter()
    seed_customers(session, customers, seed=1, commit=True)
    print(f"seeded {customers:,} customers in {time.perf_counter() - started:.1f} s")
    now = real_now().replace(microsecond=0)
    set_clock(session, now, frozen=True)
    rows = session.execute(
        select(Contract.holder_id, Contract.number)
        .join(Person, Person.id == Contract.holder_id)
        .where(
            Contract.brand == Brand.PV,
            Contract.status == ContractStatus.ACTIVE,
            Contract.product.in_(SHOWN),
            Person.segment == Segment.PRIVATE,
        )
        .order_by(Contract.id)
        .limit(sample * 3)
    ).all()
    from portal.app import create_app

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder})
    serializer = app.session_interface.get_signing_serializer(app)
    users, seen = [], set()
    for holder_id, number in rows:
        if holder_id in seen or len(users) >= sample:
            continue
        seen.add(holder_id)
        account = Account(brand=Brand.PV, person_id=holder_id, language="nl", method="bench",
                          email=f"bench{holder_id}@example.be", created_at=now,
                          digital_consent_at=now)  # fmt: skip
        session.add(account)
        session.flush()
        cookie = serializer.dumps(
            {
                "_user_id": str(account.id),
                "_fresh": True,
                "_id": secrets.token_hex(64),
                "sid": open_session(session, account, "bench", now),
                "auth_at": now.isoformat(),
                "seen_at": now.isoformat(),
                "method": "bench",
                "csrf_token": secrets.token_hex(20),
            }
        )
        users.append((f"mypv_session={cookie}", number))
    session.commit()
    session.close()
    app.extensions["db_engine"].dispose()
    engine.dispose()
    return users


WORLD: list[str] = []  # --world: the id of the world the pages are measured in


def world_session(url: str, folder: str):
    """--world: a new empty world (issue 14), the pages then measured under /w/<id>."""
    from portal.app import create_app
    from portal.worlds import now, service
    from portal.worlds.datasets import Dataset

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder})
    registry = make_session_factory(app.extensions["db_engine"])()
    worlds = app.extensions["worlds"]
    made = service.create(registry, worlds, Dataset("empty"), now(), idle=86400, limit=50)
    registry.commit()
    WORLD[:] = [made.world.id]
    return worlds.sessions(made.world.id)()


def requests_of(users, page: str) -> list[tuple[str, str]]:
    prefix = f"/w/{WORLD[0]}" if WORLD else ""
    return [(f"{prefix}/pv/nl{page.format(number=number)}", cookie) for cookie, number in users]


def check(port: int, users) -> None:
    """One request per page: a 200, a logged-in page, no Set-Cookie."""
    for name, page in PAGES.items():
        path, cookie = requests_of(users[:1], page)[0]
        status, headers, body = fetch(port, path, cookie)
        problems = [
            f"status {status}" if status != 200 else "",
            "Set-Cookie sent" if "set-cookie" in headers else "",
            "not logged in" if "/pv/nl/logout" not in body else "",
        ]
        problems = [p for p in problems if p]
        print(f"check {name:<10} {path:<32} {'; '.join(problems) or 'ok: 200, no Set-Cookie'}")


def measure(args, url: str, folder: str, users) -> dict[str, list[Load]]:
    env = {"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder}
    portal = serve("portal.wsgi:app", env, args.workers)
    base = serve("bench.baseline_app:app", env, args.workers)
    # SQLite also gets issue 12's own minimal page, a connection opened per request.
    bases = {"baseline": "/"}
    if not url.startswith("postgresql"):
        bases["base/conn"] = "/per-request"
    results: dict[str, list[Load]] = {name: [] for name in [*bases, *PAGES]}
    try:
        check(portal[1], users)
        for page in PAGES.values():  # warm-up: imports, caches, connections
            load(*portal, requests_of(users, page), 1.0, args.connections, args.loader)
        for path in bases.values():
            load(*base, [(path, "")], 1.0, args.connections, args.loader)
        for run in range(1, args.runs + 1):
            for name, path in bases.items():
                results[name].append(
                    load(*base, [(path, "")], args.seconds, args.connections, args.loader)
                )
            for name, page in PAGES.items():
                results[name].append(
                    load(
                        *portal,
                        requests_of(users, page),
                        args.seconds,
                        args.connections,
                        args.loader,
                    )
                )
            print(f"run {run} done, load average {os.getloadavg()[0]:.2f}")
    finally:
        stop(portal[0])
        stop(base[0])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--loader", choices=("wrk", "python"), default="wrk")
    parser.add_argument(
        "--database-url", help="an empty database, emptied again at the end (default: SQLite)"
    )
    parser.add_argument(
        "--world", action="store_true", help="measure the pages in a non-default world"
    )
    args = parser.parse_args()
    if args.world:
        WORLD.append("")  # prepare() makes the world and puts its id here
    args.seconds = min(max(args.seconds, 1.0), 120.0)  # bounded loads
    args.runs = min(max(args.runs, 1), 20)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        try:
            users = prepare(url, folder, args.customers, args.sample)
            print(f"{len(users)} logged-in MyP&V customers; {args.runs} runs of {args.seconds:g} s "
                  f"per page, {args.connections} connections of {args.loader}, {args.workers} "
                  f"workers; load average {os.getloadavg()[0]:.2f}")  # fmt: skip
            results = measure(args, url, folder, users)
        finally:
            if args.database_url:
                empty(url)
    legend = "x req/s, p99/base: the page's median over the baseline's median of the same run"
    report(results, f"{legend}; baseline: one connection per worker")
    if "base/conn" in results:
        report(results, f"{legend}; base/conn: a connection per request (issue 12)", "base/conn")
    print(f"load average at the end {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
