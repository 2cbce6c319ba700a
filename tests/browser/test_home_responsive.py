"""The home page on a phone and on a desktop, in both brands (BR-3, CT-5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from models import Brand

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
CASES = [
    (Brand.PV, "nl", "Louise", "Welkom, Louise", "theme-pension"),
    (Brand.VIVIUM, "fr", "Marc", "Bienvenue, Marc", "theme-pension"),
]
SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


@pytest.mark.parametrize("device", list(VIEWPORTS))
@pytest.mark.parametrize(("brand", "lang", "who", "welcome", "theme"), CASES)
def test_home_page_fits_the_screen_and_shows_the_themes(
    browser,
    live_server,
    browser_login,
    personas,
    person_named,
    device,
    brand,
    lang,
    who,
    welcome,
    theme,
):
    context = browser.new_context(viewport=VIEWPORTS[device], locale=f"{lang}-BE")
    browser_login(context, live_server, person_named(who), brand)
    page = context.new_page()
    page.goto(f"{live_server}/{brand.value}/{lang}/")
    assert page.get_by_test_id("welcome").inner_text() == welcome
    expect(page.get_by_test_id(theme)).to_be_visible()
    expect(page.get_by_test_id("more-questions")).to_be_visible()
    expect(page.get_by_test_id("tab-documents")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the {device} screen"
    cards = page.locator(".grid > .card").all()
    lefts = {round(card.bounding_box()["x"]) for card in cards}
    if device == "phone":
        assert len(lefts) == 1, "cards stack in one column on a phone"
    else:
        assert len(lefts) > 1, "cards sit side by side on a desktop"
    manifest = page.locator('link[rel="manifest"]').get_attribute("href")
    assert manifest.startswith(f"/{brand.value}/manifest.webmanifest")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"home-{brand.value}-{lang}-{device}.png"), full_page=True)
    context.close()


def test_a_contract_opens_from_the_home_page_and_shows_its_guarantees(
    browser, live_server, browser_login, personas, person_named
):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    browser_login(context, live_server, person_named("Louise"), Brand.PV)
    page = context.new_page()
    page.goto(f"{live_server}/pv/nl/")
    page.get_by_test_id("contract-3654654").click()
    assert page.get_by_test_id("contract-title").inner_text() == "Lexus RC - 2BHM548"
    row = page.get_by_test_id("guarantee-civil_liability")
    assert row.locator("[data-covered]").get_attribute("data-covered") == "yes"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()
