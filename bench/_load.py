"""Helpers of the benchmarks: gunicorn on loopback, worker CPU time from /proc, and a
bounded load from wrk (or, without wrk, from Python threads)."""

from __future__ import annotations

import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")
WRK_SCRIPT = """
local reqs = {}
function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\\t]*)\\t?(.*)$")
    local headers = {}
    if cookie ~= "" then headers["Cookie"] = cookie end
    reqs[#reqs + 1] = wrk.format("GET", path, headers)
  end
  math.randomseed(math.floor(os.clock() * 1000000) + #reqs)
end
function request() return reqs[math.random(#reqs)] end
function done(s, latency, requests)
  io.write(string.format('RESULT {"requests": %d, "us": %d, "p50": %d, "p99": %d, ' ..
    '"errors": %d}\\n', s.requests, s.duration, latency:percentile(50),
    latency:percentile(99), s.errors.status + s.errors.connect + s.errors.read +
    s.errors.write + s.errors.timeout))
end
"""


@dataclass
class Load:
    """One bounded load: requests/s, latency percentiles (ms), errors, worker CPU."""

    rps: float
    p50: float
    p99: float
    errors: int
    cpu_ms: float  # worker CPU time per request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(module: str, env: dict[str, str], workers: int = 2) -> tuple[subprocess.Popen, int]:
    """gunicorn with sync workers on 127.0.0.1, once it answers."""
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    process = subprocess.Popen(
        [gunicorn, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--no-control-socket",
         "--log-level", "warning", "--timeout", "120", module],
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            conn.getresponse().read()
            conn.close()
            if len(worker_pids(process.pid)) >= workers:
                return process, port
        except OSError:
            pass
        time.sleep(0.2)
    stop(process)
    raise SystemExit(f"{module} did not start on 127.0.0.1:{port}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def empty(url: str) -> None:
    """Leave the database of `--database-url` empty again, for the next benchmark."""
    from models.base import Base, make_engine

    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()


def worker_pids(master: int) -> list[int]:
    """The gunicorn workers: the children of the master process."""
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        return [int(p) for p in children.read_text().split()]
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def cpu_seconds(master: int) -> float:
    """User plus system CPU time of the master's workers (utime, stime of /proc/pid/stat)."""
    total = 0
    for pid in worker_pids(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def fetch(port: int, path: str, cookie: str = "") -> tuple[int, dict[str, str], str]:
    """One GET: status, headers (lower-case names), body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    answer = conn.getresponse()
    body = answer.read().decode(errors="replace")
    conn.close()
    return answer.status, {k.lower(): v for k, v in answer.getheaders()}, body


def load(process: subprocess.Popen, port: int, requests: list[tuple[str, str]],
         seconds: float, connections: int = 8, loader: str = "wrk") -> Load:  # fmt: skip
    """GETs of (path, cookie) picked at random, for `seconds`, from `connections`
    keep-alive connections of wrk (or of Python threads: `loader="python"`, or without
    wrk; they need CPU of their own and cap a fast page); the workers' CPU time is read
    before and after."""
    before = cpu_seconds(process.pid)
    run = _wrk if loader == "wrk" and shutil.which("wrk") else _threads
    count, elapsed, p50, p99, errors = run(port, requests, seconds, connections)
    cpu = cpu_seconds(process.pid) - before
    return Load(count / elapsed, p50, p99, errors, 1000 * cpu / max(count, 1))


def _wrk(port, requests, seconds, connections):
    with tempfile.TemporaryDirectory() as tmp:
        script, lines = Path(tmp, "pick.lua"), Path(tmp, "requests.tsv")
        script.write_text(WRK_SCRIPT)
        lines.write_text("".join(f"{path}\t{cookie}\n" for path, cookie in requests))
        out = subprocess.run(
            ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds:g}s", "--timeout", "10s",
             "-s", str(script), f"http://127.0.0.1:{port}", "--", str(lines)],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        ).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    r = json.loads(line.removeprefix("RESULT "))
    return r["requests"], r["us"] / 1e6, r["p50"] / 1000, r["p99"] / 1000, r["errors"]


def _threads(port, requests, seconds, connections):
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    started = time.perf_counter()
    stop_at = started + seconds

    def worker(index: int) -> None:
        rng, mine, bad = random.Random(index), [], 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < stop_at:
            path, cookie = requests[rng.randrange(len(requests))]
            t0 = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            answer = conn.getresponse()
            answer.read()
            mine.append(time.perf_counter() - t0)
            bad += answer.status >= 400
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    elapsed = time.perf_counter() - started
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return len(latencies), elapsed, pick(0.5), pick(0.99), errors[0]


def report(results: dict[str, list[Load]], legend: str, base: str = "baseline") -> None:
    """Per page the medians of its runs: requests/s, p50, p99, both ratios to the
    medians of the baseline `base` of the same run, worker CPU ms per request and
    errors."""

    def med(name: str, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in results[name])

    rps, p99 = med(base, "rps"), med(base, "p99")
    print(f"\n{'page':<10} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'x req/s':>8} "
          f"{'p99/base':>8} {'CPU ms':>7} {'errors':>6}")  # fmt: skip
    for name, runs in results.items():
        print(
            f"{name:<10} {med(name, 'rps'):>8.0f} {med(name, 'p50'):>7.1f} "
            f"{med(name, 'p99'):>7.1f} {med(name, 'rps') / rps:>8.2f} "
            f"{med(name, 'p99') / p99:>8.2f} {med(name, 'cpu_ms'):>7.2f} "
            f"{sum(r.errors for r in runs):>6}"
        )
    print(legend)
