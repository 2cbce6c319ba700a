"""Insurgate's control API (IG-1..IG-6): a trainer builds an office with two groups and
shows who sees which quote; every bad field is a 422 naming it."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.sim import set_clock

API = "/sim/api/insurgate"
OFFICE = {
    "first_name": "Clémentine", "last_name": "Cazelles", "email": "clem@bureau.be",
    "password": "secret", "language": "fr", "trade_name": "Bureau Cazelles",
    "enterprise_number": "BE0403170701", "street": "Rue Royale", "number": "151",
    "postcode": "1210", "city": "Bruxelles", "website": "https://bureau.be",
    "phone": "0412 34 56 78",
}  # fmt: skip
QUOTE = {
    "company_name": "Menuiserie Dupuis", "activity": "craft", "postcode": "5000",
    "covers": ["workers_comp"], "claims_count": 0, "workers": 2, "payroll_euros": 80_000,
}  # fmt: skip


@pytest.fixture
def admin(client, db):
    set_clock(db, datetime(2026, 12, 1, 10, 0), frozen=True)
    db.commit()
    created = client.post(f"{API}/offices", json=OFFICE)
    assert created.status_code == 201
    return created.get_json()["user_id"]


def _invite(client, admin: int, email: str, groups: list[int]) -> int:
    body = {"first_name": "X", "last_name": email, "email": email, "group_ids": groups}
    response = client.post(f"{API}/users/{admin}/invitations", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["user_id"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"enterprise_number": "BE040317070"}, "enterprise_number"),
        ({"password": "abc"}, "password"),
        ({"email": "no email"}, "email"),
        ({"postcode": "12"}, "postcode"),
        ({"phone": 12}, "phone"),
    ],
)
def test_ig1_a_bad_field_of_an_office_is_a_422_naming_it(client, change, field):
    response = client.post(f"{API}/offices", json={**OFFICE, **change})
    assert response.status_code == 422 and response.get_json()["field"] == field


def test_ig1_an_email_already_on_the_platform_is_a_409(client, admin):
    response = client.post(f"{API}/offices", json={**OFFICE, "email": "CLEM@bureau.be"})
    assert response.status_code == 409 and response.get_json()["error"] == "email_taken"


def test_ig3_a_user_who_asked_no_integration_is_no_administrator(client, admin):
    response = client.post(f"{API}/users/{admin}/groups", json={"name": "Liège"})
    assert response.status_code == 403 and response.get_json()["error"] == "not_admin"


def test_ig5_a_trainer_shows_who_sees_which_quote_in_an_office_with_two_groups(client, admin):
    asked = client.post(f"{API}/integrations", json={"user_id": admin, "producer_number": "1234"})
    assert asked.status_code == 201
    assert client.post(f"{API}/users/{admin}/quotes", json=QUOTE).status_code == 409  # IG-2
    client.post(f"{API}/integrations/{asked.get_json()['id']}/accept", json={})
    liege = client.post(f"{API}/users/{admin}/groups", json={"name": "Liège"}).get_json()
    namur = client.post(f"{API}/users/{admin}/groups", json={"name": "Namur"}).get_json()
    anne = _invite(client, admin, "anne@bureau.be", [liege["group_id"]])
    bob = _invite(client, admin, "bob@bureau.be", [namur["group_id"]])
    made = client.post(
        f"{API}/users/{admin}/quotes", json={**QUOTE, "group_id": liege["group_id"]}
    ).get_json()
    assert made["premium_cents"] == 176_000  # 22 per mille of 80 000 €
    seen = client.get(f"{API}/users/{anne}/quotes").get_json()
    assert [q["reference"] for q in seen["quotes"]] == [made["reference"]]
    foreign = client.get(f"{API}/users/{bob}/quotes?group={liege['group_id']}").get_json()
    assert foreign["group"]["name"] == "Namur" and foreign["quotes"] == []


def test_ig4_invited_users_are_listed_as_invited_with_their_groups(client, admin):
    client.post(f"{API}/integrations", json={"user_id": admin, "producer_number": "1234"})
    _invite(client, admin, "anne@bureau.be", [])
    office = client.get(f"{API}/offices").get_json()["offices"][0]
    anne = next(u for u in office["users"] if u["email"] == "anne@bureau.be")
    assert anne["status"] == "invited" and anne["groups"] == ["Default"]


def test_ig2_integrations_are_listed_by_status_and_an_unknown_status_is_a_400(client, admin):
    client.post(f"{API}/integrations", json={"user_id": admin, "producer_number": "1234"})
    listed = client.get(f"{API}/integrations?status=requested").get_json()["integrations"]
    assert [i["producer_number"] for i in listed] == ["1234"]
    assert client.get(f"{API}/integrations?status=maybe").status_code == 400


def test_a_body_that_is_no_object_is_a_400(client, admin):
    response = client.post(f"{API}/integrations", json=[1, 2])
    assert response.status_code == 400


def test_an_unknown_user_is_a_404(client):
    assert client.get(f"{API}/users/999/quotes").status_code == 404
