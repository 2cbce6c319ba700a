"""The home page as the MyP&V FAQ shows Louise's (CT-5), and the same in MyVivium."""

from __future__ import annotations

import re

from models import Brand


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_ct5_louise_sees_her_pension_total_and_her_two_vehicles(
    client, personas, person_named, login
):
    login(person_named("Louise"), Brand.PV)
    html = client.get("/pv/nl/").get_data(as_text=True)
    text = _text(html)
    assert "Welkom, Louise" in text
    assert "Mijn pensioen" in text and "Mijn mobiliteit" in text
    assert "Totaal gespaard bedrag € 21.460,03" in text
    assert "Pensioensparen Contractnummer: 5436548" in text
    assert "Vrij Aanvullend Pensioen voor Zelfstandigen Contractnummer: 8890079" in text
    assert "Lexus RC - 2BHM548 Contractnummer: 3654654" in text
    assert "Kawasaki - SAA111 Contractnummer: 8758589" in text
    assert "Nog vragen?" in text
    assert text.index("Mijn pensioen") < text.index("Mijn mobiliteit")


def test_ct5_the_same_home_in_french_formats_amounts_the_belgian_french_way(
    client, personas, person_named, login
):
    login(person_named("Louise"), Brand.PV)
    text = _text(client.get("/pv/fr/").get_data(as_text=True))
    assert "Bienvenue, Louise" in text
    assert "Ma pension" in text
    assert "Total épargné 21\u202f460,03\u00a0€" in text or "Total épargné 21 460,03 €" in text
    assert "Numéro de contrat : 5436548" in text
    assert "Encore des questions ?" in text


def test_br1_a_customer_of_both_brands_sees_only_this_brands_contracts(
    client, personas, person_named, login
):
    sofie = person_named("Sofie")
    login(sofie, Brand.PV)
    login(sofie, Brand.VIVIUM)
    pv = client.get("/pv/nl/").get_data(as_text=True)
    vivium = client.get("/vivium/nl/").get_data(as_text=True)
    assert "2211004455" in pv and "4011009001" not in pv
    assert "4011009001" in vivium and "2211004455" not in vivium


def test_home_and_theme_cards_for_a_customer_with_nothing_to_show(
    client, personas, person_named, login
):
    login(person_named("Thomas"), Brand.PV)
    html = client.get("/pv/nl/").get_data(as_text=True)
    assert 'data-testid="no-contracts"' in html
    assert 'data-testid="hidden-count"' in html


def test_home_links_every_shown_contract_to_its_page(client, personas, person_named, login):
    login(person_named("Marc"), Brand.VIVIUM)
    html = client.get("/vivium/fr/").get_data(as_text=True)
    assert 'href="/vivium/fr/contracts/4011002345"' in html
    assert 'href="/vivium/fr/contracts/4011002346"' in html
    assert "4021007788" not in html  # professional car: hidden (CT-1)
