"""Every customer page answers in both brands and both languages (BR-1, BR-2, HP-1)."""

from __future__ import annotations

import pytest

from models import Brand

SPACES = [("vivium", "fr"), ("vivium", "nl"), ("pv", "nl"), ("pv", "fr")]
TEXTS = {
    "fr": {
        "overview": "Mon aperçu",
        "help": "Contact & aide",
        "missing": "Je ne trouve pas mon contrat",
    },
    "nl": {
        "overview": "Mijn overzicht",
        "help": "Contact & Help",
        "missing": "Ik kan mijn contract niet vinden",
    },
}


@pytest.fixture
def sofie_everywhere(personas, person_named, login):
    """Sofie has contracts in both brands; she gets an account in each."""
    sofie = person_named("Sofie")
    login(sofie, Brand.VIVIUM, email="sofie@example.be")
    login(sofie, Brand.PV, email="sofie@example.be")
    return sofie


@pytest.mark.parametrize(("brand", "lang"), SPACES)
def test_every_customer_page_answers_in_the_page_language(client, sofie_everywhere, brand, lang):
    base = f"/{brand}/{lang}"
    for path in ("/", "/contracts/missing", "/documents", "/help"):
        response = client.get(base + path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html
        assert TEXTS[lang]["help"] in html
    home = client.get(base + "/").get_data(as_text=True)
    assert TEXTS[lang]["overview"] in home
    assert TEXTS[lang]["missing"] in home


@pytest.mark.parametrize(("brand", "lang"), SPACES)
def test_landing_page_for_visitors_presents_the_three_ways_in(client, brand, lang):
    html = client.get(f"/{brand}/{lang}/").get_data(as_text=True)
    for testid in ("way-itsme", "way-eid", "way-personal-data", "digital-consent-info"):
        assert f'data-testid="{testid}"' in html
    assert "90" in html


@pytest.mark.parametrize("path", ["/contracts/missing", "/documents", "/contracts/5436548"])
def test_customer_pages_send_visitors_to_the_landing_page(client, personas, path):
    response = client.get("/pv/nl" + path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/pv/nl/")


def test_the_start_page_offers_both_portals_in_both_languages(client):
    html = client.get("/").get_data(as_text=True)
    for brand, lang in SPACES:
        assert f'href="/{brand}/{lang}/"' in html


@pytest.mark.parametrize(
    ("brand", "accept", "expected"),
    [
        ("vivium", "nl-BE,nl;q=0.9", "/vivium/nl/"),
        ("vivium", "de", "/vivium/fr/"),
        ("pv", "fr-BE", "/pv/fr/"),
        ("pv", "en", "/pv/nl/"),
    ],
)
def test_brand_root_redirects_to_the_browser_language_or_the_brand_default(
    client, brand, accept, expected
):
    response = client.get(f"/{brand}/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_language_switch_keeps_the_current_page(client, sofie_everywhere):
    html = client.get("/pv/nl/documents").get_data(as_text=True)
    assert 'href="/pv/fr/documents"' in html


@pytest.mark.parametrize(
    "path", ["/pv/en/", "/other/fr/", "/vivium/fr/nowhere", "/pv/nl/documents/abc.pdf"]
)
def test_unknown_pages_get_a_clear_not_found_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'data-testid="error-page"' in response.get_data(as_text=True)


def test_not_found_page_speaks_the_language_of_the_brand_space(client):
    assert "Pagina niet gevonden" in client.get("/pv/nl/nowhere").get_data(as_text=True)
    assert "Page introuvable" in client.get("/vivium/fr/nowhere").get_data(as_text=True)


def test_a_post_where_none_is_expected_is_refused_cleanly(client):
    response = client.post("/pv/nl/help")
    assert response.status_code in (400, 405)
    assert 'data-testid="error-page"' in response.get_data(as_text=True)
