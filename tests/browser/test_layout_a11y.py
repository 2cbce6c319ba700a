"""What axe cannot see, measured in Chromium (BR-3: both portals usable with a keyboard and
on a 375 px phone): a visible focus ring, long emails that stay inside their cards, a tab
bar that shows every tab, and a skip link first in the tab order (WCAG 2.2: 1.4.11,
1.4.10, 2.4.1, 2.4.7)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from models import Brand, SupportRequest
from models.sim import clock_now

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
LONG_EMAIL = "firstname.middlename.lastname.department@subsidiary.example.be"
SKIP_TEXT = {"fr": "Aller au contenu", "nl": "Naar de inhoud", "en": "Skip to content"}

#: Colour of the focused element's outline and of what lies behind it (the first ancestor
#: with an opaque background), both as [r, g, b].
RING_JS = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const style = getComputedStyle(el);
  let node = el.parentElement, back = [255, 255, 255];
  while (node) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0) { back = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          ring: rgb(style.outlineColor).slice(0, 3), back};
}"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: list[float], two: list[float]) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_of_the_issue_colours():
    """The figure of the issue: #1d3c78 on #8f0b20 is 1.14:1."""
    assert round(contrast([0x1D, 0x3C, 0x78], [0x8F, 0x0B, 0x20]), 2) == 1.14


def keyboard_focus(page, test_id: str) -> dict:
    """Focus the element as the keyboard would (:focus-visible); its ring and background."""
    page.keyboard.press("Tab")
    target = page.get_by_test_id(test_id)
    target.focus()
    assert target.evaluate("el => el.matches(':focus-visible')"), test_id
    return target.evaluate(RING_JS)


@pytest.mark.parametrize(
    ("brand", "person"), [(Brand.PV, "Louise"), (Brand.VIVIUM, "Marc")], ids=["pv", "vivium"]
)
def test_the_keyboard_focus_ring_stands_out(
    browser, live_server, browser_login, personas, person_named, brand, person
):
    """On the tab bar (the issue: MyP&V's ring was 1.14:1), the top bar and the page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    browser_login(context, live_server, person_named(person), brand)
    page = context.new_page()
    page.goto(f"{live_server}/{brand.value}/nl/")
    for test_id in ("tab-documents", "lang-fr", "more-questions-link", "footer-help"):
        ring = keyboard_focus(page, test_id)
        assert ring["style"] != "none" and ring["width"] >= 2, (test_id, ring)
        ratio = contrast(ring["ring"], ring["back"])
        assert ratio >= 3, (
            f"{test_id}: focus ring {ring['ring']} on {ring['back']} is {ratio:.2f}:1"
        )
    context.close()


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize(
    ("brand", "person"), [(Brand.PV, "Louise"), (Brand.VIVIUM, "Marc")], ids=["pv", "vivium"]
)
def test_every_tab_shows_on_a_phone(
    browser, live_server, browser_login, personas, person_named, brand, person, lang
):
    context = browser.new_context(viewport=PHONE)
    browser_login(context, live_server, person_named(person), brand)
    page = context.new_page()
    page.goto(f"{live_server}/{brand.value}/{lang}/")
    bar = page.locator("nav.tabs .inner")
    assert bar.evaluate("el => el.scrollWidth <= el.clientWidth"), "the tab bar scrolls"
    for tab in page.locator("nav.tabs a").all():
        box = tab.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            tab.inner_text(),
            box,
        )
    expect(page.get_by_test_id("tab-help")).to_be_visible()
    context.close()


def fits(locator) -> bool:
    """Neither the element nor its card is wider than what it shows."""
    return locator.evaluate(
        """el => [el, el.closest('.card')].every(n => n.scrollWidth <= n.clientWidth)
               && document.documentElement.scrollWidth <= window.innerWidth"""
    )


def test_a_long_email_stays_in_the_profile_card(
    app, browser, live_server, db, personas, person_named
):
    from seed.build import add_account
    from tests.conftest import session_cookie

    account = add_account(db, person_named("Louise"), Brand.PV, email=LONG_EMAIL)
    db.commit()
    name, value, path = session_cookie(app, Brand.PV, account.id)
    context = browser.new_context(viewport=PHONE)
    context.add_cookies([{"name": name, "value": value, "url": live_server + path + "/"}])
    page = context.new_page()
    page.goto(f"{live_server}/pv/fr/profile")
    email = page.get_by_test_id("current-email")
    assert email.inner_text() == LONG_EMAIL
    assert fits(email)
    context.close()


def test_a_long_email_stays_in_the_console_cards(browser, live_server, db, personas, person_named):
    """Connect 360 and V-Connect (BK-2) and a support request (RG-5), on a phone."""
    louise, sofie = person_named("Louise"), person_named("Sofie")
    louise.email = sofie.email = LONG_EMAIL
    request = SupportRequest(
        brand=Brand.PV,
        kind="registration_problem",
        language="nl",
        email=LONG_EMAIL,
        person_id=louise.id,
        created_at=clock_now(db),
    )
    db.add(request)
    db.commit()
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(5000)
    page = context.new_page()
    for path, test_id in [
        (f"/sim/broker/pv/{louise.id}", "contact-email"),
        (f"/sim/broker/vivium/{sofie.id}", "contact-email"),
        (f"/sim/support/{request.id}", "request-email"),
    ]:
        page.goto(live_server + path)
        assert fits(page.get_by_test_id(test_id)), path
    context.close()


def assert_skip_link_first(page, lang: str) -> None:
    """The first Tab lands on the skip link, shown; Enter moves the focus to <main>."""
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.inner_text().strip() == SKIP_TEXT[lang], page.url
    assert link.get_attribute("href") == "#main"
    box = link.bounding_box()
    assert box and box["width"] > 1 and box["y"] >= 0, "the focused skip link is shown"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", page.url
    assert page.evaluate("document.activeElement.tagName") == "MAIN"


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("brand", [Brand.PV, Brand.VIVIUM], ids=lambda b: b.value)
def test_a_skip_link_comes_first_on_customer_pages(
    browser, live_server, browser_login, personas, person_named, brand, lang
):
    """Logged out (landing, eID reader, itsme stub phone) and logged in (home, profile)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    space = f"{live_server}/{brand.value}/{lang}"
    for path in ("/", "/login/password", "/login/eid"):
        page.goto(space + path)
        assert_skip_link_first(page, lang)
    page.goto(space + "/itsme")
    page.get_by_test_id("itsme-start").click()
    page.get_by_test_id("itsme-confirm").wait_for()
    assert_skip_link_first(page, lang)
    browser_login(context, live_server, person_named("Sofie"), brand)
    for path in ("/", "/profile"):
        page.goto(space + path)
        assert_skip_link_first(page, lang)
    context.close()


def test_a_skip_link_comes_first_in_the_console(browser, live_server, personas):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ("/sim/", "/sim/outbox", "/sim/broker"):
        page.goto(live_server + path)
        assert_skip_link_first(page, "en")
    context.close()
