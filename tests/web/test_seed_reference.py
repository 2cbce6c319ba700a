"""Seeding is deterministic (issue 13, item 3): the same seed gives the same data on any
day and any machine, its dates counted from a fixed reference (seed.belgium.REFERENCE_DATE)
that `portal-sim seed --as-of` moves, never from the machine's today."""

from __future__ import annotations

import hashlib
import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select, text

import models.sim
from models import Contract
from portal import cli_seed
from seed.belgium import REFERENCE_DATE

SEED = Path(__file__).resolve().parents[2] / "seed"
CLOCK_READS = re.compile(
    r"\b(date|datetime)\.(today|now|utcnow)\(|\btime\.time\(|real_now|clock_now"
)


@pytest.fixture
def env(tmp_path, monkeypatch):
    """seed(args), export(args) on a database of their own; url(name) switches it."""
    runner = CliRunner()

    def url(name: str) -> str:
        address = f"sqlite:///{tmp_path / name}.sqlite3"
        monkeypatch.setenv("DATABASE_URL", address)
        return address

    monkeypatch.setenv("SECRET_KEY", "cli")
    monkeypatch.chdir(tmp_path)
    return {
        "seed": lambda *args: runner.invoke(cli_seed.seed, list(args)),
        "export": lambda *args: runner.invoke(cli_seed.export, list(args)),
        "url": url,
    }


def machine_date(monkeypatch, day: date) -> None:
    """Pretend the machine's clock shows `day`: date.today() and datetime.now() in every
    seed module and the CLI, and the simulator's real time."""

    class FakeDate(date):
        @classmethod
        def today(cls):
            return cls(day.year, day.month, day.day)

    class FakeDateTime(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(day.year, day.month, day.day, 10, 0)

        today = now

    for name, module in list(sys.modules.items()):
        if name == "portal.cli_seed" or name == "seed" or name.startswith("seed."):
            if getattr(module, "date", None) is date:
                monkeypatch.setattr(module, "date", FakeDate)
            if getattr(module, "datetime", None) is datetime:
                monkeypatch.setattr(module, "datetime", FakeDateTime)
    monkeypatch.setattr(models.sim, "real_now", lambda: FakeDateTime.now())


def rows(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    with engine.connect() as c:
        found = [tuple(r) for r in c.execute(text(sql))]
    engine.dispose()
    return found


def digest(env, name: str, *options: str) -> str:
    """The export's hash and every contract and document date of a fresh seeding."""
    url = env["url"](name)
    done = env["seed"]("--customers", "300", "--seed", "5", *options)
    assert done.exit_code == 0, done.output
    out = env["export"]("--format", "json")
    assert out.exit_code == 0, out.output
    dates = rows(url, "select number, start_date, renewal_date, end_date from contract order by id")
    issued = rows(url, "select id, issued_on from document order by id")
    return hashlib.sha256((out.output + repr(dates) + repr(issued)).encode()).hexdigest()


def test_nothing_in_seed_reads_a_clock():
    for path in SEED.glob("*.py"):
        assert not CLOCK_READS.search(path.read_text(encoding="utf-8")), path.name


def test_the_same_seed_gives_the_same_data_whatever_the_machine_date(env, monkeypatch):
    machine_date(monkeypatch, date(2026, 3, 2))
    first = digest(env, "monday")
    machine_date(monkeypatch, date(2031, 12, 31))
    assert digest(env, "years-later") == first
    assert digest(env, "as-of-default", "--as-of", REFERENCE_DATE.isoformat()) == first


def test_as_of_moves_the_dates_and_stays_deterministic(env):
    as_of = date(2030, 6, 15)
    moved = digest(env, "moved", "--as-of", "2030-06-15")
    assert digest(env, "moved-again", "--as-of", "2030-06-15") == moved
    assert digest(env, "reference") != moved
    url = env["url"]("moved")
    contracts = rows(url, "select status, start_date, renewal_date, end_date from contract")
    starts = [date.fromisoformat(str(start)) for _status, start, _r, _e in contracts]
    assert max(starts) <= as_of and max(starts).year == 2030
    for status, _start, renewal, end in contracts:
        if status == "active":
            assert end is None and as_of < date.fromisoformat(str(renewal))
        else:
            assert renewal is None and date.fromisoformat(str(end)) < as_of
    births = [date.fromisoformat(str(b)) for (b,) in rows(url, "select birth_date from person")]
    assert max(births) <= date(2012, 6, 15), "everyone is an adult on the as-of day"
    years = [y for (y,) in rows(url, "select year from document")]
    assert max(years) == 2029
    reference = rows(env["url"]("reference"), "select max(start_date) from contract")[0][0]
    assert date.fromisoformat(str(reference)) <= REFERENCE_DATE


def test_as_of_is_checked(env):
    env["url"]("checked")
    assert env["seed"]("--as-of", "2030-06-15").exit_code == 2  # the personas are fixed
    assert env["seed"]("--customers", "5", "--as-of", "15/06/2030").exit_code == 2
    refused = env["seed"]("--customers", "5", "--as-of", "1899-01-01")
    assert refused.exit_code == 2 and "between 2000-01-01 and 2098-12-31" in refused.output


def test_the_customers_api_takes_an_as_of_day(client, db):
    answer = client.post(
        "/sim/api/customers",
        json={"seed": 3, "as_of": "2031-05-10", "brand": "pv", "contracts": [{"product": "fire"}]},
    )
    assert answer.status_code == 201, answer.get_json()
    fire = db.scalars(
        select(Contract).where(Contract.number == answer.get_json()["contracts"][0]["number"])
    ).one()
    assert fire.start_date <= date(2031, 5, 10) < fire.renewal_date
    refused = client.post("/sim/api/customers", json={"as_of": "2031-13-01"})
    assert refused.status_code == 422 and refused.get_json()["field"] == "as_of"
