"""Insurgate in Chromium at 1280 and 375 px, from the account creation to a quote seen
by a colleague of its group and not by one of another group (IG-1..IG-6): the two
steps of the account, the integration request accepted from the console, two groups, two
invitations whose links from the outbox set the passwords, a quote in group A. No page
scrolls sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from models import OutboxMessage
from models.insurgate import IgGroup

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
ADMIN = "admin@bureau-cazelles.be"
COLLEAGUES = {"A": "anna@bureau-cazelles.be", "B": "bert@bureau-cazelles.be"}
PASSWORD = "secret-6"


def fits(page: Page, device: str) -> None:
    page.wait_for_load_state("load")  # the stylesheet applied before the layout is measured
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the {device} screen"


def fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.get_by_test_id(name).fill(value)


def sign_up(page: Page, base: str, device: str) -> None:
    """IG-1: the person, then the company; created, he lands on Products."""
    page.goto(f"{base}/insurgate/fr/signup")
    fits(page, device)
    fill(page, {"first_name": "Clémentine", "last_name": "Cazelles", "email": ADMIN,
                "password": PASSWORD, "confirm": PASSWORD})  # fmt: skip
    page.get_by_test_id("terms").check()
    page.get_by_test_id("signup-next").click()
    expect(page).to_have_url(re.compile(r"/insurgate/fr/signup/company$"))
    fits(page, device)
    fill(page, {"trade_name": "Bureau Cazelles", "enterprise": "BE0403170701",
                "street": "Rue Royale", "number": "151", "postcode": "1210",
                "city": "Bruxelles", "website": "https://bureau.be",
                "phone": "0412 34 56 78"})  # fmt: skip
    page.get_by_test_id("signup-create").click()
    expect(page).to_have_url(re.compile(r"/insurgate/fr/products$"))
    fits(page, device)


def ask_and_accept(page: Page, console: Page, base: str, device: str) -> None:
    """IG-2: the request with a producer number, accepted by the company in the console."""
    page.get_by_test_id("producer").fill("12345")
    page.get_by_test_id("integration-submit").click()
    expect(page.get_by_test_id("integration-12345")).to_be_visible()
    console.goto(f"{base}/sim/")
    console.get_by_test_id("nav-insurgate").click()
    console.get_by_test_id("ig-accept-12345").click()
    expect(console.get_by_test_id("ig-none-waiting")).to_be_visible()
    fits(console, device)


def make_groups_and_invite(page: Page, device: str) -> None:
    """IG-5 then IG-4: groups A and B, one colleague invited into each."""
    for name in ("Groupe A", "Groupe B"):
        page.get_by_test_id("nav-account").click()
        page.get_by_test_id("new-group-link").click()
        page.get_by_test_id("name").fill(name)
        page.get_by_test_id("group-submit").click()
        expect(page.get_by_test_id("groups")).to_contain_text(name)
    fits(page, device)
    for letter, email in COLLEAGUES.items():
        page.get_by_test_id("invite-link").click()
        fits(page, device)
        fill(page, {"first_name": f"Collègue {letter}", "last_name": letter, "email": email})
        page.get_by_test_id("groups").select_option(label=f"Groupe {letter}")
        page.get_by_test_id("invite-submit").click()
        expect(page.get_by_test_id(f"user-{email}")).to_be_visible()
    fits(page, device)


def invitation_path(db, email: str) -> str:
    db.rollback()  # read what the server committed since
    body = db.scalars(
        select(OutboxMessage.body)
        .where(OutboxMessage.recipient == email)
        .order_by(OutboxMessage.id.desc())
    ).first()
    return re.search(r"https?://[^/]+(/insurgate/\S+)", body).group(1)


def set_password(browser: Browser, base: str, db, email: str, device: str) -> Page:
    """IG-4: the invitee opens the link from his email and chooses his password."""
    page = browser.new_context(viewport=VIEWPORTS[device], locale="fr-BE").new_page()
    page.goto(base + invitation_path(db, email))
    fits(page, device)
    fill(page, {"password": PASSWORD, "confirm": PASSWORD})
    page.get_by_test_id("link-submit").click()
    expect(page).to_have_url(re.compile(r"/insurgate/fr/requests"))
    return page


def quote_in_group_a(page: Page, base: str, group_a: int, device: str) -> str:
    """IG-6: the administrator quotes in group A with the TPE tool."""
    page.goto(f"{base}/insurgate/fr/requests?group={group_a}")
    page.get_by_test_id("new-quote").click()
    fits(page, device)
    fill(page, {"company_name": "Boulangerie Martin", "postcode": "1210", "claims_count": "1",
                "workers": "3", "payroll_euros": "100000"})  # fmt: skip
    page.get_by_test_id("activity").select_option("shop")
    page.get_by_test_id("covers").select_option(["workers_comp"])
    page.get_by_test_id("quote-submit").click()
    expect(page.get_by_test_id("premium")).to_be_visible()
    fits(page, device)
    return page.url.rsplit("/", 1)[1]


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_a_quote_of_group_a_is_seen_by_colleague_a_and_not_by_colleague_b(
    browser, live_server, db, device
):
    context = browser.new_context(viewport=VIEWPORTS[device], locale="fr-BE")
    admin, console = context.new_page(), browser.new_context(viewport=VIEWPORTS[device]).new_page()
    sign_up(admin, live_server, device)
    ask_and_accept(admin, console, live_server, device)
    make_groups_and_invite(admin, device)
    colleague = {
        letter: set_password(browser, live_server, db, email, device)
        for letter, email in COLLEAGUES.items()
    }
    db.rollback()
    group_a = db.scalar(select(IgGroup.id).where(IgGroup.name == "Groupe A"))
    reference = quote_in_group_a(admin, live_server, group_a, device)

    seer = colleague["A"]
    seer.get_by_test_id("nav-quotes").click()
    expect(seer.get_by_test_id(f"quote-{reference}")).to_contain_text("Clémentine Cazelles")
    fits(seer, device)
    seer.get_by_test_id(f"quote-{reference}").get_by_role("link").first.click()
    expect(seer.get_by_test_id("quote-detail")).to_contain_text("Boulangerie Martin")

    other = colleague["B"]
    other.get_by_test_id("nav-quotes").click()
    expect(other.get_by_test_id("no-quotes")).to_be_visible()
    fits(other, device)
    answer = other.goto(f"{live_server}/insurgate/fr/requests/{reference}")
    assert answer is not None and answer.status == 404
    expect(other.locator("body")).not_to_contain_text("Boulangerie Martin")
    context.close()
