"""Issue 19: the presenter view in Chromium: the customer's portal framed and signed in,
the letter reaching his letterbox, next and back from the keyboard, no CSP violation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def trainer_worlds(client, no_stale_world_schemas):
    yield
    for world in client.get("/sim/api/worlds").get_json()["worlds"]:
        client.delete(f"/sim/api/worlds/{world['id']}")


def test_the_presenter_follows_the_story_from_the_keyboard(browser, live_server, trainer_worlds):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.goto(f"{live_server}/sim/language/fr?next=/sim/stories/000-q2.1")
    page.get_by_test_id("story-start").click()
    page.get_by_test_id("story-presenter").click()
    progress = page.get_by_test_id("presenter-progress")
    progress.filter(has_text="0 / 4").wait_for()

    page.keyboard.press("ArrowRight")
    progress.filter(has_text="1 / 4").wait_for()
    page.keyboard.press("n")
    progress.filter(has_text="2 / 4").wait_for()
    page.keyboard.press("N")
    progress.filter(has_text="3 / 4").wait_for()
    letterbox = page.get_by_test_id("presenter-letterbox")
    letterbox.locator("li strong").first.wait_for()
    assert "04/03/2026" in letterbox.inner_text()
    assert "Deux jours ouvrables" in page.get_by_test_id("presenter-narration").inner_text()

    page.keyboard.press("ArrowRight")
    progress.filter(has_text="4 / 4").wait_for()
    page.get_by_test_id("presenter-phone").locator("li strong").first.wait_for()
    portal = page.frame_locator("[data-testid=presenter-portal]")
    portal.locator("body", has_text="Marc").wait_for(timeout=10000)  # signed in as him

    page.keyboard.press("b")
    progress.filter(has_text="3 / 4").wait_for()
    assert page.get_by_test_id("presenter-phone").inner_text() == "Pas encore de SMS."
    assert violations == []
    context.close()
