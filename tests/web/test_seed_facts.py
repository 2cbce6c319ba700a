"""Facts of the seeds as the pages show them: the real portals' addresses on the chooser
and in the intermediaries' FAQ (BR-2), the self-service to come on each brand's help
page (HP-2)."""

from __future__ import annotations

import re

import pytest


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _block(html: str, testid: str, end: str) -> str:
    return _text(html.split(f'data-testid="{testid}">', 1)[1].split(end, 1)[0])


def _has_address(text: str, address: str) -> bool:
    """`address` as a whole, not the start of a longer one (`/fr` in `/fr/x`)."""
    return re.search(rf"{re.escape(address)}(?![\w/])", text) is not None


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_br2_the_chooser_shows_the_real_addresses_in_the_readers_language(client, lang):
    page = client.get("/", headers={"Accept-Language": lang}).get_data(as_text=True)
    vivium = _block(page, "real-address-vivium", "</p>")
    assert _has_address(vivium, f"https://my.vivium.be/{lang}"), vivium
    assert _block(page, "real-address-pv", "</p>").strip() == "https://my.pv.be/"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_br2_the_v_connect_faq_gives_the_myvivium_address_in_its_language(client, lang):
    page = client.get(f"/vconnect/{lang}/faq").get_data(as_text=True)
    answer = _block(page, "faq-how-to-register", "</details>")
    assert _has_address(answer, f"https://my.vivium.be/{lang}"), answer


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_br2_the_connect_360_faq_gives_the_one_myp_and_v_address(client, lang):
    page = client.get(f"/connect360/{lang}/faq").get_data(as_text=True)
    answer = _block(page, "faq-how-to-register", "</details>")
    assert _has_address(answer, "https://my.pv.be/") and "my.pv.be/fr" not in answer, answer
    assert "my.pv.be/nl" not in answer


def _coming_soon(client, brand: str, lang: str) -> list[tuple[str, str]]:
    """(item, text) of each service to come on the help page, in the page's order."""
    page = client.get(f"/{brand}/{lang}/help").get_data(as_text=True)
    soon = page.split('data-testid="coming-soon"', 1)[1].split("</section>", 1)[0]
    return [
        (item, _text(text).strip())
        for item, text in re.findall(r'data-testid="soon-([\w-]+)"><span>(.*?)</span>', soon)
    ]


@pytest.mark.parametrize(
    ("lang", "items"),
    [
        (
            "nl",
            [
                ("claim", "Een schadegeval aangeven"),
                ("appointment", "Een afspraak maken met uw adviseur"),
                ("payment", "Een premie online betalen"),
                ("medical", "Een medische vragenlijst invullen"),
                ("insurances", "Uw verzekeringen nakijken"),
            ],
        ),
        (
            "fr",
            [
                ("claim", "Déclarer un sinistre"),
                ("appointment", "Prendre rendez-vous avec votre conseiller"),
                ("payment", "Payer une prime en ligne"),
                ("medical", "Remplir un questionnaire médical"),
                ("insurances", "Vérifier vos assurances"),
            ],
        ),
    ],
)
def test_hp2_myp_and_v_lists_the_five_services_of_its_faq_checking_insurances_last(
    client, lang, items
):
    assert _coming_soon(client, "pv", lang) == items


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "fr",
            [
                "Déclarer un sinistre",
                "Remplir un questionnaire médical",
                "Payer une prime en ligne",
            ],
        ),
        (
            "nl",
            [
                "Een schadegeval aangeven",
                "Een medische vragenlijst invullen",
                "Een premie online betalen",
            ],
        ),
    ],
)
def test_hp2_myvivium_lists_the_three_services_of_its_faq_and_no_appointment(client, lang, texts):
    found = _coming_soon(client, "vivium", lang)
    assert [item for item, _ in found] == ["claim", "medical", "payment"]
    assert [text for _, text in found] == texts
