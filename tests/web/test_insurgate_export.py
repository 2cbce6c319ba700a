"""Insurgate in the export (`portal-sim export --insurgate`) and in the reset: the
offices with their groups, users, integrations and quotes, never a password hash; a
reset brings back the seeded office "P&V Group Acceptance" (IG-2..IG-6)."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from portal import cli_seed
from seed.export_insurgate import insurgate_facts, write_insurgate_json
from seed.insurgate import DEMO_PASSWORD, GROUPS, QUOTES, USERS, demo_hash, seed_insurgate

API = "/sim/api/insurgate"
OFFICE = {
    "first_name": "Jan", "last_name": "Peeters", "email": "jan@kantoor.be",
    "password": "secret", "language": "nl", "trade_name": "Kantoor Peeters",
    "enterprise_number": "BE0403170701", "street": "Meir", "number": "1",
    "postcode": "2000", "city": "Antwerpen", "website": "https://kantoor.be",
    "phone": "0412 34 56 78",
}  # fmt: skip


@pytest.fixture
def seeded(db):
    seed_insurgate(db)
    db.commit()


def test_the_export_holds_the_seeded_office_with_its_groups_users_integration_and_quotes(
    db, seeded
):
    [office] = insurgate_facts(db.connection())
    assert office["trade_name"] == "P&V Group Acceptance"
    assert sorted(g["name"] for g in office["groups"]) == sorted(GROUPS)
    assert {u["email"] for u in office["users"]} == {u[2] for u in USERS}
    assert [i["producer_number"] for i in office["integrations"]] == ["66799"]
    assert office["integrations"][0]["status"] == "accepted"
    assert [q["reference"] for q in office["quotes"]] == [q[0] for q in QUOTES]
    assert office["quotes"][0]["created_at"] == "2026-05-17T09:42:00"


def test_ig4_the_export_says_who_is_invited_and_who_is_active(db, seeded):
    [office] = insurgate_facts(db.connection())
    status = {u["email"]: u["status"] for u in office["users"]}
    assert status["delacroix@orangeclignotant.be"] == "invited"
    assert status["7964@pv.be"] == "active"


def test_ig5_the_export_lists_the_members_of_each_group(db, seeded):
    [office] = insurgate_facts(db.connection())
    ids = {u["email"]: u["id"] for u in office["users"]}
    school = next(g for g in office["groups"] if g["name"] == "Business School")
    assert school["member_ids"] == sorted([ids["clementine.cazelles@pvgroup.be"],
                                           ids["66802@vivium.be"]])  # fmt: skip
    default = next(g for g in office["groups"] if g["is_default"])
    assert ids["66803@vivium.be"] in default["member_ids"]


def test_the_export_never_holds_a_password_hash_or_an_email_link(db, seeded):
    out = io.StringIO()
    assert write_insurgate_json(db.connection(), out) == 1
    text = out.getvalue()
    assert "password" not in text and "session_epoch" not in text and "token" not in text
    assert demo_hash() not in text and DEMO_PASSWORD not in text
    assert json.loads(text)["offices"][0]["users"][0].keys() >= {"email", "status", "is_admin"}


def test_the_export_of_an_empty_database_is_an_empty_list(db):
    out = io.StringIO()
    assert write_insurgate_json(db.connection(), out) == 0
    assert json.loads(out.getvalue()) == {"offices": []}


def test_portal_sim_export_insurgate_writes_the_offices_as_json(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("SECRET_KEY", "cli")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli_seed.seed, []).exit_code == 0
    result = runner.invoke(cli_seed.export, ["--insurgate", "--output", "ig.json"])
    assert result.exit_code == 0, result.output
    assert "Exported 1 Insurgate offices to ig.json." in result.output
    offices = json.loads((tmp_path / "ig.json").read_text(encoding="utf-8"))["offices"]
    assert [o["trade_name"] for o in offices] == ["P&V Group Acceptance"]


def test_a_reset_brings_back_the_seeded_office_and_drops_the_others(client):
    client.post("/sim/api/reset", json={"mode": "demo"})
    first = client.get(f"{API}/offices").get_json()["offices"]
    assert client.post(f"{API}/offices", json=OFFICE).status_code == 201
    seeded_admin = next(u["id"] for u in first[0]["users"] if u["is_admin"])
    group = {"name": "Tijdelijk"}
    assert client.post(f"{API}/users/{seeded_admin}/groups", json=group).status_code == 201
    assert client.post("/sim/api/reset", json={"mode": "demo"}).status_code == 200
    offices = client.get(f"{API}/offices").get_json()["offices"]
    assert [o["trade_name"] for o in offices] == ["P&V Group Acceptance"]
    assert sorted(g["name"] for g in offices[0]["groups"]) == sorted(GROUPS)
    assert offices == first


def test_an_empty_reset_leaves_no_insurgate_office(client):
    client.post("/sim/api/reset", json={"mode": "demo"})
    assert client.post("/sim/api/reset", json={"mode": "empty"}).status_code == 200
    assert client.get(f"{API}/offices").get_json()["offices"] == []
