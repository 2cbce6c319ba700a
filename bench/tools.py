"""Benchmark of one page of each intermediaries' and partner tool on a large database
(a script: it asserts no timing).

    .venv/bin/python bench/tools.py [--customers 100000] [--seconds 5] [--runs 3]
        [--database-url postgresql+psycopg://user@127.0.0.1:5432/empty_db] [--workers 2]

Seeds the demo world (personas, their intermediaries, Insurgate's office, the V-Connect
Auto quotes), the S² Pack boxes of the console's demo button, and N generated customers
with their intermediaries' portfolios into a fresh SQLite file (or into the empty database of `--database-url`),
freezes the simulated clock, and signs in with the cookie each tool sets after its login
(no password hashing: the logins are not measured):

- `c360`: the Connect 360 portfolio of the P&V agents with the largest portfolios;
- `vc-policy`: a V-Connect policy page of a Vivium broker's non-life contract;
- `vc-auto`: the V-Connect Auto business overview of the brokers with quotes (without
  demo quotes, of the brokers with the largest portfolios);
- `s2`: the customer's personal S² page of each demo box;
- `ig`: Insurgate's "Demandes" list of each member of the demo office.

One request per page first checks a 200, a signed-in page and no Set-Cookie; then, as
bench/serve.py does (bench/_load.py: gunicorn with sync workers on 127.0.0.1, wrk or
Python threads, worker CPU from /proc), each page is loaded for a bounded time after the
minimal page of bench/baseline_app.py in the same run. Prints per page requests/s, p50,
p99, the ratio to the baseline and the workers' CPU ms per request, medians of the runs.
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

from sqlalchemy import func, select

from bench._load import Load, empty, fetch, load, report, serve, stop
from models import Brand, Contract, ContractStatus, Intermediary, Line
from models.base import make_engine, make_session_factory
from models.insurgate import IgUser
from models.sim import real_now, set_clock
from models.telematics import S2Box
from models.vconnect_auto import AutoQuote
from portal import migrate
from seed.bulk import seed_customers
from seed.demo import load_demo
from seed.s2pack import seed_s2pack

SECRET = "bench-secret"
#: page: (path, the text a signed-in page holds)
PAGES = {
    "c360": ("/connect360/fr/", 'data-testid="signed-in-as"'),
    "vc-policy": ("/vconnect/fr/policies/{number}", 'data-testid="annual-premium"'),
    "vc-auto": ("/vconnect/fr/auto/", 'data-testid="signed-in-as"'),
    "s2": ("/s2/fr/", "/s2/fr/logout"),
    "ig": ("/insurgate/fr/requests", "/insurgate/fr/logout"),
}
Requests = dict[str, list[tuple[str, str]]]


def seed(url: str, customers: int) -> None:
    """The demo world, then `customers` generated ones, on a frozen clock."""
    engine = make_engine(url)
    if not migrate.is_empty(engine):
        raise SystemExit(f"{url}: the database is not empty; give an empty one.")
    migrate.upgrade(engine)
    with make_session_factory(engine)() as session:
        set_clock(session, real_now().replace(microsecond=0), frozen=True)
        load_demo(session)
        seed_s2pack(session, real_now().date())  # the console's S² demo button
        session.commit()
        started = time.perf_counter()
        seed_customers(session, customers, seed=1, commit=True)
        print(f"seeded {customers:,} customers in {time.perf_counter() - started:.1f} s")
    engine.dispose()


def largest_portfolios(session, brand: Brand, sample: int) -> list[int]:
    size = func.count(Contract.id)
    rows = session.execute(
        select(Intermediary.id)
        .join(Contract, Contract.intermediary_id == Intermediary.id)
        .where(Intermediary.brand == brand)
        .group_by(Intermediary.id)
        .order_by(size.desc(), Intermediary.id)
        .limit(sample)
    )
    return list(rows.scalars())


def sessions(url: str, folder: str, sample: int) -> Requests:
    """Each page's (path, cookie header) requests, from the seeded rows."""
    from portal.app import create_app

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder})
    serializer = app.session_interface.get_signing_serializer(app)
    # with the CSRF token a browser holds after its first page (no Set-Cookie then)
    sign = lambda values: serializer.dumps({**values, "csrf_token": secrets.token_hex(20)})  # noqa: E731
    db = make_session_factory(app.extensions["db_engine"])()
    try:
        tool = lambda segment, i: f"{segment}_session={sign({'intermediary_id': i})}"  # noqa: E731
        policies = db.execute(
            select(Contract.intermediary_id, Contract.number)
            .where(
                Contract.brand == Brand.VIVIUM,
                Contract.line == Line.NON_LIFE,
                Contract.status == ContractStatus.ACTIVE,
                Contract.intermediary_id.is_not(None),
            )
            .order_by(Contract.id)
            .limit(sample)
        ).all()
        brokers = db.scalars(select(AutoQuote.intermediary_id).distinct().limit(sample)).all()
        brokers = brokers or largest_portfolios(db, Brand.VIVIUM, sample)  # no demo quotes
        boxes = db.scalars(select(S2Box)).all()
        members = db.scalars(select(IgUser).where(IgUser.password_hash.is_not(None))).all()
        return {
            "c360": [("", tool("connect360", i)) for i in largest_portfolios(db, Brand.PV, sample)],
            "vc-policy": [(number, tool("vconnect", i)) for i, number in policies],
            "vc-auto": [("", tool("vconnect", i)) for i in brokers],
            "s2": [
                ("", f"s2_session={sign({'s2_box': b.id, 's2_check': b.password_hash[-16:]})}")
                for b in boxes
            ],
            "ig": [
                ("", f"insurgate_session={sign({'ig_user': u.id, 'ig_epoch': u.session_epoch})}")
                for u in members
            ],
        }
    finally:
        db.close()
        app.extensions["db_engine"].dispose()


def requests_of(users: Requests, page: str) -> list[tuple[str, str]]:
    path = PAGES[page][0]
    return [(path.format(number=number), cookie) for number, cookie in users[page]]


def check(port: int, users: Requests) -> None:
    """One request per page: a 200, a signed-in page, no Set-Cookie."""
    for name, (_path, marker) in PAGES.items():
        if not users[name]:
            raise SystemExit(f"no signed-in user for {name}: the seed has none")
        path, cookie = requests_of(users, name)[0]
        status, headers, body = fetch(port, path, cookie)
        problems = [
            f"status {status}" if status != 200 else "",
            "Set-Cookie sent" if "set-cookie" in headers else "",
            "not signed in" if marker not in body else "",
        ]
        problems = [p for p in problems if p]
        print(
            f"check {name:<10} {path:<34} {len(users[name]):>4} users  "
            f"{'; '.join(problems) or 'ok: 200, no Set-Cookie'}"
        )


def measure(args, url: str, folder: str, users: Requests) -> dict[str, list[Load]]:
    env = {"DATABASE_URL": url, "SECRET_KEY": SECRET, "INSTANCE_PATH": folder}
    portal = serve("portal.wsgi:app", env, args.workers)
    base = serve("bench.baseline_app:app", env, args.workers)
    # SQLite also gets issue 12's own minimal page, a connection opened per request.
    bases = {"baseline": "/"}
    if not url.startswith("postgresql"):
        bases["base/conn"] = "/per-request"
    results: dict[str, list[Load]] = {name: [] for name in [*bases, *PAGES]}
    bounded = lambda server, reqs, seconds: load(  # noqa: E731
        *server, reqs, seconds, args.connections, args.loader
    )
    try:
        check(portal[1], users)
        for name in PAGES:  # warm-up: imports, caches, connections
            bounded(portal, requests_of(users, name), 1.0)
        for path in bases.values():
            bounded(base, [(path, "")], 1.0)
        for run in range(1, args.runs + 1):
            for name, path in bases.items():
                results[name].append(bounded(base, [(path, "")], args.seconds))
            for name in PAGES:
                results[name].append(bounded(portal, requests_of(users, name), args.seconds))
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
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--loader", choices=("wrk", "python"), default="wrk")
    parser.add_argument(
        "--database-url",
        help="an empty database, emptied again at the end (default: a temporary SQLite file)",
    )
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 1.0), 120.0)  # bounded loads
    args.runs = min(max(args.runs, 1), 20)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        try:
            seed(url, args.customers)
            users = sessions(url, folder, args.sample)
            print(f"{args.runs} runs of {args.seconds:g} s per page, {args.connections} "
                  f"connections of {args.loader}, {args.workers} workers; "
                  f"load average {os.getloadavg()[0]:.2f}")  # fmt: skip
            results = measure(args, url, folder, users)
        finally:
            if args.database_url:
                empty(url)  # the given database left empty again, as bench/outbox.py does
    legend = (
        "x req/s, p99/base: the page's median requests/s and p99 over the baseline's of the "
        "same run (issue 12's goal for the tools: p99/base at most 5)"
    )
    report(results, f"{legend}; baseline: one connection per worker")
    if "base/conn" in results:
        report(results, f"{legend}; base/conn: a connection per request (issue 12)", "base/conn")
    print(f"load average at the end {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
