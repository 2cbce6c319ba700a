"""Connect 360 and V-Connect in Chromium at 1280 and 375 px: sign-in through the single
sign-on picker, the portfolio, a customer's account and a policy, no horizontal
scrolling (BK-1, BK-2, BK-3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
CASES = [
    ("connect360", "nl", "4000101", "Louise", "3654654", "Actieve polissen leven"),
    ("vconnect", "fr", "8000201", "Marc", "4011002345", "Polices vie en cours"),
]
SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


def fits(page, device: str) -> None:
    page.wait_for_load_state("load")  # the stylesheet applied before the layout is measured
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the {device} screen"


@pytest.mark.parametrize("device", list(VIEWPORTS))
@pytest.mark.parametrize(("tool", "lang", "producer", "who", "policy", "counts"), CASES)
def test_the_tool_works_and_fits_the_screen(
    browser, live_server, personas, person_named, device, tool, lang, producer, who, policy, counts
):
    context = browser.new_context(viewport=VIEWPORTS[device], locale=f"{lang}-BE")
    page = context.new_page()
    page.goto(f"{live_server}/{tool}/{lang}/")
    page.get_by_test_id(f"pick-{producer}").click()
    expect(page.get_by_test_id("signed-in-as")).to_be_visible()
    fits(page, device)
    page.get_by_test_id(f"hit-{person_named(who).id}").get_by_role("link").click()
    expect(page.locator("body")).to_contain_text(counts)
    fits(page, device)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{tool}-account-{device}.png"), full_page=True)
    page.get_by_test_id(f"policy-{policy}").get_by_role("link").first.click()
    expect(page.get_by_test_id("policy-title")).to_be_visible()
    fits(page, device)
    page.screenshot(path=str(SHOTS / f"{tool}-policy-{device}.png"), full_page=True)
    page.get_by_test_id("language-switch").click()
    expect(page.get_by_test_id("policy-title")).to_be_visible()
    expect(page).to_have_url(re.compile(f"/{tool}/{'fr' if lang == 'nl' else 'nl'}/"))
    context.close()
