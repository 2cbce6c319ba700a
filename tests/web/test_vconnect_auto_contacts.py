"""V-Connect Auto's support (release note 11): the overview, the new quote and every quote
page show who to ask, in the page's language: the helpdesk for technical questions and
the Service Center for product, tariff and acceptance, each with its email and number."""

from __future__ import annotations

import re

import pytest

from tests.web.test_vconnect_auto import customer, new_quote, sign_in, text

__all__ = ["customer", "sign_in"]  # fixtures used by name
PURPOSES = {
    "fr": ("Pour une question technique sur l'outil",
           "Pour une question sur le produit, le tarif ou l'acceptation d'un risque"),
    "nl": ("Voor een technische vraag over de tool",
           "Voor een vraag over het product, de tarifering of de aanvaarding van een risico"),
}  # fmt: skip
TITLES = {"fr": "Besoin d'aide avec V-Connect Auto ?", "nl": "Hulp nodig met V-Connect Auto?"}


def block(html: str, key: str) -> str:
    found = re.search(rf'data-testid="contact-{key}">(.*?)</dd>', html, re.S)
    assert found, f"no {key} in the help block"
    return found.group(1)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_v_connect_auto_page_shows_the_helpdesk_and_the_service_center(
    client, customer, lang
):
    number = new_quote(client, customer, lang=lang)
    for url in ("/auto/", "/auto/new", f"/auto/quotes/{number}"):
        response = client.get(f"/vconnect/{lang}{url}")
        html = response.get_data(as_text=True).replace("&#39;", "'")
        assert response.status_code == 200 and TITLES[lang] in html, url
        helpdesk, service = block(html, "helpdesk"), block(html, "service-center")
        assert PURPOSES[lang][0] in helpdesk and PURPOSES[lang][1] in service
        assert 'href="mailto:helpdesk@vivium.be"' in helpdesk and "0800 484 92" in helpdesk
        assert 'href="tel:+3280048492"' in helpdesk
        assert 'href="mailto:auto-ANT@Vivium.be"' in service and "03 244 66 16" in service
        assert 'href="tel:+3232446616"' in service


def test_the_overview_shows_each_contact_once(client, customer):
    page = text(client.get("/vconnect/fr/auto/"))
    assert page.count("helpdesk@vivium.be") == 1 and page.count("03 244 66 16") == 1
