"""The work of one customer page, measured without load (a script: it asserts nothing).

    .venv/bin/python bench/profile_page.py [--customers 2000] [--requests 300]
        [--database-url postgresql+psycopg://user@127.0.0.1:5432/empty_db] [--world]

Wall-clock figures swing with whatever else the machine runs; these do not, or much
less: per customer page (issue 12), the Python function calls of one request (cProfile
over `--requests` requests through `app.wsgi_app`, with the cookie a browser holds after
logging in, as bench/serve.py prepares it), the SQL statements it runs, and the CPU time
of one request without the profiler (`time.process_time`, the best of three rounds).
Every request is checked: a 200, a logged-in page, no Set-Cookie.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event
from werkzeug.test import EnvironBuilder

from bench import serve as bench_serve

ROUNDS = 3


def environs(users, page: str) -> list[dict]:
    """One WSGI environ per sampled customer, as a browser sends the page."""
    built = []
    for path, cookie in bench_serve.requests_of(users, page):
        root, _, rest = path.partition("/pv/")
        builder = EnvironBuilder(
            path="/pv/" + rest,
            base_url=f"http://127.0.0.1{root}/",
            headers={"Cookie": cookie, "Accept-Language": "nl-BE,nl;q=0.9"},
        )
        built.append(builder.get_environ())
    return built


def run(app, requests: list[dict], count: int) -> None:
    """`count` requests round the sampled customers; each must be a logged-in 200."""
    for i in range(count):
        seen: dict = {}

        def start_response(status, headers, _exc=None, seen=seen):
            seen["status"], seen["headers"] = status, headers

        body = b"".join(app.wsgi_app(dict(requests[i % len(requests)]), start_response))
        cookies = [v for k, v in seen["headers"] if k.lower() == "set-cookie"]
        if not seen["status"].startswith("200") or cookies or b"/pv/nl/logout" not in body:
            raise SystemExit(f"bad answer {seen['status']} (Set-Cookie: {cookies})")


def statements_of(app, requests: list[dict]) -> int:
    counted: list[str] = []

    def _count(_conn, _cursor, statement, *_args):
        counted.append(statement)

    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", _count)
    try:
        run(app, requests, 1)
    finally:
        event.remove(engine, "before_cursor_execute", _count)
    return len(counted)


def measure(app, requests: list[dict], count: int) -> tuple[float, float, int]:
    """Calls per request, CPU ms per request, statements per request."""
    run(app, requests, min(count, 50))  # warm-up: imports, caches, connections
    profile = cProfile.Profile()
    profile.runcall(run, app, requests, count)
    calls = pstats.Stats(profile).total_calls / count  # type: ignore[attr-defined]
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        run(app, requests, count)
        best = min(best, time.process_time() - started)
    return calls, best * 1000 / count, statements_of(app, requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--database-url", help="an empty database (default: SQLite)")
    parser.add_argument("--world", action="store_true", help="the pages in a non-default world")
    args = parser.parse_args()
    if args.world:
        bench_serve.WORLD.append("")
    from portal.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'profile.sqlite3'}"
        users = bench_serve.prepare(url, folder, args.customers, args.sample)
        config = {"DATABASE_URL": url, "SECRET_KEY": bench_serve.SECRET, "INSTANCE_PATH": folder}
        app = create_app(config)
        print(f"{'page':<10} {'calls/req':>10} {'CPU ms/req':>11} {'SQL/req':>8}")
        for name, page in bench_serve.PAGES.items():
            calls, cpu_ms, statements = measure(app, environs(users, page), args.requests)
            print(f"{name:<10} {calls:>10,.0f} {cpu_ms:>11.2f} {statements:>8}")
        app.extensions["db_engine"].dispose()


if __name__ == "__main__":
    main()
