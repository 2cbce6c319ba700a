"""Benchmark of the customer pages on a large database (a script: it asserts no timing).

    .venv/bin/python bench/serve.py [--customers 100000] [--seconds 5] [--runs 3]

Seeds N customers into a fresh SQLite file, gives a sample of MyP&V customers an account
and a live session (no password hashing: the login itself is not measured), starts
gunicorn with 2 workers on 127.0.0.1, and loads the home page, a contract page, the
documents tab and "can't find my contract" with 8 concurrent keep-alive connections for
a bounded time each. In the same run it measures a minimal Flask page reading one row,
served the same way, as the baseline. Prints requests/s, p50 and p99 (medians of runs)
and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from auth.login import open_session  # noqa: E402
from models import Account, Brand, Contract, ContractStatus, Person, Segment  # noqa: E402
from models.base import make_engine, make_session_factory  # noqa: E402
from models.sim import real_now  # noqa: E402
from portal import migrate  # noqa: E402
from seed.bulk import seed_customers  # noqa: E402

SECRET = "bench-secret"
SHOWN = ("life_pension_savings", "life_plci", "car", "fire", "life_savings")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(folder: Path, customers: int, sample: int) -> tuple[str, list[tuple[str, str]]]:
    """Seed, then give `sample` customers an account and a session: (cookie, contract)."""
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    session = make_session_factory(engine)()
    started = time.perf_counter()
    seed_customers(session, customers, seed=1, commit=True)
    print(f"seeded {customers} customers in {time.perf_counter() - started:.1f} s")
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
    from flask.sessions import SecureCookieSessionInterface

    from portal.app import create_app

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET})
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    now = datetime(2026, 1, 1)
    users, seen = [], set()
    for holder_id, number in rows:
        if holder_id in seen or len(users) >= sample:
            continue
        seen.add(holder_id)
        account = Account(
            brand=Brand.PV,
            person_id=holder_id,
            email=f"bench{holder_id}@example.be",
            language="nl",
            method="bench",
            created_at=now,
            digital_consent_at=now,
        )
        session.add(account)
        session.flush()
        token = open_session(session, account, "bench", now)
        moment = real_now().isoformat()
        cookie = serializer.dumps(
            {
                "_user_id": str(account.id),
                "_fresh": True,
                "sid": token,
                "auth_at": moment,
                "seen_at": moment,
            }
        )
        users.append((cookie, number))
    session.commit()
    session.close()
    engine.dispose()
    return url, users


def serve(module: str, url: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET, "PYTHONPATH": str(ROOT)}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen(
        [
            gunicorn,
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level",
            "warning",
            module,
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{module} did not start")


def load(
    port: int, requests_for, seconds: float, connections: int = 8
) -> tuple[float, float, float, int]:
    """Keep-alive GETs from `connections` threads for `seconds`: (req/s, p50 ms, p99 ms, errors)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(index: int) -> None:
        rng = random.Random(index)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        while time.perf_counter() < stop:
            path, headers = requests_for(rng)
            t0 = time.perf_counter()
            conn.request("GET", path, headers=headers)
            answer = conn.getresponse()
            answer.read()
            mine.append(time.perf_counter() - t0)
            if answer.status != 200:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return len(latencies) / seconds, p(0.50), p(0.99), errors[0]


def portal_requests(users, page: str):
    def pick(rng: random.Random):
        cookie, number = users[rng.randrange(len(users))]
        path = page.format(number=number)
        return f"/pv/nl{path}", {"Cookie": f"mypv_session={cookie}"}

    return pick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args()
    pages = {
        "home": "/",
        "contract": "/contracts/{number}",
        "documents": "/documents",
        "missing": "/contracts/missing",
    }
    with tempfile.TemporaryDirectory() as folder:
        url, users = prepare(Path(folder), args.customers, args.sample)
        print(
            f"{len(users)} logged-in MyP&V customers sampled; {args.runs} runs of {args.seconds:.0f} s per page, 8 connections"
        )
        portal, portal_port = serve("portal.wsgi:app", url)
        base, base_port = serve("bench.baseline_app:app", url)
        try:
            for page in pages.values():  # warm-up: imports, caches, connections
                load(portal_port, portal_requests(users, page), 1.0)
            load(base_port, lambda rng: ("/", {}), 1.0)
            results: dict[str, list] = {name: [] for name in ["baseline", *pages]}
            for _ in range(args.runs):
                results["baseline"].append(load(base_port, lambda rng: ("/", {}), args.seconds))
                for name, page in pages.items():
                    results[name].append(
                        load(portal_port, portal_requests(users, page), args.seconds)
                    )
        finally:
            for process in (portal, base):
                process.terminate()
                process.wait(timeout=10)
    baseline = statistics.median(r[0] for r in results["baseline"])
    print(
        f"{'page':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs baseline':>12} {'errors':>7}"
    )
    for name, runs in results.items():
        rps = statistics.median(r[0] for r in runs)
        p50 = statistics.median(r[1] for r in runs)
        p99 = statistics.median(r[2] for r in runs)
        print(
            f"{name:<10} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {rps / baseline:>12.2f} {sum(r[3] for r in runs):>7}"
        )


if __name__ == "__main__":
    main()
