"""The MyP&V home as the FAQ's screenshot shows Louise's (CT-5, FAQ P 4.2): each theme
with its "Details" link to a page of that theme's contracts, the total saved amount as a
link with its question, and "Nog vragen?" pointing to the customer's adviser."""

from __future__ import annotations

import re

import pytest

from models import Brand


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _element(html: str, testid: str) -> str:
    """The opening tag of the element with this test id, and what follows it."""
    found = re.search(rf'<[^>]*data-testid="{testid}"[^>]*>', html)
    assert found, f"no {testid}"
    return html[found.start() :]


def _href(html: str, testid: str) -> str:
    tag = re.search(rf'<a [^>]*data-testid="{testid}"[^>]*>', html)
    assert tag, f"no link {testid}"
    return re.search(r'href="([^"]+)"', tag.group(0)).group(1)


HOME = {
    "nl": {
        "details": "Details",
        "pension_question": "(of kunnen mijn nabestaanden)",
        "total": "Totaal gespaard bedrag € 21.460,03",
        "total_question": "Hoeveel heb ik reeds gespaard?",
        "mobility_question": "Hoe zijn mijn auto, moto en andere voertuigen beschermd?",
        "more": "Nog vragen?",
        "adviser": "uw adviseur",
        "help": "Contact & Help",
    },
    "fr": {
        "details": "Détails",
        "pension_question": "(moi ou mes proches)",
        "total": "Total épargné 21 460,03 €",  # _text turns every space into " "
        "total_question": "Combien ai-je déjà épargné ?",
        "mobility_question": "Comment ma voiture, ma moto et mes autres véhicules sont-ils protégés ?",
        "more": "Encore des questions ?",
        "adviser": "votre conseiller",
        "help": "Contact & aide",
    },
}


@pytest.fixture
def louise(client, personas, person_named, login):
    login(person_named("Louise"), Brand.PV)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_ct5_each_theme_has_its_details_link_and_question(client, louise, lang):
    words = HOME[lang]
    html = client.get(f"/pv/{lang}/").get_data(as_text=True)
    for theme in ("pension", "mobility"):
        assert _href(html, f"theme-details-{theme}") == f"/pv/{lang}/themes/{theme}"
        link = _element(html, f"theme-details-{theme}").split("</a>", 1)[0]
        assert words["details"] in _text(link)
    pension = _text(_element(html, "theme-pension").split("</section>", 1)[0])
    assert words["pension_question"] in pension
    mobility = _text(_element(html, "theme-mobility").split("</section>", 1)[0])
    assert words["mobility_question"] in mobility
    assert "Lexus RC - 2BHM548" in mobility and "Kawasaki - SAA111" in mobility


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_ct5_the_total_saved_is_a_link_with_its_question(client, louise, lang):
    words = HOME[lang]
    html = client.get(f"/pv/{lang}/").get_data(as_text=True)
    assert _href(html, "total-pension") == f"/pv/{lang}/themes/pension#savings"
    link = _text(_element(html, "total-pension").split("</a>", 1)[0])
    assert words["total"] in link and words["total_question"] in link


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_ct5_more_questions_points_to_the_adviser_and_contact_help(client, louise, lang):
    words = HOME[lang]
    html = client.get(f"/pv/{lang}/").get_data(as_text=True)
    box = _text(_element(html, "more-questions").split("</section>", 1)[0])
    assert words["more"] in box and words["adviser"] in box and words["help"] in box
    assert "agent" not in box
    assert _href(html, "more-questions-link") == f"/pv/{lang}/help"


@pytest.mark.parametrize(
    ("lang", "total", "first", "second"),
    [
        ("nl", "€ 21.460,03", "€ 12.345,67", "€ 9.114,36"),
        ("fr", "21 460,03 €", "12 345,67 €", "9 114,36 €"),
    ],
)
def test_ct5_the_pension_page_lists_the_savings_of_each_contract(
    client, louise, lang, total, first, second
):
    page = client.get(f"/pv/{lang}/themes/pension")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'id="savings"' in html
    assert total in _text(_element(html, "theme-total").split("</section>", 1)[0])
    for number, saved in (("5436548", first), ("8890079", second)):
        row = _text(_element(html, f"theme-contract-{number}").split("</article>", 1)[0])
        assert number in row and saved in row
        assert _href(html, f"theme-contract-link-{number}") == f"/pv/{lang}/contracts/{number}"
    assert "3654654" not in html  # the car is in another theme


@pytest.mark.parametrize(("lang", "plate"), [("nl", "Nummerplaat"), ("fr", "Plaque")])
def test_ct5_the_mobility_page_lists_the_vehicles(client, louise, lang, plate):
    html = client.get(f"/pv/{lang}/themes/mobility").get_data(as_text=True)
    assert 'data-testid="theme-total"' not in html
    for number, title in (("3654654", "Lexus RC - 2BHM548"), ("8758589", "Kawasaki - SAA111")):
        row = _text(_element(html, f"theme-contract-{number}").split("</article>", 1)[0])
        assert title in row and number in row and plate in row
    assert "5436548" not in html


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_ct5_a_theme_without_contracts_says_so_and_an_unknown_theme_is_not_found(
    client, louise, lang
):
    empty = client.get(f"/pv/{lang}/themes/home")
    assert empty.status_code == 200 and 'data-testid="theme-empty"' in empty.get_data(as_text=True)
    for bad in ("unknown", "PENSION", "x" * 300, "%00"):
        missing = client.get(f"/pv/{lang}/themes/{bad}")
        assert missing.status_code == 404
        assert f'<html lang="{lang}"' in missing.get_data(as_text=True)


def test_ct5_a_theme_page_needs_a_login(client, personas):
    page = client.get("/pv/nl/themes/pension")
    assert page.status_code in (302, 401) and "5436548" not in page.get_data(as_text=True)


def test_ct5_is_myp_and_v_only_myvivium_keeps_its_home(client, personas, person_named, login):
    """CT-5 describes the MyP&V home: MyVivium keeps its theme cards without "Details"
    links or theme pages, and its box still names the broker."""
    login(person_named("Marc"), Brand.VIVIUM)
    html = client.get("/vivium/fr/").get_data(as_text=True)
    assert 'data-testid="theme-pension"' in html
    assert "theme-details-" not in html and 'href="/vivium/fr/themes/' not in html
    assert "courtier" in _text(_element(html, "more-questions").split("</section>", 1)[0])
    assert client.get("/vivium/fr/themes/pension").status_code == 404
