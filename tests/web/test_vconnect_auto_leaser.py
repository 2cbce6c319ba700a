"""VA-8 in V-Connect Auto: the broker names a leaser (the leasing company) with the
vehicle, through the control API or the quote page in French and Dutch; the quote goes
to its offer and on to a policy without the company's analysis."""

from __future__ import annotations

import html
import io

import pytest
from pypdf import PdfReader

from tests.web import test_vconnect_auto_api as va
from tests.web.test_vconnect_auto import customer, new_quote, sign_in, step, text, vehicle
from tests.web.test_vconnect_auto_api import ROOT, car, create

__all__ = ["customer", "sign_in"]  # fixtures of tests/web/test_vconnect_auto.py
claire = va.claire  # the Vivium broker of the personas, as a fixture of this module
LEASER = "Athlon Car Lease"


def test_va8_a_quote_with_a_leaser_is_offered_without_analysis(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    saved = car(client, number, leaser=LEASER)
    assert saved.status_code == 200, saved.get_json()
    assert saved.get_json()["leaser"] == LEASER
    asked = client.post(f"{ROOT}/quotes/{number}/analysis", json={})
    assert asked.status_code == 409
    assert (asked.get_json()["error"], asked.get_json()["rule"]) == ("analysis_not_needed", "VA-8")
    offered = client.post(f"{ROOT}/quotes/{number}/offer", json={})
    assert offered.status_code == 200, offered.get_json()
    assert offered.get_json()["status"] == "offered"
    assert offered.get_json()["leaser"] == LEASER


def test_the_leaser_is_optional_and_a_new_vehicle_without_one_clears_it(
    client, claire, person_named
):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    assert car(client, number).get_json()["leaser"] is None
    assert car(client, number, leaser=f"  {LEASER} ").get_json()["leaser"] == LEASER
    assert car(client, number, leaser="").get_json()["leaser"] is None


@pytest.mark.parametrize("leaser", ["x" * 81, "Lease\x00Co", "Lease\nCo", 12])
def test_a_leaser_too_long_or_not_printable_is_refused_naming_the_field(
    client, claire, person_named, leaser
):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    refused = car(client, number, leaser=leaser)
    assert refused.status_code in (400, 422)
    assert refused.get_json()["field"] == "leaser"
    assert client.get(f"{ROOT}/quotes/{number}").get_json()["vehicle"] is None


def test_the_longest_leaser_is_kept_whole(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    assert car(client, number, leaser="L" * 80).get_json()["leaser"] == "L" * 80


@pytest.mark.parametrize(
    ("lang", "label", "shown", "note"),
    [
        ("fr", "Société de leasing (facultatif)", f"Société de leasing : {LEASER}",
         "sans analyse de la compagnie (VA-8)"),
        ("nl", "Leasingmaatschappij (facultatief)", f"Leasingmaatschappij: {LEASER}",
         "zonder analyse door de maatschappij (VA-8)"),
    ],
)  # fmt: skip
def test_va8_the_quote_page_takes_and_shows_the_leaser(client, customer, lang, label, shown, note):
    number = new_quote(client, customer, lang=lang)
    form = text(client.get(f"/vconnect/{lang}/auto/quotes/{number}?kind=car"))
    assert label in form
    assert vehicle(client, number, lang=lang, leaser=LEASER).status_code == 303
    page = text(client.get(f"/vconnect/{lang}/auto/quotes/{number}"))
    assert shown in page and note in page
    assert step(client, number, "offer", lang=lang).status_code == 303


def test_a_leaser_refused_on_the_page_is_an_error_in_the_form_not_a_500(client, customer):
    number = new_quote(client, customer)
    refused = vehicle(client, number, leaser="x" * 81)
    assert refused.status_code == 422
    assert 'data-testid="refusal"' in refused.get_data(as_text=True)
    assert "Vérifiez le champ « Société de leasing (facultatif) »" in text(refused)


def test_a_refusal_names_the_field_by_its_label_in_dutch(client, customer):
    number = new_quote(client, customer, lang="nl")
    refused = vehicle(client, number, lang="nl", mass_kg="veel")
    assert refused.status_code == 422
    shown = html.unescape(text(refused))
    assert "Controleer het veld 'Wat is de maximaal toegelaten massa (MTM)" in shown


@pytest.mark.parametrize(
    ("lang", "line"),
    [("fr", f"Société de leasing {LEASER}"), ("nl", f"Leasingmaatschappij {LEASER}")],
)
def test_va8_the_offer_pdf_names_the_leaser(client, customer, lang, line):
    number = new_quote(client, customer, lang=lang)
    vehicle(client, number, lang=lang, leaser=LEASER)
    step(client, number, "offer", lang=lang)
    pdf = client.get(f"/vconnect/{lang}/auto/quotes/{number}/offer.pdf")
    assert pdf.status_code == 200
    words = " ".join(PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text().split())
    assert line in words


def test_an_offer_without_a_leaser_has_no_leaser_line(client, customer):
    number = new_quote(client, customer)
    vehicle(client, number)
    step(client, number, "offer")
    pdf = client.get(f"/vconnect/fr/auto/quotes/{number}/offer.pdf")
    assert "leasing" not in PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()


@pytest.mark.parametrize("ground", ["mutual_agreement", "vehicle_sold", "due_date"])
def test_va8_a_policy_with_a_leaser_is_cancelled_without_the_company(
    client, claire, person_named, ground
):
    """VA-8 names "a leaser in the contract" among the cases that no longer need the
    company's approval: the broker cancels such a policy himself."""
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number, leaser=LEASER)
    for name in ("offer", "signature", "sign", "issue"):
        done = client.post(f"{ROOT}/quotes/{number}/{name}", json={})
        assert done.status_code in (200, 201), done.get_json()
    asked = {"ground": ground}
    if ground != "due_date":  # on the policy's first day
        asked["effective"] = done.get_json()["policy"]["start_date"]
    cancelled = client.post(f"{ROOT}/quotes/{number}/cancellation", json=asked)
    assert cancelled.status_code == 200, cancelled.get_json()
    assert cancelled.get_json()["policy"]["end_date"] is not None
    assert cancelled.get_json()["leaser"] == LEASER
