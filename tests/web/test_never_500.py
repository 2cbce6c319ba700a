"""Never a 500, never a traceback (issue 10): integers in URLs, JSON nested too deep,
customers created with bad or surprising bodies, a DELETE without a body."""

from __future__ import annotations

import re

import pytest
from stdnum.be import nn

DEEP = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000


def test_every_integer_in_a_url_is_bounded(app, client):
    """Every `<int:...>` rule: a number too large for the database answers 404."""
    rules = [r for r in app.url_map.iter_rules() if "<int:" in r.rule]
    assert rules, "no <int:> rule found"
    for found in rules:
        rule, methods = found.rule, found.methods - {"HEAD", "OPTIONS"}
        url = re.sub(r"<int:[^>]+>", "99999999999999999999", rule)
        url = re.sub(r"<any\(([^,)]+)[^>]*>", r"\1", url)
        url = re.sub(r"<brand:\w+>", "vivium", url)
        url = re.sub(r"<(?:\w+:)?\w+>", "x", url)
        if "GET" in methods:
            assert client.get(url).status_code == 404, url
        else:
            # Werkzeug answers 405 when another rule of the same path takes other methods.
            method = sorted(methods)[0]
            assert client.open(url, method=method).status_code in (404, 405), (method, url)
    assert client.get("/pv/fr/documents/99999999999999999999.pdf").status_code == 404
    assert client.get("/vivium/nl/documents/2147483648.pdf").status_code == 404


def _api_writes(app) -> list[tuple[str, str]]:
    out = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/sim/api/"):
            continue
        for method in sorted((rule.methods or set()) & {"POST", "PUT", "DELETE"}):
            url = re.sub(r"<(?:[\w]+:)?(\w+)>", "x", rule.rule)
            out.append((method, url))
    return out


@pytest.mark.parametrize("text", [DEEP, DEEP_OBJECT])
def test_json_nested_a_thousand_deep_gets_a_json_400_on_every_api_write(app, client, text):
    writes = _api_writes(app)
    assert ("POST", "/sim/api/customers") in writes
    for method, url in writes:
        response = client.open(url, method=method, data=text, content_type="application/json")
        assert response.status_code < 500, (method, url, response.status_code)
        assert response.is_json, (method, url)
    for method, url in (("POST", "/sim/api/customers"), ("PUT", "/sim/api/clock"),
                        ("POST", "/sim/api/documents/publish"), ("POST", "/sim/api/reset"),
                        ("PUT", "/sim/api/faults/letter_lost")):  # fmt: skip
        response = client.open(url, method=method, data=text, content_type="application/json")
        assert response.status_code == 400, (method, url)


def test_a_fault_is_cleared_by_a_delete_without_body(client):
    client.put("/sim/api/faults/letter_lost", json={"enabled": True})
    response = client.delete("/sim/api/faults/letter_lost")
    assert response.status_code == 200 and response.get_json()["letter_lost"] is False
    refused = client.post("/sim/api/reset", data="mode=demo",
                          content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert refused.status_code == 415


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"national_number": "85073003329"}, "national_number"),
        ({"national_number": "８５０７３００３３２８"}, "national_number"),
        ({"national_number": "9" * 10_000}, "national_number"),
        ({"national_number": "1' OR '1'='1"}, "national_number"),
        ({"first_name": "A" * 10_000}, "first_name"),
        ({"first_name": "Jo\x00hn"}, "first_name"),
        ({"birth_date": "2030-01-01"}, "birth_date"),
        ({"birth_date": "2030-02-31"}, "birth_date"),
        ({"contracts": [{"annual_premium_cents": "two"}]}, "contracts[0].annual_premium_cents"),
        ({"contracts": [{"start_date": "soon"}]}, "contracts[0].start_date"),
        ({"contracts": [{"life_documents": [3000]}]}, "contracts[0].life_documents[0]"),
        ({"brand": "axa"}, "brand"),
    ],
)
def test_a_bad_customer_gets_a_422_naming_the_field_in_plain_words(client, db, body, field):
    response = client.post("/sim/api/customers", json=body)
    assert response.status_code == 422, response.get_json()
    answer = response.get_json()
    assert answer["error"] == "invalid_customer" and answer["field"] == field
    assert answer["message"].startswith(f"{field}: ")
    for python_text in ("could not convert", "Invalid isoformat", "not 'axa", "Traceback"):
        assert python_text not in answer["message"]
    from sqlalchemy import func, select

    from models import Person

    assert db.scalar(select(func.count()).select_from(Person)) == 0


def test_a_national_number_gives_its_birth_date_and_sex(client):
    response = client.post("/sim/api/customers", json={"national_number": "85073003328"})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["birth_date"] == "1985-07-30" and body["sex"] == "M"


def test_a_customer_is_recorded_twice_only_when_asked_and_the_answer_shows_everything(client):
    """RG-5: a person recorded twice is asked for with duplicate=true, never by chance;
    the answer lists every record and every contract made."""
    for seed in range(60):
        body = {"seed": seed, "contracts": [{"product": "car"}]}
        answer = client.post("/sim/api/customers", json=body).get_json()
        assert len(answer["records"]) == 1, seed
        assert [c["product"] for c in answer["contracts"]] == ["car"], seed
    twice = client.post(
        "/sim/api/customers", json={"duplicate": True, "contracts": [{"product": "car"}]}
    ).get_json()
    first, second = twice["records"]
    assert first["national_number"] == second["national_number"]
    assert nn.is_valid(first["national_number"])
    assert [c["person_id"] for c in twice["contracts"]] == [second["person_id"]]


def test_a_contract_number_already_taken_gets_a_409(client):
    first = client.post("/sim/api/customers", json={"contracts": [{"number": "123456789"}]})
    assert first.status_code == 201
    again = client.post("/sim/api/customers", json={"contracts": [{"number": "123456789"}]})
    assert again.status_code == 409 and again.get_json()["error"] == "contract_number_taken"
    twice = client.post(
        "/sim/api/customers", json={"contracts": [{"number": "55"}, {"number": "55"}]}
    )
    assert twice.status_code == 409
