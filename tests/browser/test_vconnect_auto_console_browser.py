"""The console's V-Connect Auto page in Chromium (VA-8, VA-10): the trainer, in French,
writes a note and approves a quote in analysis with the row's button; the quote leaves the
list, and the broker finds it approved in his business overview, with the note."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import AutoQuote, Intermediary
from models.vconnect_auto import QuoteStatus

pytestmark = pytest.mark.browser
CLAIRE = "8000201"


def test_va8_the_trainer_approves_a_quote_with_a_note_and_the_broker_sees_it(
    browser, live_server, db, personas
):
    number = db.scalars(
        select(AutoQuote.number)
        .join(Intermediary, Intermediary.id == AutoQuote.intermediary_id)
        .where(Intermediary.producer_number == CLAIRE, AutoQuote.status == QuoteStatus.ANALYSIS)
    ).one()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = context.new_page()
    page.goto(f"{live_server}/sim/language/fr")
    page.goto(f"{live_server}/sim/")
    page.get_by_test_id("nav-vconnect-auto").click()
    row = page.get_by_test_id(f"vca-quote-{number}")
    expect(row).to_be_visible()
    page.get_by_test_id(f"vca-note-{number}").fill("Dossier complet")
    page.get_by_test_id(f"vca-approve-{number}").click()
    expect(page.get_by_test_id("flash")).to_contain_text(f"Offre {number} : approuvée.")
    expect(page.get_by_test_id(f"vca-quote-{number}")).to_have_count(0)
    page.goto(f"{live_server}/vconnect/fr/")
    page.get_by_test_id(f"pick-{CLAIRE}").click()
    page.goto(f"{live_server}/vconnect/fr/auto/")
    expect(page.locator("main")).to_contain_text("Approuvée par la compagnie")
    page.goto(f"{live_server}/vconnect/fr/auto/quotes/{number}")
    expect(page.get_by_test_id("company-note")).to_contain_text("Dossier complet")
    db.expire_all()
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()
    assert quote.status == QuoteStatus.APPROVED
    context.close()
