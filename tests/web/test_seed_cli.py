"""`portal-sim seed` and `portal-sim export` (portal/cli_seed.py), bulk seeding into a
database, and `make_customer` with chosen attributes."""

from __future__ import annotations

import csv
import hashlib
import json
import tracemalloc
from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select, text
from stdnum.be import nn

from models import Brand, Contract, Document, Language, LifeComponent, Person, VehicleKind
from models.base import create_schema, make_engine, make_session_factory
from portal import cli_seed
from seed import build
from seed.bulk import seed_customers
from seed.customer import make_customer


@pytest.fixture
def env(tmp_path, monkeypatch):
    """seed(args) and export(args) on a database of their own; url() switches it."""
    runner = CliRunner()

    def url(name: str = "cli") -> str:
        address = f"sqlite:///{tmp_path / name}.sqlite3"
        monkeypatch.setenv("DATABASE_URL", address)
        return address

    monkeypatch.setenv("SECRET_KEY", "cli")
    monkeypatch.chdir(tmp_path)
    url()
    return {
        "seed": lambda *args: runner.invoke(cli_seed.seed, list(args)),
        "export": lambda *args: runner.invoke(cli_seed.export, list(args)),
        "url": url,
    }


def scalar(url: str, sql: str):
    engine = create_engine(url)
    with engine.connect() as c:
        value = c.execute(text(sql)).scalar()
    engine.dispose()
    return value


def test_seed_without_customers_loads_the_personas_and_refuses_a_full_database(env):
    first = env["seed"]()
    assert first.exit_code == 0, first.output
    assert "Seeded 8 personas" in first.output and "Louise Peeters" in first.output
    again = env["seed"]()
    assert again.exit_code != 0 and "--reset" in again.output
    assert env["seed"]("--reset").exit_code == 0
    assert env["seed"]("--append").exit_code == 2  # --append needs --customers


def test_seed_customers_prints_a_summary_that_matches_the_database(env):
    result = env["seed"]("--customers", "600", "--seed", "3")
    assert result.exit_code == 0, result.output
    url = env["url"]()
    people = scalar(url, "select count(*) from person")
    contracts = scalar(url, "select count(*) from contract")
    documents = scalar(url, "select count(*) from document")
    assert "Seeded 600 customers" in result.output and "customers/s" in result.output
    assert f"people:        {people:,} records" in result.output
    assert (
        f"contracts:     {contracts:,} (" in result.output
        and "hidden by the portal" in result.output
    )
    assert f"documents: {documents:,}" in result.output and "life_pension_savings" in result.output
    assert people > 600 and scalar(url, "select count(distinct national_number) from person") == 600
    assert scalar(url, "select count(*) from pragma_foreign_key_check") == 0


def _export_digest(env, seed: str, name: str) -> str:
    env["url"](name)
    assert env["seed"]("--customers", "400", "--seed", seed).exit_code == 0
    out = env["export"]("--format", "json")
    assert out.exit_code == 0, out.output
    return hashlib.sha256(out.output.encode()).hexdigest()


def test_the_same_seed_gives_the_same_customers_in_two_databases(env):
    one, two = _export_digest(env, "11", "one"), _export_digest(env, "11", "two")
    assert one == two
    assert _export_digest(env, "12", "three") != one


def test_a_full_database_is_refused_unless_reset_or_append(env):
    assert env["seed"]().exit_code == 0
    refused = env["seed"]("--customers", "10")
    assert refused.exit_code != 0
    assert "--reset" in refused.output and "--append" in refused.output
    assert env["seed"]("--customers", "10", "--reset", "--append").exit_code == 2
    reset = env["seed"]("--customers", "50", "--reset")
    assert reset.exit_code == 0, reset.output
    url = env["url"]()
    assert (
        scalar(
            url, "select count(*) from person where last_name = 'Peeters' and first_name = 'Louise'"
        )
        == 0
    )
    assert scalar(url, "select count(distinct national_number) from person") == 50


def test_append_adds_after_the_existing_rows_without_collisions(env):
    assert env["seed"]().exit_code == 0
    url = env["url"]()
    top = scalar(url, "select max(id) from contract")
    for _ in range(2):  # the same seed twice: national numbers must still differ
        result = env["seed"]("--customers", "300", "--append", "--seed", "5")
        assert result.exit_code == 0, result.output
    assert scalar(url, "select count(*) from person where first_name = 'Louise'") == 1
    assert (
        scalar(
            url,
            "select min(id) from contract where length(number) = 10 and substr(number, 1, 1) in ('7', '8')",
        )
        > top
    )
    assert scalar(url, "select count(*) from contract") == scalar(
        url, "select count(distinct number) from contract"
    )
    twice = scalar(
        url,
        "select count(*) from (select national_number from person group by 1 having count(*) > 1)",
    )
    assert twice == scalar(url, "select count(*) - count(distinct national_number) from person")
    assert twice < 30  # only the deliberate duplicates (and Nathalie Dupont)
    assert scalar(url, "select count(*) from pragma_foreign_key_check") == 0


def test_mixes_are_applied_and_checked(env):
    result = env["seed"](
        "--customers", "200", "--brand-mix", "vivium=1,pv=0", "--language-mix", "nl=1"
    )
    assert result.exit_code == 0, result.output
    url = env["url"]()
    assert scalar(url, "select count(*) from contract where brand != 'vivium'") == 0
    assert scalar(url, "select count(*) from person where language != 'nl'") == 0
    bad = env["seed"]("--customers", "5", "--reset", "--brand-mix", "axa=1")
    assert bad.exit_code == 2 and "--brand-mix" in bad.output


def test_export_csv_and_json_give_the_login_facts(env, tmp_path):
    assert env["seed"]("--customers", "400", "--seed", "8").exit_code == 0
    url = env["url"]()
    engine = make_engine(url)
    session = make_session_factory(engine)()
    person = session.scalars(select(Person).order_by(Person.id)).first()
    build.add_account(session, person, Brand.PV, email="Someone@Example.be")
    session.commit()
    session.close()
    engine.dispose()
    assert env["export"]("--format", "csv", "--output", "out.csv").exit_code == 0
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()))
    assert len(rows) == scalar(url, "select count(*) from person")
    assert rows[0]["pv_account"] == "someone@example.be" and rows[1]["pv_account"] == ""
    assert nn.is_valid(rows[0]["national_number"]) and date.fromisoformat(rows[0]["birth_date"])
    listed = sum(
        len(r[k].split())
        for r in rows
        for k in ("vivium_contracts", "pv_contracts", "ended_contracts")
    )
    assert listed == scalar(url, "select count(*) from contract")
    data = json.loads(env["export"]("--format", "json").output)
    assert [d["national_number"] for d in data] == [r["national_number"] for r in rows]
    assert any(d["records"] == 2 for d in data) and any(d["ended_contracts"] for d in data)
    assert {d["language"] for d in data} == {"fr", "nl"}


def test_make_customer_uses_the_chosen_values_and_generates_the_rest(db):
    person = make_customer(
        db,
        seed=4,
        postcode="9000",
        birth_date=date(2001, 8, 5),
        sex="F",
        contracts=[
            {"brand": "pv", "vehicle_kind": VehicleKind.MOPED},
            {
                "product": "life_pension_savings",
                "brand": Brand.VIVIUM,
                "life_documents": [2024, 2025],
            },
            {"product": "car", "brand": "pv", "status": "ended", "number": "CUSTOM123"},
        ],
    )
    db.commit()
    assert person.language == Language.NL and person.city == "Gent"
    assert nn.get_birth_date(person.national_number) == date(2001, 8, 5)
    assert nn.get_gender(person.national_number) == "F"
    moped, pension, car = person.contracts
    assert moped.product == "motorbike" and moped.vehicle_kind == VehicleKind.MOPED
    assert "accident_assistance" not in moped.covered and moped.vehicle_plate
    assert pension.brand == Brand.VIVIUM and pension.savings_cents is not None
    parts = db.scalars(select(LifeComponent.kind).where(LifeComponent.contract_id == pension.id))
    assert parts.first() == "pension_savings"
    years = db.scalars(select(Document.year).where(Document.contract_id == pension.id)).all()
    assert sorted(set(years)) == [2024, 2025] and len(years) == 6
    assert car.number == "CUSTOM123" and car.end_date is not None and car.renewal_date is None


def test_make_customer_records_twice_and_rejects_unknown_fields(db):
    person = make_customer(db, seed=6, duplicate=True, segment="professional", language="fr")
    db.commit()
    records = db.scalars(
        select(Person).where(Person.national_number == person.national_number)
    ).all()
    assert len(records) == 2 and person.segment == "professional"
    assert person.language == Language.FR
    with pytest.raises(TypeError):
        make_customer(db, favourite_colour="blue")
    with pytest.raises(TypeError):
        make_customer(db, contracts=[{"product": "car", "holder_id": 1}])
    for bad in ({"contracts": [{"product": "space_travel"}]}, {"language": "de"},
                {"contracts": [{"status": "paused"}]}, {"sex": "X"}):  # fmt: skip
        with pytest.raises(ValueError):
            make_customer(db, **bad)
    another = make_customer(db, contracts=[{"status": "active"}, {}])
    assert another.id > records[-1].id and len(another.contracts) == 2


def test_generated_customers_render_in_the_portal(db, client, login):
    person = make_customer(db, seed=21, brand="pv", segment="private", language="nl",
                           contracts=[{"product": "car"}, {"product": "life_savings"},
                                      {"product": "bike"}])  # fmt: skip
    db.commit()
    login(person, Brand.PV)
    home = client.get("/pv/nl/")
    assert home.status_code == 200
    car, savings, bike = person.contracts
    page = home.get_data(as_text=True)
    assert car.number in page and savings.number in page and bike.number not in page
    for contract in (car, savings):
        assert client.get(f"/pv/nl/contracts/{contract.number}").status_code == 200
    assert bike.number in client.get("/pv/nl/contracts/missing").get_data(as_text=True)
    assert client.get("/pv/nl/documents").status_code == 200


def _seed_peak(tmp_path, name: str, count: int) -> int:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    create_schema(engine)
    session = make_session_factory(engine)()
    tracemalloc.start()
    seed_customers(session, count, 3, batch_size=75, commit=True)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    session.close()
    engine.dispose()
    return peak


def test_bulk_seeding_memory_stays_flat(tmp_path):
    _seed_peak(tmp_path, "warm.sqlite3", 10)
    assert _seed_peak(tmp_path, "big.sqlite3", 1200) < 1.5 * _seed_peak(
        tmp_path, "small.sqlite3", 750
    )


def test_seeding_in_one_session_counts_what_it_inserts(db):
    summary = seed_customers(db, 120, 2)
    db.commit()
    assert summary.customers == 120
    assert summary.people == db.scalar(select(func.count()).select_from(Person))
    assert summary.contracts == db.scalar(select(func.count()).select_from(Contract))
    assert summary.documents == db.scalar(select(func.count()).select_from(Document))
