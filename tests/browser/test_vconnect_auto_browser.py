"""V-Connect Auto in Chromium: a broker quotes a car by hand, chooses its guarantees,
makes the offer, has it paid monthly and sends it; the customer signs on his page; the
broker issues the policy and changes its payment plan (VA-8); the customer finds the car
in MyVivium (VA-1..VA-10, CT-1)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import Brand, Intermediary, OutboxMessage
from seed import build

pytestmark = pytest.mark.browser


@pytest.fixture
def lea(db, personas):
    claire = db.scalars(select(Intermediary).where(Intermediary.producer_number == "8000201")).one()
    person = build.add_person(db, first_name="Léa", last_name="Browser", email="lea@example.be")
    build.add_contract(db, person, "fire", brand=Brand.VIVIUM, intermediary_id=claire.id)
    db.commit()
    return person


def test_a_quote_becomes_a_policy_the_customer_sees_in_myvivium(
    browser, live_server, lea, db, browser_login
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = context.new_page()
    page.goto(f"{live_server}/vconnect/fr/")
    page.get_by_test_id("pick-8000201").click()
    page.get_by_test_id("nav-auto").click()
    page.get_by_test_id("new-quote").click()
    page.select_option("#person_id", str(lea.id))
    page.get_by_test_id("create-quote").click()
    assert "Brouillon" in page.get_by_test_id("quote-status").inner_text()
    page.goto(page.url + "?kind=car&make=xx")  # no Informex model: the form by hand (VA-4)
    for field, value in {"m_make": "Peugeot", "m_model": "208", "m_year": "2025",
                         "m_power_kw": "74", "m_value_euro": "22000", "plate": "1abc234",
                         "vin": "VF3UPHNS0AB123456"}.items():  # fmt: skip
        page.fill(f"#{field}", value)
    page.get_by_test_id("vehicle-save").click()
    assert "VA-1" in page.get_by_test_id("refusal").inner_text()
    page.fill("#plate", "1ABC234")
    page.get_by_test_id("vehicle-save").click()
    page.get_by_test_id("guarantees-form").locator("input[value=theft]").check()
    page.get_by_test_id("guarantees-form-save").click()
    expect(page.get_by_test_id("line-theft")).to_be_visible()
    page.get_by_test_id("make-offer").click()
    page.select_option("#plan", "monthly")  # VA-8: the offer holds
    page.get_by_test_id("plan-save").click()
    expect(page.get_by_test_id("payment-plan")).to_contain_text("Mensuel")
    expect(page.get_by_test_id("quote-status")).to_contain_text("Offre établie")
    page.get_by_test_id("send-signature").click()
    mail = db.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "lea@example.be")
    ).one()
    link = re.search(r"https?://\S+/sign/\S+", mail.body).group(0)
    signer = context.new_page()
    assert link.startswith(live_server)
    signer.goto(link)
    signer.get_by_test_id("sign").click()
    expect(signer.get_by_test_id("signed")).to_be_visible()
    page.reload()
    page.get_by_test_id("finalise").click()
    number = page.get_by_test_id("policy").locator("h2").inner_text().split()[-1]
    assert "dans le bloc retour" in page.get_by_test_id("documents").inner_text()
    page.get_by_test_id("policy").locator("#plan").select_option("quarterly")
    page.get_by_test_id("plan-save").click()  # VA-8: an endorsement, no company
    expect(page.get_by_test_id("payment-plan")).to_contain_text("Trimestriel")
    expect(page.get_by_test_id("doc-endorsement")).to_be_visible()
    customer = browser.new_context(locale="fr-BE")
    browser_login(customer, live_server, lea, Brand.VIVIUM)
    portal = customer.new_page()
    portal.goto(f"{live_server}/vivium/fr/contracts/{number}")
    expect(portal.locator("body")).to_contain_text("Peugeot 208")
    context.close()
    customer.close()
