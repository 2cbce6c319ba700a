"""The console's main pages in Chromium: dashboard, outbox, personas, support desk,
broker view (what a trainer clicks through)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_trainer_walks_through_the_console(browser, live_server, personas):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server}/sim/")
    expect(page.get_by_test_id("clock-card")).to_be_visible()
    page.get_by_test_id("toggle-letter_lost").click()
    assert page.get_by_test_id("fault-letter_lost").get_attribute("data-enabled") == "on"
    page.get_by_test_id("toggle-letter_lost").click()
    assert page.get_by_test_id("fault-letter_lost").get_attribute("data-enabled") == "off"
    page.get_by_test_id("clock-plus-1d").click()
    assert page.get_by_test_id("flash").inner_text().startswith("Clock moved to")

    page.get_by_test_id("nav-personas").click()
    expect(page.get_by_test_id("persona-louise")).to_be_visible()
    page.get_by_test_id("open-louise-pv").click()
    expect(page.get_by_test_id("landing-title")).to_be_visible()

    page.goto(f"{live_server}/pv/nl/register")
    page.get_by_test_id("contract-number").fill("5436548")
    page.get_by_test_id("birth-date").fill("1985-03-12")
    page.get_by_test_id("register-submit").click()
    page.goto(f"{live_server}/sim/outbox?channel=letter")
    letter = page.locator('[data-channel="letter"]').first
    expect(letter.get_by_test_id("message-envelope")).to_be_visible()  # in transit: sealed
    assert letter.locator("code").count() == 0
    page.goto(f"{live_server}/sim/")
    page.get_by_test_id("deliver-letters").click()
    page.goto(f"{live_server}/sim/outbox?channel=letter")
    letter = page.locator('[data-channel="letter"]').first
    expect(letter.locator(".postmark")).to_be_visible()
    assert len(letter.locator("code").inner_text()) == 9

    page.goto(f"{live_server}/sim/support")
    expect(page.locator("h1").first).to_be_visible()
    page.goto(f"{live_server}/sim/broker?q=Peeters")
    page.locator("a[href*='/sim/broker/pv/']").first.click()
    assert "5436548" in page.content()
    expect(page.locator("svg").first).to_be_visible()  # the QR code to the MyP&V landing page
    context.close()
