"""VA-8 on V-Connect Auto's quote page, in French and Dutch: the payment plan and its
instalment, changed on a quote without losing its status and on a policy by an
endorsement; an unknown plan answers the page again with the rule's message."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.web.test_vconnect_auto import customer, new_quote, sign_in, step, text, vehicle

__all__ = ["customer", "sign_in"]  # fixtures of tests/web/test_vconnect_auto.py

QUOTE = "/vconnect/{lang}/auto/quotes/{number}"


def page(client, number, lang="fr"):
    return text(client.get(QUOTE.format(lang=lang, number=number)))


@pytest.mark.parametrize(
    ("lang", "label", "monthly", "saved"),
    [
        ("fr", "Fractionnement : Annuel · un paiement par an de", "Mensuel · douze paiements",
         "Fractionnement enregistré."),
        ("nl", "Betalingsplan: Jaarlijks · één betaling per jaar van", "Maandelijks · twaalf",
         "Betalingsplan opgeslagen."),
    ],
)  # fmt: skip
def test_va8_the_plan_is_shown_and_changed_on_the_quote_page(
    client, customer, lang, label, monthly, saved
):
    number = new_quote(client, customer, lang=lang)
    assert vehicle(client, number, lang=lang).status_code == 303
    before = page(client, number, lang)
    assert label in before and 'data-testid="plan-form"' in client.get(
        QUOTE.format(lang=lang, number=number)
    ).get_data(as_text=True)
    answer = step(client, number, "payment-plan", lang=lang, plan="monthly")
    assert answer.status_code == 303
    after = client.get(answer.location, follow_redirects=True)
    assert saved in text(after) and monthly in text(after)


def test_va8_an_offer_keeps_its_status_after_a_plan_change(client, customer):
    number = new_quote(client, customer)
    vehicle(client, number)
    assert step(client, number, "offer").status_code == 303
    assert step(client, number, "payment-plan", plan="quarterly").status_code == 303
    shown = page(client, number)
    assert "Statut : Offre établie" in shown
    assert "Trimestriel · quatre paiements par an de" in shown


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "VA-8 : choisissez un fractionnement annuel, semestriel"),
        ("nl", "VA-8: kies een jaarlijks, halfjaarlijks"),
    ],
)
def test_va8_an_unknown_plan_is_refused_with_the_rule_in_the_brokers_language(
    client, customer, lang, message
):
    number = new_quote(client, customer, lang=lang)
    answer = step(client, number, "payment-plan", lang=lang, plan="weekly")
    assert answer.status_code == 422
    assert message in text(answer)


def test_va8_a_policy_changes_its_plan_by_an_endorsement_on_its_page(client, customer):
    number = new_quote(client, customer)
    vehicle(client, number)
    step(client, number, "offer")
    step(client, number, "signature")
    assert client.post(f"/sim/api/vconnect-auto/quotes/{number}/sign", json={}).status_code == 200
    assert step(client, number, "finalise").status_code == 303
    issued = client.get(QUOTE.format(lang="fr", number=number)).get_data(as_text=True)
    assert issued.count('data-testid="plan-form"') == 1  # in the policy's card only
    assert step(client, number, "payment-plan", plan="half_yearly").status_code == 303
    shown = page(client, number)
    assert "Semestriel · deux paiements par an de" in shown
    assert "Fractionnement modifié" in shown  # the history
    assert shown.count("Avenant") >= 1  # the endorsement among the documents


@pytest.mark.parametrize(
    ("lang", "line"),
    [("fr", "Fractionnement mensuel, 12 paiements de"),
     ("nl", "Betalingsplan maandelijks, 12 betalingen van")],
)  # fmt: skip
def test_va8_the_offer_pdf_gives_the_plan_and_its_instalment(client, customer, lang, line):
    number = new_quote(client, customer, lang=lang)
    vehicle(client, number, lang=lang)
    step(client, number, "payment-plan", lang=lang, plan="monthly")
    step(client, number, "offer", lang=lang)
    pdf = client.get(f"/vconnect/{lang}/auto/quotes/{number}/offer.pdf")
    assert pdf.status_code == 200
    words = " ".join(PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text().split())
    assert line in words


def test_va8_the_new_quote_form_takes_the_plan(client, customer):
    form = client.get("/vconnect/nl/auto/new").get_data(as_text=True)
    assert 'name="payment_plan"' in form and "Betalingsplan (VA-8)" in form
    number = new_quote(client, customer, lang="nl", payment_plan="half_yearly")
    assert "Halfjaarlijks · twee betalingen per jaar van" in page(client, number, "nl")
