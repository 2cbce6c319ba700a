"""Creating customers through the control API: chosen fields kept, the rest generated."""

from __future__ import annotations

from stdnum.be import nn


def test_a_customer_is_created_with_the_chosen_contracts_and_generated_rest(client):
    body = {
        "seed": 42,
        "first_name": "Zoë",
        "language": "nl",
        "birth_date": "1990-02-03",
        "contracts": [
            {"product": "car", "brand": "pv"},
            {"product": "hunting_liability", "brand": "pv"},
        ],
    }
    response = client.post("/sim/api/customers", json=body)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["name"].startswith("Zoë") and created["birth_date"] == "1990-02-03"
    assert nn.is_valid(created["national_number"])
    assert [(c["product"], c["brand"]) for c in created["contracts"]] == [
        ("car", "pv"),
        ("hunting_liability", "pv"),
    ]


def test_the_same_seed_gives_the_same_customer_apart_from_unique_identifiers(client):
    first = client.post("/sim/api/customers", json={"seed": 7}).get_json()
    second = client.post("/sim/api/customers", json={"seed": 7}).get_json()
    assert first["birth_date"] == second["birth_date"] and first["language"] == second["language"]


def test_bad_customer_bodies_get_a_json_422(client):
    for body in (
        {"contracts": "car"},
        {"birth_date": "yesterday"},
        {"seed": -1},
        {"contracts": [{"product": "zeppelin"}]},
        {"planet": "Mars"},
    ):
        response = client.post("/sim/api/customers", json=body)
        assert response.status_code == 422, body
        assert response.get_json()["error"] == "invalid_customer"
