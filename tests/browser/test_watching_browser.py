"""Issue 19, item 3, in Chromium: the trainer opens "watch" from the signed-in list, sees
the trainee's page read-only and follows him to the next page; the trainee's page says
a trainer is watching; no CSP violation on the watch page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from models import Brand
from seed.build import add_contract, add_person

pytestmark = pytest.mark.browser


def test_the_trainer_watches_a_trainee_move_from_page_to_page(
    browser, live_server, db, browser_login
):
    person = add_person(db, first_name="Louise", last_name="Peeters")
    add_contract(db, person, "car", brand=Brand.PV, covered=["civil_liability"])
    db.commit()
    trainee = browser.new_context()
    browser_login(trainee, live_server, person, Brand.PV)
    screen = trainee.new_page()
    screen.goto(f"{live_server}/pv/nl/profile")

    console = browser.new_context(viewport={"width": 1300, "height": 900})
    page = console.new_page()
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    page.goto(f"{live_server}/sim/signed-in")
    expect(page.get_by_test_id("signed-in-pv")).to_contain_text("/pv/nl/profile")
    page.get_by_test_id("watch-pv").click()
    expect(page.get_by_test_id("watch-path")).to_have_text("/pv/nl/profile")
    frame = page.frame_locator("[data-testid=watch-frame]")
    expect(frame.locator("body")).to_contain_text("Louise")
    expect(frame.locator("button").first).to_be_disabled()

    screen.goto(f"{live_server}/pv/nl/documents")
    expect(screen.get_by_test_id("trainer-watching")).to_be_visible()
    expect(page.get_by_test_id("watch-path")).to_have_text("/pv/nl/documents", timeout=10000)
    expect(frame.locator("body")).to_contain_text("Documenten", timeout=10000)

    page.get_by_test_id("watch-stop").click()
    expect(page).to_have_url(f"{live_server}/sim/signed-in")
    screen.goto(f"{live_server}/pv/nl/profile")
    expect(screen.get_by_test_id("trainer-watching")).to_have_count(0)
    assert violations == []
