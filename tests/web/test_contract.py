"""The contract page (CT-3) and who may open it (BR-1, CT-1)."""

from __future__ import annotations

import re

import pytest

from models import Brand


def _covered(html: str, code: str) -> str:
    match = re.search(rf'data-testid="guarantee-{code}">.*?data-covered="(yes|no)"', html, re.S)
    assert match, code
    return match.group(1)


def test_ct3_car_page_shows_vehicle_and_guarantees_grouped_like_connect_360(
    client, personas, person_named, login
):
    login(person_named("Louise"), Brand.PV)
    html = client.get("/pv/nl/contracts/3654654").get_data(as_text=True)
    assert "Lexus RC - 2BHM548" in html
    assert "Vernieuwingsdatum" in html and "Jaarlijkse premie" in html and "504,92" in html
    for group in (
        "Passagiers, anderen en bestuurder",
        "Voertuig",
        "Mobiliteit",
        "Inhoud - activiteiten",
    ):
        assert group in html
    assert _covered(html, "civil_liability") == "yes"
    assert _covered(html, "driver_protection") == "no"
    assert _covered(html, "legal_assistance") == "yes"
    assert _covered(html, "glass") == "no"
    assert _covered(html, "accident_assistance") == "yes"
    assert _covered(html, "breakdown_assistance") == "no"
    assert "Hoofdbestuurder" in html


def test_ct3_life_page_shows_savings_composition_and_beneficiaries(
    client, personas, person_named, login
):
    login(person_named("Marc"), Brand.VIVIUM)
    html = client.get("/vivium/fr/contracts/4011002345").get_data(as_text=True)
    assert 'data-testid="contract-savings"' in html
    assert "Engagement individuel de pension (EIP)" in html
    assert "Revenu garanti (garantie complémentaire)" in html
    assert (
        "Fonds d&#39;investissement (branche 23)" in html
        or "Fonds d'investissement (branche 23)" in html
    )
    assert "Claire Dubois" in html and "En cas de décès" in html
    assert 'data-testid="contract-guarantees"' not in html


def test_ct3_home_risk_shows_the_insured_address(client, personas, person_named, login):
    login(person_named("Sofie"), Brand.PV)
    html = client.get("/pv/fr/contracts/2211004455").get_data(as_text=True)
    assert "Naamsestraat 41, 3000 Leuven" in html
    assert "Bâtiment" in html


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("111000171365", "hidden product (hunting liability, CT-2)"),
        ("4011009001", "contract of the same person in the other brand (BR-1)"),
        ("5436548", "another customer's contract"),
        ("does-not-exist", "unknown number"),
    ],
)
def test_a_contract_the_customer_may_not_see_is_not_found(
    client, personas, person_named, login, number, why
):
    login(person_named("Jean-Pierre"), Brand.PV)
    assert client.get(f"/pv/fr/contracts/{number}").status_code == 404, why


def test_a_professional_customers_non_life_contract_page_is_not_found(
    client, personas, person_named, login
):
    login(person_named("Marc"), Brand.VIVIUM)
    assert client.get("/vivium/fr/contracts/4021007788").status_code == 404
