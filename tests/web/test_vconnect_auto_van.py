"""A van in V-Connect Auto (issue 16), in French and Dutch: browsed in Informex (VA-4)
or typed in by hand, on the commercial line for mixed and professional use (VA-7),
with accident assistance (VA-9), up to a policy the customer's MyVivium shows as his
car policy with the van noted."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import AutoQuote, Contract
from models.enums import VehicleKind
from models.informex import versions_of
from tests.web.test_vconnect_auto import customer, new_quote, post, sign_in, step, text, vehicle

__all__ = ["customer", "sign_in"]  # the fixtures this module borrows
TRANSIT = versions_of("van", "Ford", "Transit")[-1]  # the newest model year


@pytest.mark.parametrize(("lang", "label"), [("fr", "Camionnette"), ("nl", "Bestelwagen")])
def test_informex_lists_the_vans_by_make_in_both_languages(client, customer, lang, label):
    number = new_quote(client, customer, lang=lang)
    page = client.get(f"/vconnect/{lang}/auto/quotes/{number}?kind=van&make=Ford&model=Transit")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and f'<option value="van" selected>{label}</option>' in html
    assert f'<option value="{TRANSIT.code}">' in html


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_van_by_hand_is_quoted_with_its_label(client, customer, lang):
    number = new_quote(client, customer, lang=lang)
    assert vehicle(client, number, lang=lang, kind="van", make="Ford", model="Transit",
                   power_kw="96", value_euro="38000").status_code == 303  # fmt: skip
    label = {"fr": "Camionnette", "nl": "Bestelwagen"}[lang]
    assert f"{label} · Ford Transit" in text(client.get(f"/vconnect/{lang}/auto/quotes/{number}"))


def test_va7_a_van_on_the_commercial_line_for_own_account_transport_is_referred(client, customer):
    response = post(client, "/vconnect/nl/auto/new", {
        "who": "existing", "person_id": customer.id, "line": "commercial",
        "use": "own_account_transport", "bonus_malus": "0"})  # fmt: skip
    assert response.status_code == 422 and "VA-7" in text(response)


def test_a_commercial_van_with_accident_assistance_becomes_a_car_policy_noting_the_van(
    client, customer, db
):
    number = new_quote(client, customer, line="commercial", use="mixed_professional")
    data = {"informex_code": TRANSIT.code, "plate": "1VAN001", "vin": "WF0XXXTTGXKA12345"}
    assert post(client, f"/vconnect/fr/auto/quotes/{number}/vehicle", data,
                f"/vconnect/fr/auto/quotes/{number}").status_code == 303  # fmt: skip
    chosen = step(client, number, "guarantees", guarantees=["accident_assistance"])
    assert chosen.status_code == 303  # VA-9 refuses it only on two wheels and quads
    for name in ("offer", "signature"):
        assert step(client, number, name).status_code == 303
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()
    assert post(client, f"/vconnect/fr/sign/{quote.sign_token}", {}).status_code == 200
    assert step(client, number, "finalise").status_code == 303
    db.expire_all()
    contract = db.scalars(select(Contract).join(AutoQuote, AutoQuote.contract_id == Contract.id)
                          .where(AutoQuote.number == number)).one()  # fmt: skip
    assert (contract.product, contract.vehicle_kind, contract.risk_note) == (
        "car",
        VehicleKind.CAR,
        "van",
    )
    assert "accident_assistance" in contract.covered


def test_the_api_document_lists_the_van_among_the_vehicle_kinds(client):
    spec = client.get("/sim/api/openapi.json").get_json()
    operation = spec["paths"]["/vconnect-auto/quotes/{number}/vehicle"]["put"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["properties"]["kind"]["enum"] == [
        "car", "van", "motorhome", "motorbike", "moped", "tricycle", "quad"]  # fmt: skip
