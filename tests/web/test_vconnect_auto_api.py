"""The control API of V-Connect Auto (VA-1..VA-10): a quote from creation to policy, every
refusal as JSON with a stable code, Informex down (VA-4)."""

from __future__ import annotations

import pytest

from models.sim import FaultName, set_fault

ROOT = "/sim/api/vconnect-auto"


@pytest.fixture
def claire(client, personas):
    found = client.get("/sim/api/intermediaries?brand=vivium").get_json()["intermediaries"]
    return next(i for i in found if i["producer_number"] == "8000201")


def create(client, claire, person, **fields):
    data = {"intermediary_id": claire["id"], "person_id": person.id, "line": "private",
            "use": "private", "bonus_malus": 0} | fields  # fmt: skip
    return client.post(f"{ROOT}/quotes", json=data)


def car(client, number, **fields):
    data = {"plate": "1ABC234", "vin": "WVWZZZ1KZ8W000001", "kind": "car", "make": "Renault",
            "model": "Clio", "year": 2025, "power_kw": 74, "value_euro": 21000} | fields  # fmt: skip
    return client.put(f"{ROOT}/quotes/{number}/vehicle", json=data)


def test_a_quote_goes_from_creation_to_a_policy_through_the_api(client, claire, person_named):
    response = create(client, claire, person_named("Marc"))
    assert response.status_code == 201, response.get_json()
    number = response.get_json()["number"]
    assert car(client, number).get_json()["premium_cents"] > 0
    chosen = client.put(f"{ROOT}/quotes/{number}/guarantees",
                        json={"guarantees": ["material_damage"], "english_excess": True})  # fmt: skip
    codes = [line["code"] for line in chosen.get_json()["premium_lines"]]
    assert codes == ["civil_liability", "material_damage", "english_excess"]
    for step, status in (("offer", "offered"), ("signature", "signing"), ("sign", "signed"),
                         ("issue", "issued")):  # fmt: skip
        answer = client.post(f"{ROOT}/quotes/{number}/{step}", json={})
        assert answer.status_code == 200 and answer.get_json()["status"] == status, answer.json
    policy = answer.get_json()["policy"]
    assert policy["status"] == "active" and policy["return_slip_deadline"]
    overview = client.get(f"{ROOT}/quotes?intermediary_id={claire['id']}").get_json()
    assert overview["quotes"][0]["policy_number"] == policy["number"]


@pytest.mark.parametrize(
    ("fields", "code", "rule"),
    [({"plate": "1ABC23456"}, "plate_invalid", "VA-1"), ({"plate": "1abc234"}, "plate_invalid", "VA-1"),
     ({"vin": "WVWZZZ1KZ8W0000012"}, "vin_invalid", "VA-2"),
     ({"vin": "WVWZZZ1KZ8W00000Q"}, "vin_invalid", "VA-2"),
     ({"kind": "motorhome", "mass_kg": 5001}, "mtm_above_limit", "VA-3")],
)  # fmt: skip
def test_a_refused_vehicle_is_a_422_naming_the_rule(
    client, claire, person_named, fields, code, rule
):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    response = car(client, number, **fields)
    assert response.status_code == 422
    assert response.get_json()["error"] == code and response.get_json()["rule"] == rule


def test_va3_a_motorhome_of_5000_kg_is_quoted(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    assert car(client, number, kind="motorhome", mass_kg=5000).status_code == 200


def test_va4_informex_down_answers_503_and_the_manual_entry_goes_on(
    client, claire, db, person_named
):
    set_fault(db, FaultName.INFORMEX_UNAVAILABLE, True)
    db.commit()
    browse = client.get(f"{ROOT}/informex?kind=car")
    assert browse.status_code == 503 and browse.get_json()["error"] == "informex_unavailable"
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    assert car(client, number, informex_code="IX000001").status_code == 503
    assert car(client, number).status_code == 200


def test_informex_is_browsed_by_kind_make_and_model(client):
    makes = client.get(f"{ROOT}/informex?kind=motorbike").get_json()["makes"]
    assert "Yamaha" in makes
    rows = client.get(f"{ROOT}/informex?kind=motorbike&make=Yamaha&model=MT-07").get_json()
    assert rows["vehicles"][0]["informex_code"].startswith("IX")
    assert client.get(f"{ROOT}/informex?kind=boat").status_code == 400


def test_va7_a_commercial_driving_school_is_referred_to_the_back_office(
    client, claire, person_named
):
    response = create(client, claire, person_named("Marc"), line="commercial", use="driving_school")
    assert response.status_code == 422 and response.get_json()["rule"] == "VA-7"


def test_va9_accident_assistance_on_a_moped_is_a_422(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number, kind="moped", power_kw=3, value_euro=2500, plate="SAB123")
    response = client.put(f"{ROOT}/quotes/{number}/guarantees",
                          json={"guarantees": ["accident_assistance"]})  # fmt: skip
    assert response.status_code == 422 and response.get_json()["rule"] == "VA-9"


def test_the_company_decides_on_a_quote_in_analysis_and_it_can_be_duplicated(client, claire,
                                                                            person_named):  # fmt: skip
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number, value_euro=95_000)
    assert client.post(f"{ROOT}/quotes/{number}/offer", json={}).get_json()["error"] == (
        "analysis_required"
    )
    assert client.post(f"{ROOT}/quotes/{number}/analysis", json={}).get_json()["status"] == (
        "analysis"
    )
    decided = client.post(f"{ROOT}/quotes/{number}/decision", json={"approve": True})
    assert decided.get_json()["status"] == "approved"
    copy = client.post(f"{ROOT}/quotes/{number}/duplicate", json={})
    assert copy.status_code == 201 and copy.get_json()["duplicated_from"] == number


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"intermediary_id": "x"},
        {"intermediary_id": 1, "person_id": "abc"},
        {"intermediary_id": 1, "customer": {"national_number": 5}},
    ],
)
def test_a_bad_body_is_a_json_error_never_a_500(client, claire, body):
    response = client.post(f"{ROOT}/quotes", json=body)
    assert 400 <= response.status_code < 500 and "error" in response.get_json()


def test_a_new_customer_with_a_wrong_national_number_is_refused(client, claire):
    customer = {"national_number": "85073003329", "first_name": "Tom", "last_name": "Neuf",
                "street": "Rue Haute", "house_number": "1", "postcode": "1000",
                "city": "Bruxelles", "email": "tom@example.be", "language": "fr"}  # fmt: skip
    data = {"intermediary_id": claire["id"], "customer": customer, "line": "private",
            "use": "private", "bonus_malus": 0}  # fmt: skip
    response = client.post(f"{ROOT}/quotes", json=data)
    assert response.status_code == 422
    assert response.get_json()["error"] == "national_number_invalid"
    customer["national_number"] = "85073003328"
    assert client.post(f"{ROOT}/quotes", json=data).status_code == 201


def test_the_demo_gives_each_vivium_broker_a_quote_in_every_status(client, claire):
    made = client.post(f"{ROOT}/demo", json={})
    assert made.status_code == 201 and made.get_json()["quotes"] >= 8
    rows = client.get(f"{ROOT}/quotes?intermediary_id={claire['id']}").get_json()["quotes"]
    statuses = {r["status"] for r in rows}
    assert statuses == {"draft", "analysis", "approved", "refused", "offered", "signing",
                        "signed", "issued"}  # fmt: skip
