"""Steps in a real browser (Playwright driving Debian's Chromium), for scenarios tagged
@browser. Elements are found by data-testid only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from pytest_bdd import given, then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import PortalRef, World

SCREENS = {"phone": (390, 844), "tablet": (820, 1180), "desktop": (1280, 900)}


@dataclass
class BrowserTab:
    """One browser context (its own cookies) with one tab, for one customer."""

    context: Any
    page: Any
    lang: str

    def close(self) -> None:
        self.context.close()


def tab(world: World) -> BrowserTab:
    assert world.browser is not None, 'start with "Given <who> uses a browser on a phone"'
    return world.browser


@given(p("{who:Who} uses a browser on a {screen}"))
def uses_browser(request: pytest.FixtureRequest, world: World, who: str, screen: str) -> None:
    """A fresh Chromium context with a phone, tablet or desktop screen, in the persona's
    language."""
    customer = world.customer(who)
    browser = request.getfixturevalue("browser")
    width, height = SCREENS[screen]
    lang = customer.persona.language
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale=f"{lang}-BE",
        is_mobile=screen == "phone",
        has_touch=screen != "desktop",
    )
    context.set_default_timeout(10_000)
    world.browser = BrowserTab(context, context.new_page(), lang)


@when(p("in the browser {who:Who} opens {portal:Portal}"))
def browser_open(world: World, who: str, portal: PortalRef) -> None:
    customer = world.customer(who)
    lang = portal.lang or customer.persona.language
    tab(world).page.goto(f"{world.base_url}/{portal.brand}/{lang}/")


@when(p('in the browser {who:Who} clicks "{testid:Q}"'))
def browser_click(world: World, who: str, testid: str) -> None:
    tab(world).page.get_by_test_id(testid).click()


@when(p("in the browser {who:Who} registers with the eID card"))
def browser_eid(world: World, who: str) -> None:
    """From the landing page: the reader, the persona's card, PIN 1234, then the account
    form with `<key>@example.be` and the consent."""
    persona = world.customer(who).persona
    page = tab(world).page
    page.get_by_test_id("login-eid").click()
    page.get_by_test_id("eid-search").fill(persona.name.split(" ")[-1])
    page.get_by_test_id("eid-search-submit").click()
    page.get_by_test_id(f"eid-insert-{persona.national_number}").click()
    page.get_by_test_id("eid-pin").fill("1234")
    page.get_by_test_id("eid-pin-submit").click()
    finish_account(page, persona.default_email)


@when(p("in the browser {who:Who} registers with itsme"))
def browser_itsme(world: World, who: str) -> None:
    """From the landing page: itsme, the persona chosen on the phone, confirm, then the
    account form."""
    persona = world.customer(who).persona
    page = tab(world).page
    page.get_by_test_id("login-itsme").click()
    page.get_by_test_id("itsme-search").fill(persona.name)
    page.get_by_test_id("itsme-search-submit").click()
    page.get_by_test_id(f"itsme-person-{persona.person_id}").check()
    page.get_by_test_id("itsme-confirm").click()
    finish_account(page, persona.default_email)


def finish_account(page: Any, email: str) -> None:
    page.get_by_test_id("account-email").fill(email)
    page.get_by_test_id("digital-consent").check()
    page.get_by_test_id("identity-submit").click()


@then(p('the browser shows "{text:Q}" in "{testid:Q}"'))
def browser_text(world: World, text: str, testid: str) -> None:
    element = tab(world).page.get_by_test_id(testid).first
    element.wait_for(state="visible")
    shown = " ".join(element.inner_text().split())
    assert text in shown, shown


@then(p('the browser shows "{testid:Q}"'))
def browser_visible(world: World, testid: str) -> None:
    tab(world).page.get_by_test_id(testid).first.wait_for(state="visible")


@then("the page in the browser fits the width of the screen")
def fits(world: World) -> None:
    """BR-3: no horizontal scrolling on the screen in use."""
    page = tab(world).page
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide on a {widths[1]}px screen"
