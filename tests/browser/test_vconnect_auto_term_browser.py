"""VA-5 in Chromium: a Dutch-speaking broker picks a 60-day return-slip term on a new car
quote, reads it on the quote, changes it to 90 days; the help block names the helpdesk
and the Service Center."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import Brand, Intermediary
from seed import build

pytestmark = pytest.mark.browser


@pytest.fixture
def jan(db, personas):
    pieter = db.scalars(select(Intermediary).where(Intermediary.producer_number == "8000202")).one()
    person = build.add_person(db, first_name="Jan", last_name="Termijn", email="jan@example.be")
    build.add_contract(db, person, "fire", brand=Brand.VIVIUM, intermediary_id=pieter.id)
    db.commit()
    return person


def test_va5_a_broker_chooses_and_changes_the_return_slip_term(browser, live_server, jan):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.goto(f"{live_server}/vconnect/nl/")
    page.get_by_test_id("pick-8000202").click()
    page.get_by_test_id("nav-auto").click()
    expect(page.get_by_test_id("contact-helpdesk")).to_contain_text("0800 484 92")
    page.get_by_test_id("new-quote").click()
    page.select_option("#person_id", str(jan.id))
    page.select_option("#term_days", "60")
    page.get_by_test_id("create-quote").click()
    expect(page.get_by_test_id("quote-term")).to_contain_text("60 dagen: de vervaldag plus 60")
    page.get_by_test_id("term-form").locator("#term_days").select_option("90")
    page.get_by_test_id("term-save").click()
    expect(page.get_by_test_id("quote-term")).to_contain_text("90 dagen")
    expect(page.get_by_test_id("contact-service-center")).to_contain_text("03 244 66 16")
    context.close()
