"""A team's instance under load (a script: it asserts no timing).

    .venv/bin/python bench/team.py [--testers 40] [--seconds 60] [--stories 2000]
        [--workers 4] [--password-hash scrypt:4096:8:1] [--database-url URL]

Starts gunicorn (4 sync workers) on 127.0.0.1 over a fresh database (a temporary SQLite
file, or the empty database of `--database-url`), with the limits on abuse per client
address raised through AUTH_* environment variables as a team would (every tester here
comes from 127.0.0.1) and the password hash cost of `--password-hash` (AUTH_PASSWORD_HASH).
N testers then each run whole personal-data stories, one after the other, until the
time or the number of stories is reached: create a customer (`POST /sim/api/customers`,
a private P&V customer), register (step 1, the letter delivered through
`POST /sim/api/letters/deliver`, its code read from `GET /sim/api/outbox`, step 2 with
email, password and mobile, the SMS code), log out, log in with the password and the SMS
code, read the home page, the documents, a contract and a PDF. Prints stories/min and
p50/p95/p99 per step (a step's time includes the redirect a browser follows).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._load import cpu_seconds, empty, serve, stop
from bench._story import PASSWORD, Tester
from models.base import make_engine
from portal import migrate
from portal.i18n import compile_translations

RAISED = {  # per client address, or per shared counter: every tester is 127.0.0.1
    "AUTH_REGISTER_ADDRESS_HOUR": "1000000",
    "AUTH_REPORT_PER_ADDRESS_HOUR": "1000000",
    "AUTH_REPORT_TOTAL_DAY": "1000000",
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def run(port: int, args) -> tuple[dict[str, list[float]], int, list[str], float]:
    """The testers' stories: (seconds per step, stories done, failures, elapsed)."""
    steps: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []
    done, lock = [0], threading.Lock()
    numbers = itertools.count(1)
    started = time.perf_counter()
    deadline = started + args.seconds

    def tester() -> None:
        while time.perf_counter() < deadline:
            with lock:
                n = next(numbers)
                if n > args.stories:
                    return
            story = Tester(port, n)
            try:
                story.run()
            # a failed story is reported, not fatal
            except Exception as exc:
                with lock:
                    failures.append(f"story {n}: {exc}")
                continue
            finally:
                with lock:
                    for name, seconds in story.times:
                        steps[name].append(seconds)
            with lock:
                done[0] += 1

    threads = [threading.Thread(target=tester) for _ in range(args.testers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return steps, done[0], failures, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testers", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--stories", type=int, default=2000, help="at most this many in all")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--password-hash", help="AUTH_PASSWORD_HASH (default: the setting's)")
    parser.add_argument(
        "--database-url", help="an empty database, emptied again at the end (default: SQLite)"
    )
    args = parser.parse_args()
    args.seconds = min(max(args.seconds, 5.0), 600.0)  # bounded
    args.testers = min(max(args.testers, 1), 200)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'team.sqlite3'}"
        engine = make_engine(url)
        if not migrate.is_empty(engine):
            raise SystemExit(f"{url}: the database is not empty; give an empty one.")
        migrate.upgrade(engine)
        engine.dispose()
        # compiled once here: workers starting together would race on the .mo files
        compile_translations(Path(folder) / "translations")
        env = {"DATABASE_URL": url, "SECRET_KEY": "bench-team", "INSTANCE_PATH": folder, **RAISED}
        if args.password_hash:
            env["AUTH_PASSWORD_HASH"] = args.password_hash
        process, port = serve("portal.wsgi:app", env, args.workers)
        load_before, cpu_before, wall = os.getloadavg()[0], cpu_seconds(process.pid), time.time()
        try:
            steps, done, failures, elapsed = run(port, args)
        finally:
            cpu = cpu_seconds(process.pid) - cpu_before
            wall = time.time() - wall
            stop(process)
            if args.database_url:
                empty(url)
    report(args, steps, done, failures, elapsed, cpu / wall, load_before)


def report(args, steps, done, failures, elapsed, busy, load_before) -> None:
    requests = sum(len(v) for v in steps.values())
    print(f"{args.testers} testers, {args.workers} workers, hash "
          f"{args.password_hash or 'default'}, password of {len(PASSWORD)} characters")  # fmt: skip
    print(f"{done} stories in {elapsed:.0f} s: {60 * done / elapsed:.1f} stories/min; "
          f"{len(failures)} failed; worker CPU {busy:.2f} cores busy; "
          f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")  # fmt: skip
    print(f"{'step':<16} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name, values in steps.items():
        print(f"{name:<16} {len(values):>6} {percentile(values, 0.5):>8.0f} "
              f"{percentile(values, 0.95):>8.0f} {percentile(values, 0.99):>8.0f} "
              f"{1000 * statistics.fmean(values):>8.0f}")  # fmt: skip
    print(f"({requests} timed steps)")
    for failure in failures[:5]:
        print("failed:", failure)


if __name__ == "__main__":
    main()
