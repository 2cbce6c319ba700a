"""Registration with personal data in Chromium, one brand in each language (RG-1, RG-2),
codes read from the outbox through the control API as a QA script would."""

from __future__ import annotations

import json
import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def newest_code(base_url: str, channel: str) -> str:
    """The newest code of a channel, read as a QA script would; letters once the post
    delivered them ("deliver all letters now"): a code works once it arrived (RG-6)."""
    if channel == "letter":
        deliver = urllib.request.Request(
            f"{base_url}/sim/api/letters/deliver",
            data=b"{}",
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        urllib.request.urlopen(deliver).close()
    with urllib.request.urlopen(f"{base_url}/sim/api/outbox?channel={channel}&limit=1") as answer:
        return json.load(answer)["messages"][0]["code"]


@pytest.mark.parametrize(
    ("brand", "lang", "contract", "birth", "welcome", "email"),
    [
        ("pv", "nl", "5436548", "1985-03-12", "Welkom, Louise", "louise@example.be"),
        ("vivium", "fr", "4011002345", "1972-09-10", "Bienvenue, Marc", "marc@example.be"),
    ],
)
def test_a_customer_registers_with_personal_data_then_logs_out_and_in(
    browser, live_server, personas, brand, lang, contract, birth, welcome, email
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=f"{lang}-BE")
    page = context.new_page()
    page.goto(f"{live_server}/{brand}/{lang}/")
    page.get_by_test_id("register-personal-data").click()
    page.get_by_test_id("contract-number").fill(contract)
    page.get_by_test_id("birth-date").fill(birth)
    page.get_by_test_id("register-submit").click()
    expect(page.get_by_test_id("letter-sent")).to_be_visible()

    page.get_by_test_id("go-activate").click()
    page.get_by_test_id("contract-number").fill(contract)
    page.get_by_test_id("activation-code").fill(newest_code(live_server, "letter"))
    page.get_by_test_id("email").fill(email)
    page.get_by_test_id("password").fill("correct horse battery")
    page.get_by_test_id("mobile").fill("0470 12 34 56")
    page.get_by_test_id("activate-submit").click()
    page.get_by_test_id("sms-code").fill(newest_code(live_server, "sms"))
    page.get_by_test_id("sms-submit").click()
    assert page.get_by_test_id("welcome").inner_text() == welcome

    page.get_by_test_id("logout").click()
    expect(page.get_by_test_id("logged-out")).to_be_visible()
    page.get_by_test_id("login-password").click()
    page.get_by_test_id("email").fill(email.upper())
    page.get_by_test_id("password").fill("correct horse battery")
    page.get_by_test_id("login-submit").click()
    page.get_by_test_id("sms-code").fill(newest_code(live_server, "sms"))
    page.get_by_test_id("sms-submit").click()
    assert page.get_by_test_id("welcome").inner_text() == welcome
    context.close()
