"""In Chromium: the broker downloads a customer's document from V-Connect (BK-2), and the
PDF button of a policy made in V-Connect Auto opens its quote there (VA-10)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import AutoQuote, Contract, Intermediary

pytestmark = pytest.mark.browser


def signed_in_page(browser, live_server, producer: str, lang: str):
    context = browser.new_context(locale=f"{lang}-BE")
    page = context.new_page()
    page.goto(f"{live_server}/vconnect/{lang}/")
    page.get_by_test_id(f"pick-{producer}").click()
    expect(page.get_by_test_id("signed-in-as")).to_be_visible()
    return context, page


def test_bk2_the_broker_downloads_the_customers_document_as_a_pdf(
    browser, live_server, personas, person_named
):
    marc = person_named("Marc")
    context, page = signed_in_page(browser, live_server, "8000201", "fr")
    page.goto(f"{live_server}/vconnect/fr/customers/{marc.id}")
    link = page.get_by_test_id("documents-table").get_by_role("link").first
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert re.fullmatch(r"tax_certificate-\d+-\d{4}\.pdf", download.value.suggested_filename)
    context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_va10_the_pdf_button_opens_the_policy_in_v_connect_auto(
    browser, live_server, personas, db, lang
):
    quote, number = db.execute(
        select(AutoQuote, Contract.number).join(Contract, Contract.id == AutoQuote.contract_id)
    ).first()
    me = db.get(Intermediary, quote.intermediary_id)
    context, page = signed_in_page(browser, live_server, me.producer_number, lang)
    page.goto(f"{live_server}/vconnect/{lang}/policies/{number}")
    page.get_by_test_id("policy-pdf").click()
    expect(page).to_have_url(re.compile(f"/vconnect/{lang}/auto/quotes/{quote.number}$"))
    context.close()
