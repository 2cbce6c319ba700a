"""The Content-Security-Policy of `portal.security` in a real browser (OWASP ASVS 5.0
V3.4.3, V3.4.6; RG-1, RG-3): headless Chromium goes through the itsme first login
(POST to itsme.start, redirects to the stub's phone, back to the callback), completes
the account, opens the customer's pages, the eID reader and the console, and no page
reports a CSP violation. Served on a loopback port only.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.live import serving

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


@pytest.fixture
def live_server(app):
    with serving(app) as url:
        yield url


def test_v3_4_3_rg1_itsme_first_login_and_the_portal_pages_run_without_csp_violations(
    browser, live_server, personas, person_named
):
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.set_default_timeout(15_000)

    page.goto(f"{live_server}/pv/nl/itsme")
    page.get_by_test_id("itsme-start").click()
    page.wait_for_url("**/stub/itsme/phone/**")
    louise = person_named("Louise")
    page.get_by_test_id(f"itsme-person-{louise.id}").check()
    page.get_by_test_id("itsme-confirm").click()
    page.wait_for_url("**/pv/nl/register/identity")
    page.get_by_test_id("account-email").fill("louise@example.be")
    page.get_by_test_id("digital-consent").check()
    page.get_by_test_id("identity-submit").click()
    assert "Louise" in page.get_by_test_id("welcome").inner_text()

    for path in ("/pv/nl/documents", "/pv/nl/profile", "/pv/nl/help", "/vivium/fr/login/eid"):
        assert page.goto(f"{live_server}{path}").ok, path
    page.goto(f"{live_server}/sim/outbox")
    assert page.evaluate("document.styleSheets.length") >= 1  # stylesheets load under CSP
    context.close()
    assert violations == []
