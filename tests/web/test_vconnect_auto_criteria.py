"""VA-8: the acceptance criteria that send a quote to the company's analysis, as the broker
reads them on the quote in V-Connect Auto: in his French or Dutch, with their limits, never
as the tariff's internal names."""

from __future__ import annotations

import re

import pytest

from models.tariff_auto import default_tariff
from portal.intermediary.auto_texts import criteria_texts
from tests.web.test_vconnect_auto import customer, new_quote, sign_in, step, text, vehicle

__all__ = ["customer", "sign_in"]  # the fixtures this module borrows
HEAVY = {"value_euro": "85000", "power_kw": "190"}


@pytest.mark.parametrize(
    ("lang", "value", "power"),
    [
        ("fr", r"valeur catalogue supérieure à 80\s000 €", "puissance supérieure à 180 kW"),
        ("nl", r"cataloguswaarde hoger dan 80\.000 €", "vermogen hoger dan 180 kW"),
    ],
)
def test_va8_the_broker_reads_the_criteria_in_his_language(client, customer, lang, value, power):
    number = new_quote(client, customer, lang=lang)
    assert vehicle(client, number, lang=lang, **HEAVY).status_code == 303
    page = text(client.get(f"/vconnect/{lang}/auto/quotes/{number}"))
    assert re.search(value, page) and power in page
    assert "catalogue_value_above_80000" not in page and "power_above_180_kw" not in page


def test_va8_a_bonus_malus_degree_above_14_is_named(client, customer):
    number = new_quote(client, customer, bonus_malus="15")
    assert vehicle(client, number).status_code == 303
    page = text(client.get(f"/vconnect/fr/auto/quotes/{number}"))
    assert "degré bonus-malus supérieur à 14" in page


def test_va8_a_criterion_the_texts_do_not_know_keeps_its_name(app):
    with app.test_request_context("/vconnect/fr/"):
        tariff = default_tariff()
        assert criteria_texts(["not_a_criterion"], tariff, "fr") == ["not_a_criterion"]


@pytest.mark.parametrize(("lang", "offer"), [("fr", "Offre"), ("nl", "Offerte")])
def test_the_documents_read_by_kind_and_date_and_an_upload_by_its_name(
    client, customer, lang, offer
):
    number = new_quote(client, customer, lang=lang)
    vehicle(client, number, lang=lang)
    step(client, number, "offer", lang=lang)
    assert step(client, number, "documents", lang=lang, name="permis.pdf").status_code == 303
    page = client.get(f"/vconnect/{lang}/auto/quotes/{number}").get_data(as_text=True)
    listed = text_of(page, "documents")
    assert re.search(rf"{offer} · \d\d/\d\d/\d{{4}}", listed) and "permis.pdf" in listed
    assert f"offer-{number}.pdf" not in listed


def text_of(page: str, testid: str) -> str:
    part = page.split(f'data-testid="{testid}"', 1)[1].split("</ul>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))
