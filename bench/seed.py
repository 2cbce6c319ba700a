"""Benchmark of bulk seeding (a script, not a test: it asserts no timing).

    .venv/bin/python bench/seed.py [--customers 100000] [--runs 3] [--seed 1]
        [--database-url postgresql+psycopg://user@127.0.0.1:5432/empty_db]

Each run seeds N customers into a fresh SQLite file with `seed.bulk.seed_customers`
as the command line does (generation in a second process one batch ahead, inserts, one
commit per batch; its CPU time counts both processes), then inserts the very same rows into
another fresh file of the same schema with raw `sqlite3.executemany` (rows generated
first, only the inserts and commits timed), on connections with the pragmas of
`models.base.make_engine`. With `--database-url` (an empty database, emptied again at
the end) both go to that database, its schema dropped and created before each, the raw
inserts through the driver's own `executemany` (psycopg for PostgreSQL). It prints the
medians of customers/s, rows/s, the raw insert time and the ratio seed time / raw insert
time, then the peak memory: traced Python memory of one more seeding run (tracemalloc),
and the process's peak resident size.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.base import Base, create_schema, make_engine, make_session_factory
from portal.migrate import is_empty
from seed.bulk import BATCH_SIZE, insert_statements, seed_customers
from seed.generator import Generator

PRAGMAS = ("PRAGMA foreign_keys=ON", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def fresh_database(folder: Path, name: str, url: str | None = None) -> str:
    """The URL of an empty database with the schema: a new SQLite file, or `url` with
    its tables dropped and created again."""
    url = url or f"sqlite:///{folder / name}"
    engine = make_engine(url)
    if not url.startswith("sqlite"):
        Base.metadata.drop_all(engine)
    create_schema(engine)
    engine.dispose()
    return url


def cpu_with_children() -> float:
    """CPU seconds of this process and of its ended children (the generating process)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def seed_run(url: str, customers: int, seed: int, batch_size: int) -> tuple[float, float, int]:
    """Seconds (wall clock and CPU) and rows of one seeding through SQLAlchemy."""
    engine = make_engine(url)
    session = make_session_factory(engine)()
    started, cpu = time.perf_counter(), cpu_with_children()
    summary = seed_customers(
        session, customers, seed, batch_size=batch_size, commit=True, bulk=True
    )
    seconds, cpu = time.perf_counter() - started, cpu_with_children() - cpu
    session.close()
    engine.dispose()
    return seconds, cpu, summary.rows


def raw_connection(url: str):
    """A driver connection (sqlite3 with the engine's pragmas, or psycopg) and the
    INSERT statements in its parameter style."""
    engine = make_engine(url)
    with engine.connect() as conn:
        statements = insert_statements(conn)
    engine.dispose()
    if url.startswith("sqlite"):
        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        for pragma in PRAGMAS:
            connection.execute(pragma)
        return connection, statements
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")), statements


def raw_run(url: str, customers: int, seed: int, batch_size: int) -> tuple[float, float]:
    """Seconds (wall clock and CPU) that the driver's raw executemany and commits take
    for the same rows."""
    connection, statements = raw_connection(url)
    generator = Generator(seed)
    seconds, cpu, done = 0.0, 0.0, 0
    while done < customers:
        size = min(batch_size, customers - done)
        batch = generator.batch(size)
        started, cpu_started = time.perf_counter(), time.process_time()
        cursor = connection.cursor()
        for attr, sql in statements:
            if rows := getattr(batch, attr):
                cursor.executemany(sql, rows)
        connection.commit()
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        done += size
    connection.close()
    return seconds, cpu


def traced_peak(folder: Path, url: str | None, customers: int, seed: int, batch_size: int) -> int:
    """Peak Python memory (bytes) of one seeding run, traced."""
    path = fresh_database(folder, "traced.sqlite3", url)
    tracemalloc.start()
    seed_run(path, customers, seed, batch_size)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--no-trace", action="store_true", help="skip the traced run")
    parser.add_argument("--database-url", help="an empty database, emptied again at the end")
    args = parser.parse_args()
    n, results, url = args.customers, [], args.database_url
    if url and not is_empty(make_engine(url)):
        raise SystemExit(f"{url}: the database is not empty; give an empty one.")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for run in range(1, args.runs + 1):
            seed = seed_run(
                fresh_database(folder, f"s{run}.sqlite3", url), n, args.seed, args.batch_size
            )
            raw = raw_run(
                fresh_database(folder, f"r{run}.sqlite3", url), n, args.seed, args.batch_size
            )
            results.append((*seed, *raw))
            print(f"run {run}: seed {seed[0]:.2f} s ({n / seed[0]:,.0f} customers/s, CPU {seed[1]:.2f} s);"
                  f" raw inserts {raw[0]:.2f} s (CPU {raw[1]:.2f} s); ratio {seed[0] / raw[0]:.2f}")  # fmt: skip
        report(n, results, args.batch_size)
        if not args.no_trace:
            peak = traced_peak(folder, url, n, args.seed, args.batch_size)
            print(
                f"peak traced memory   {peak / 2**20:.1f} MiB (tracemalloc, one more seeding run)"
            )
    if url:
        engine = make_engine(url)
        Base.metadata.drop_all(engine)
        engine.dispose()
    print(
        f"peak resident size   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


def report(n: int, results: list[tuple[float, float, int, float, float]], batch_size: int) -> None:
    """Medians over the runs, by the wall clock and by CPU time (steadier on a busy machine)."""
    med = [statistics.median(r[i] for r in results) for i in range(5)]
    seconds, cpu, rows, raw, raw_cpu = med
    ratio = statistics.median(r[0] / r[3] for r in results)
    cpu_ratio = statistics.median(r[1] / r[4] for r in results)
    print(f"\n{n:,} customers, {int(rows):,} rows, {len(results)} runs, batches of {batch_size:,}")
    print(
        f"median seed time     {seconds:.2f} s: {n / seconds:,.0f} customers/s, {rows / seconds:,.0f} rows/s"
    )
    print(f"  by CPU time        {cpu:.2f} s: {n / cpu:,.0f} customers/s, {rows / cpu:,.0f} rows/s")
    print(f"median raw inserts   {raw:.2f} s: {rows / raw:,.0f} rows/s (CPU {raw_cpu:.2f} s)")
    print(
        f"median ratio         {ratio:.2f} seed time / raw insert time (by CPU time {cpu_ratio:.2f})"
    )


if __name__ == "__main__":
    main()
