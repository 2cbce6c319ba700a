"""The broker's and agent's view of a customer: Connect 360 (P&V) and V-Connect (Vivium),
search, and the requests they send support (BK-1, BK-2, BK-3, PD-2, DC-2)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from models import Brand, ContactChange
from portal.rules.contacts import intermediary_sees_from
from tests.web.test_personal_data import MONDAY, last_message


def view(client, brand: str, person) -> dict:
    response = client.get(f"/sim/api/broker/{brand}/{person.id}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def customer_guarantees(client, base: str, number: str) -> dict[str, bool]:
    html = client.get(f"{base}/contracts/{number}").get_data(as_text=True)
    rows = re.findall(r'data-testid="guarantee-([a-z_]+)".*?data-covered="(yes|no)"', html, re.S)
    return {code: covered == "yes" for code, covered in rows}


def test_bk1_connect_360_shows_the_myp_and_v_flag_with_the_onboarding_date(
    client, personas, person_named, login
):
    louise = person_named("Louise")
    assert view(client, "pv", louise)["onboarding"] == {"registered": False, "date": None}
    login(louise, Brand.PV, now=datetime(2026, 3, 4, 10, 30))
    assert view(client, "pv", louise)["onboarding"] == {
        "registered": True,
        "date": "2026-03-04T10:30:00",
    }
    html = client.get(f"/sim/broker/pv/{louise.id}").get_data(as_text=True)
    assert 'data-testid="onboarding" data-registered="yes"' in html and "04/03/2026" in html
    assert 'data-testid="qr-code" data-url="https://my.pv.be/"' in html and "<svg" in html


def test_bk1_v_connect_has_no_onboarding_flag_nor_qr_code(client, personas, person_named, login):
    marc = person_named("Marc")
    login(marc, Brand.VIVIUM)
    data = view(client, "vivium", marc)
    assert "onboarding" not in data and "qr_code_url" not in data and data["tool"] == "V-Connect"
    html = client.get(f"/sim/broker/vivium/{marc.id}").get_data(as_text=True)
    assert 'data-testid="onboarding"' not in html and "<svg" not in html


def test_bk2_the_broker_sees_the_contracts_and_guarantees_the_customer_sees(
    client, personas, person_named, login
):
    for name, brand, lang in (("Louise", Brand.PV, "nl"), ("Marc", Brand.VIVIUM, "fr")):
        person = person_named(name)
        login(person, brand)
        base = f"/{brand.value}/{lang}"
        home = client.get(f"{base}/").get_data(as_text=True)
        shown = set(re.findall(r'data-testid="contract-(\d+)"', home))
        data = view(client, brand.value, person)
        assert {c["number"] for c in data["contracts"]} == shown and shown
        for contract in data["contracts"]:
            broker = {i["code"]: i["covered"] for g in contract["guarantees"] for i in g["items"]}
            assert broker == customer_guarantees(client, base, contract["number"])
        missing = client.get(f"{base}/contracts/missing").get_data(as_text=True)
        hidden = dict(re.findall(r'data-testid="hidden-(\d+)" data-reason="([a-z_0-9]+)"', missing))
        assert {c["number"]: c["reason"] for c in data["hidden_contracts"]} == hidden
        assert all(not c["shown_in_portal"] for c in data["hidden_contracts"])
        documents = client.get(f"{base}/documents").get_data(as_text=True)
        ids = set(re.findall(r'data-testid="document-(\d+)"', documents))
        assert {str(d["id"]) for d in data["documents"]} == ids


def test_bk2_hidden_contracts_are_marked_not_shown_with_the_reason_the_customer_reads(
    client, personas, person_named
):
    marc = person_named("Marc")
    html = client.get(f"/sim/broker/vivium/{marc.id}").get_data(as_text=True)
    hidden = re.findall(r'data-testid="hidden-(\d+)" data-shown="no" data-reason="(\w+)"', html)
    assert ("4091000123", "workers_compensation") in hidden
    assert "accidents du travail" in html  # the reason, in Marc's French
    shown = re.findall(r'data-testid="contract-(\d+)" data-shown="yes"', html)
    assert shown and not set(shown) & {n for n, _ in hidden}


def change_address(db, person, brand: Brand, at: datetime) -> None:
    db.add(
        ContactChange(
            brand=brand,
            person_id=person.id,
            street="Nieuwstraat",
            house_number="5",
            postcode="9000",
            city="Gent",
            email="sofie.new@example.be",
            changed_at=at,
            intermediary_sees_from=intermediary_sees_from(brand, at),
        )
    )
    db.commit()


def test_pd2_the_pv_agent_sees_a_contact_change_from_the_next_day(
    client, db, freeze, personas, person_named
):
    sofie = person_named("Sofie")
    old_street = sofie.street
    freeze(MONDAY)
    change_address(db, sofie, Brand.PV, MONDAY)
    assert view(client, "pv", sofie)["contact"]["street"] == old_street
    freeze(MONDAY.replace(hour=23, minute=59))
    assert view(client, "pv", sofie)["contact"]["street"] == old_street
    freeze(MONDAY + timedelta(days=1) - timedelta(hours=9))  # Tuesday 00:00
    contact = view(client, "pv", sofie)["contact"]
    assert (contact["street"], contact["city"]) == ("Nieuwstraat", "Gent")
    assert contact["email"] == "sofie.new@example.be"
    html = client.get(f"/sim/broker/pv/{sofie.id}").get_data(as_text=True)
    assert "Nieuwstraat 5, 9000 Gent" in html


def test_pd2_a_vivium_broker_never_sees_a_contact_change(
    client, db, freeze, personas, person_named
):
    sofie = person_named("Sofie")
    old_street = sofie.street
    freeze(MONDAY)
    change_address(db, sofie, Brand.VIVIUM, MONDAY)
    freeze(MONDAY + timedelta(days=400))
    assert view(client, "vivium", sofie)["contact"]["street"] == old_street
    assert view(client, "pv", sofie)["contact"]["street"] == old_street  # a Vivium change
    html = client.get(f"/sim/broker/vivium/{sofie.id}").get_data(as_text=True)
    assert "Nieuwstraat" not in html


def test_search_finds_customers_by_name_national_number_or_contract_number(
    client, personas, person_named
):
    louise = person_named("Louise")

    def found(q: str) -> list[int]:
        return [
            c["person_id"] for c in client.get(f"/sim/api/broker/search?q={q}").json["customers"]
        ]

    assert found("peeters") == found("Louise Peeters") == [louise.id]
    assert found(louise.national_number) == [louise.id]
    assert found("5436548") == [louise.id]
    assert len(found("Dupont")) == 2  # Nathalie's two records
    assert found("x") == [] and found("zzzz") == [] and found("%") == []
    sofie = client.get("/sim/api/broker/search?q=Janssens").json["customers"][0]
    assert sofie["brands"] == ["vivium", "pv"]
    html = client.get("/sim/broker?q=Janssens").get_data(as_text=True)
    assert f'data-testid="open-pv-{sofie["person_id"]}"' in html
    assert f'data-testid="open-vivium-{sofie["person_id"]}"' in html
    assert 'data-testid="broker-no-hit"' in client.get("/sim/broker?q=Nobody").text


def test_search_results_are_bounded(client, db):
    from seed import build

    for i in range(30):
        build.add_person(db, last_name="Mertens", first_name=f"Jan{i}")
    db.commit()
    assert len(client.get("/sim/api/broker/search?q=Mertens").json["customers"]) == 20


def test_dc2_a_missing_document_asked_by_the_broker_is_emailed_by_support(
    client, db, freeze, personas, person_named, login
):
    freeze(MONDAY)
    louise = person_named("Louise")
    login(louise, Brand.PV, email="louise@example.be")
    asked = client.post(
        f"/sim/api/broker/pv/{louise.id}/missing-document",
        json={"contract_number": "3654654", "document_kind": "insurance_card", "year": 2026},
    )
    assert asked.status_code == 201, asked.get_json()
    req = asked.get_json()
    assert (req["mailbox"], req["kind"], req["requested_by"]) == (
        "mypv@pv.be",
        "missing_document",
        "broker",
    )
    assert req["email"] == "louise@example.be" and req["actions"] == ["answer", "sent"]
    listed = client.get("/sim/api/support?kind=missing_document&brand=pv").json["requests"]
    assert [r["id"] for r in listed] == [req["id"]]
    sent = client.post(f"/sim/api/support/{req['id']}/sent", json={})
    assert sent.status_code == 200 and sent.get_json()["request"]["status"] == "sent"
    email = last_message(db, "email", "document_sent_email")
    assert email.recipient == "louise@example.be" and email.language.value == "nl"
    assert "3654654" in email.body and "insurance_card-3654654-2026.pdf" in email.body
    assert "Verzekeringsbewijs" in email.subject


def test_dc2_the_broker_asks_from_the_console_page(
    client, db, submit, freeze, personas, person_named
):
    freeze(MONDAY)
    marc = person_named("Marc")
    page = f"/sim/broker/vivium/{marc.id}"
    data = {"contract_number": "4011002345", "document_kind": "tax_certificate", "year": "2024"}
    data["email"] = "marc@example.be"
    done = submit(page, data, f"{page}/missing-document", follow_redirects=True)
    html = done.get_data(as_text=True)
    assert "sent to myvivium@vivium.be" in html and 'data-testid="broker-request-' in html
    bad = submit(page, {**data, "year": "1800"}, f"{page}/missing-document", follow_redirects=True)
    assert "invalid_year" in bad.get_data(as_text=True)
    assert client.post(f"{page}/missing-document", data=data).status_code == 400  # no CSRF


def test_broker_requests_refuse_bad_input_with_json_errors(client, personas, person_named):
    louise, marc = person_named("Louise"), person_named("Marc")
    url = f"/sim/api/broker/pv/{louise.id}/missing-document"
    good = {"contract_number": "3654654", "document_kind": "policy", "year": 2025}
    cases = [
        (client.post(url, json={**good, "contract_number": "4011002345"}), 422, "invalid_contract"),
        (client.post(url, json={**good, "document_kind": "poem"}), 422, "invalid_kind"),
        (client.post(url, json={**good, "year": "next"}), 422, "invalid_year"),
        (client.post(url, json={**good, "email": "not-an-address"}), 422, "invalid_email"),
        (client.post(url, json={**good, "email": 5}), 422, "invalid_email"),
        (client.post(url, json="hello"), 400, "invalid_body"),
        (client.post(f"/sim/api/broker/pv/{louise.id}/coffee", json={}), 404, "not_found"),
        (
            client.post(f"/sim/api/broker/pv/{marc.id}/missing-document", json=good),
            404,
            "customer_not_found",
        ),
        (client.get(f"/sim/api/broker/axa/{louise.id}"), 404, "unknown_brand"),
        (client.get("/sim/api/broker/pv/999999"), 404, "customer_not_found"),
        (client.get("/sim/api/broker/pv/12345678901234567890"), 404, "customer_not_found"),
        (client.get(f"/sim/api/broker/vivium/{louise.id}"), 404, "customer_not_found"),
    ]
    for response, status, error in cases:
        assert (response.status_code, response.get_json()["error"]) == (status, error)
    assert client.get("/sim/broker/pv/999999").status_code == 404


def test_a_customer_without_any_email_needs_one_for_a_missing_document(client, db, personas):
    from seed import build

    person = build.add_person(db)
    build.add_contract(db, person, "life_pension_savings", number="7770001")
    db.commit()
    url = f"/sim/api/broker/pv/{person.id}/missing-document"
    body = {"contract_number": "7770001", "document_kind": "tax_certificate", "year": 2025}
    assert client.post(url, json=body).get_json()["error"] == "email_required"
    assert client.post(url, json={**body, "email": "anne@example.be"}).status_code == 201
