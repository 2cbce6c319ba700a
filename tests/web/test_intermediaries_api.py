"""The control API of the intermediaries' tools (BK-1, BK-2, BK-3, PD-2, RG-5, DC-2,
DC-3): list, a portfolio, a customer as the tool shows him, the requests."""

from __future__ import annotations

import base64

from models import Brand


def intermediaries(client, **query) -> dict:
    response = client.get("/sim/api/intermediaries", query_string=query)
    assert response.status_code == 200, response.get_json()
    return {i["producer_number"]: i for i in response.get_json()["intermediaries"]}


def test_the_list_gives_every_seeded_intermediary_with_his_portfolio_size(client, personas):
    found = intermediaries(client)
    assert found["4000101"]["portfolio_customers"] == 4
    assert found["4000101"]["tool_url"] == "/connect360/nl/"
    assert found["8000201"]["brand"] == "vivium" and found["8000201"]["password_sign_in"]
    assert set(intermediaries(client, brand="pv")) == {"4000101", "4000102"}


def test_an_unknown_brand_filter_is_a_400(client, personas):
    response = client.get("/sim/api/intermediaries?brand=axa")
    assert response.status_code == 400 and response.get_json()["error"] == "invalid_filter"


def test_bk3_a_portfolio_lists_the_intermediarys_customers(client, personas, person_named):
    agent = intermediaries(client)["4000102"]
    data = client.get(f"/sim/api/intermediaries/{agent['id']}/portfolio").get_json()
    assert [c["person_id"] for c in data["customers"]] == [person_named("Jean-Pierre").id]


def test_bk2_another_intermediarys_customer_is_a_404(client, personas, person_named):
    agent = intermediaries(client)["4000102"]
    louise = person_named("Louise")
    response = client.get(f"/sim/api/intermediaries/{agent['id']}/customers/{louise.id}")
    assert response.status_code == 404 and response.get_json()["error"] == "customer_not_found"
    assert client.get("/sim/api/intermediaries/999/portfolio").status_code == 404
    assert client.get("/sim/api/intermediaries/x/customers/y").status_code == 404


def test_bk1_the_customer_view_has_counts_and_both_portals_flags_in_connect_360(
    client, personas, person_named, login
):
    sofie = person_named("Sofie")
    login(sofie, Brand.VIVIUM)
    agent = intermediaries(client)["4000101"]
    data = client.get(f"/sim/api/intermediaries/{agent['id']}/customers/{sofie.id}").get_json()
    assert data["tool"] == "Connect 360" and data["portals_onboarded"]["pv"] is None
    assert data["portals_onboarded"]["vivium"] is not None
    assert data["policy_counts"] == {"life": 0, "non_life": 3}
    broker = intermediaries(client)["8000202"]
    data = client.get(f"/sim/api/intermediaries/{broker['id']}/customers/{sofie.id}").get_json()
    assert "portals_onboarded" not in data and "onboarding" not in data


def test_rg5_dc2_dc3_the_requests_have_the_intermediary_as_sender(
    client, personas, person_named, login
):
    marc = person_named("Marc")
    login(marc, Brand.VIVIUM)
    broker = intermediaries(client)["8000201"]
    base = f"/sim/api/intermediaries/{broker['id']}/customers/{marc.id}"
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"1" * 20).decode()
    report = client.post(
        f"{base}/support-report", json={"email": "marc@example.be", "screenshot": png}
    )
    assert report.status_code == 201 and report.get_json()["email"] == broker["email"]
    paper = client.post(f"{base}/paper-exception", json={"message": "Pas d'internet"})
    assert paper.status_code == 201
    again = client.post(f"{base}/paper-exception", json={})
    assert again.status_code == 409 and again.get_json()["error"] == "already_requested"
    number = client.get(base).get_json()["contracts"][0]["number"]
    doc = client.post(
        f"{base}/missing-document",
        json={"contract_number": number, "document_kind": "tax_certificate", "year": 2025},
    )
    assert doc.status_code == 201


def test_bad_bodies_are_clear_json_errors(client, personas, person_named):
    marc = person_named("Marc")
    broker = intermediaries(client)["8000201"]
    base = f"/sim/api/intermediaries/{broker['id']}/customers/{marc.id}"
    assert client.post(f"{base}/support-report", json=[1]).status_code == 400
    bad_email = client.post(f"{base}/support-report", json={"email": "no at"})
    assert bad_email.status_code == 422 and bad_email.get_json()["error"] == "invalid_email"
    bad_image = client.post(
        f"{base}/support-report", json={"email": "a@b.be", "screenshot": "R0lGODlh"}
    )
    assert bad_image.status_code == 422 and bad_image.get_json()["error"] == "bad_screenshot"
    bad_doc = client.post(f"{base}/missing-document", json={"contract_number": "0"})
    assert bad_doc.status_code == 422


def test_the_openapi_document_describes_the_intermediaries_api(client):
    paths = client.get("/sim/api/openapi.json").get_json()["paths"]
    assert "/intermediaries" in paths
    assert "/intermediaries/{intermediary_id}/customers/{person}/support-report" in paths


def test_bk3_a_customer_made_by_the_api_goes_to_the_chosen_agent(client, personas):
    agent = intermediaries(client)["4000101"]
    response = client.post(
        "/sim/api/customers",
        json={
            "seed": 5,
            "intermediary": "4000101",
            "contracts": [{"brand": "pv"}, {"brand": "vivium"}],
        },
    )
    assert response.status_code == 201, response.get_json()
    by_brand = {c["brand"]: c["intermediary_id"] for c in response.get_json()["contracts"]}
    assert by_brand["pv"] == agent["id"]
    assert by_brand["vivium"] is not None and by_brand["vivium"] != agent["id"]


def test_an_unknown_producer_number_is_a_422_naming_the_field(client, personas):
    response = client.post("/sim/api/customers", json={"intermediary": "123"})
    assert response.status_code == 422 and response.get_json()["field"] == "intermediary"


def test_the_export_carries_each_brands_intermediary(db, personas, person_named):
    from seed.export import customer_facts

    louise = person_named("Louise")
    facts = {f["person_id"]: f for f in customer_facts(db.connection())}
    assert facts[louise.id]["pv_intermediary"] == "4000101"
    assert facts[louise.id]["vivium_intermediary"] is None
