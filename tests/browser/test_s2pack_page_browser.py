"""The personal S² page in Chromium, on a phone and on a desktop: signed into with the
welcome SMS's login, the charts drawn on the server as SVG, nothing from another site,
no horizontal scrolling (S2-1, S2-6)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models import Brand, Language
from models.sim import set_clock
from portal.backoffice import s2pack
from seed import build

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
SIGNED = datetime(2026, 1, 5, 10, 0)
PASSWORD = "browser-s2"


@pytest.fixture
def active_box(db):
    set_clock(db, SIGNED + timedelta(days=70), frozen=True)
    holder = build.add_person(db, first_name="Wout", language=Language.NL, mobile="+32470123456")
    contract = build.add_contract(
        db, holder, "car", number="7705555", brand=Brand.VIVIUM, covered=["civil_liability"]
    )
    db.flush()
    box = s2pack.add_s2_pack(db, contract, SIGNED, password=PASSWORD, hash_method="pbkdf2:sha256:1")
    s2pack.play_due(db, SIGNED + timedelta(days=5))
    s2pack.install(db, box, holder, SIGNED + timedelta(days=6))
    s2pack.impact(
        db, box, holder, SIGNED + timedelta(days=60), g=2.8, in_belgium=True, stopped=True,
        answered=True, place="Hasselt",
    )  # fmt: skip
    db.commit()
    return box


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_the_personal_page_draws_its_charts_and_fits_the_screen(
    browser, live_server, active_box, device
):
    context = browser.new_context(viewport=VIEWPORTS[device], locale="nl-BE")
    page = context.new_page()
    outside = []
    page.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith(live_server) else None
    )
    page.goto(f"{live_server}/s2/nl/login")
    page.get_by_label("Login").fill("s2-7705555")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_test_id("s2-login-submit").click()
    assert page.get_by_test_id("s2-title").inner_text() == "Mijn rijpagina"
    for chart in ("s2-chart-weeks", "s2-chart-times", "s2-chart-roads"):
        svg = page.get_by_test_id(chart)
        assert svg.is_visible() and svg.locator("rect").count() >= 4
    assert "Hasselt" in page.get_by_test_id("s2-accidents").inner_text()
    page.wait_for_load_state("load")  # the stylesheet applied before the layout is measured
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the {device} screen"
    assert outside == []
    context.close()
