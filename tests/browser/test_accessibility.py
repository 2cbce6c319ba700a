"""axe-core (the engine shipped in axe-playwright-python, nothing from a CDN) on every page
of both brands in both languages, logged out and in, and on the simulator's console: no
serious or critical violation (BR-3: the portals work for everyone, on every screen).

The pages are walked the way a visitor reaches them, in one browser context per brand and
language: stateful pages (the letter sent, the SMS step, the itsme phone, a refusal) come
from the forms before them. Each page's findings are written to test-results/axe/.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from models import Brand

pytestmark = pytest.mark.browser

BLOCKING = frozenset({"serious", "critical"})
RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "axe"
AXE = Axe()
#: The persona who registers in each brand, with the contract they open (seed/personas.toml).
WHO = {
    Brand.PV: ("Louise", "5436548", "1985-03-12", "3654654"),
    Brand.VIVIUM: ("Marc", "4011002345", "1972-09-10", "4011002345"),
}


def blocking_violations(page) -> list[str]:
    """axe's serious and critical findings on the page, one line per rule."""
    found = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): " + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in found
        if v["impact"] in BLOCKING
    ]


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


def customer_walk(page, base: str, brand: Brand, lang: str, card: str) -> Iterator[str]:
    """Open each page of one brand space in turn, yielding its name once it is shown."""
    space = f"{base}/{brand.value}/{lang}"
    first_name, registered, birth, contract = WHO[brand]
    for name, path in [
        ("chooser", "/"),
        ("landing", f"/{brand.value}/{lang}/"),
        ("help (logged out)", f"/{brand.value}/{lang}/help"),
        ("password login", f"/{brand.value}/{lang}/login/password"),
        ("new code", f"/{brand.value}/{lang}/register/new-code"),
        ("eID reader", f"/{brand.value}/{lang}/login/eid"),
        ("eID PIN", f"/{brand.value}/{lang}/login/eid/pin?card={card}"),
        ("404", f"/{brand.value}/{lang}/no-such-page"),
        ("itsme login", f"/{brand.value}/{lang}/itsme"),
    ]:
        page.goto(base + path)
        yield name
    page.get_by_test_id("itsme-start").click()
    page.get_by_test_id("itsme-confirm").wait_for()
    yield "itsme stub phone"
    page.get_by_test_id("itsme-cancel").click()
    page.get_by_test_id("refusal").wait_for()
    yield "refusal"
    page.goto(f"{space}/register")
    yield "register"
    page.get_by_test_id("contract-number").fill(registered)
    page.get_by_test_id("birth-date").fill(birth)
    page.get_by_test_id("register-submit").click()
    page.get_by_test_id("letter-sent").wait_for()
    yield "letter sent"
    page.get_by_test_id("go-activate").click()
    yield "activate"
    page.get_by_test_id("contract-number").fill(registered)
    page.get_by_test_id("activation-code").fill(newest_code(base, "letter"))
    page.get_by_test_id("email").fill(f"{first_name.lower()}@example.be")
    page.get_by_test_id("password").fill("correct horse battery")
    page.get_by_test_id("mobile").fill("0470 12 34 56")
    page.get_by_test_id("activate-submit").click()
    page.get_by_test_id("sms-code").wait_for()
    yield "sms"
    page.get_by_test_id("sms-code").fill(newest_code(base, "sms"))
    page.get_by_test_id("sms-submit").click()
    page.get_by_test_id("welcome").wait_for()
    yield "home"
    for name, path in [
        ("contract", f"/contracts/{contract}"),
        ("documents", "/documents"),
        ("missing", "/contracts/missing"),
        ("help", "/help"),
        ("profile", "/profile"),
    ]:
        page.goto(space + path)
        yield name


def sweep(page, walk: Iterator[str], label: str) -> dict[str, list[str]]:
    """Run axe on every page of the walk; write the findings; return them by page."""
    findings = {name: blocking_violations(page) for name in walk}
    RESULTS.mkdir(parents=True, exist_ok=True)
    counts = {name: len(lines) for name, lines in findings.items()}
    (RESULTS / f"{label}.json").write_text(
        json.dumps({"counts": counts, "findings": findings}, indent=2, ensure_ascii=False)
    )
    return findings


def report(findings: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {line}" for name, lines in findings.items() for line in lines)


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("brand", [Brand.VIVIUM, Brand.PV], ids=lambda b: b.value)
def test_every_customer_page_passes_axe(browser, live_server, personas, person_named, brand, lang):
    context = browser.new_context(
        bypass_csp=True, locale=f"{lang}-BE", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    card = person_named(WHO[brand][0]).national_number
    findings = sweep(
        page, customer_walk(page, live_server, brand, lang, card), f"{brand.value}-{lang}"
    )
    context.close()
    assert len(findings) == 21, sorted(findings)
    assert not any(findings.values()), report(findings)


def console_walk(page, base: str, louise_id: int, request_id: int) -> Iterator[str]:
    for name, path in [
        ("dashboard", "/sim/"),
        ("outbox", "/sim/outbox"),
        ("outbox revealed", "/sim/outbox?reveal=undelivered"),
        ("personas", "/sim/personas"),
        ("support list", "/sim/support"),
        ("support request", f"/sim/support/{request_id}"),
        ("broker search", "/sim/broker?q=Peeters"),
        ("Connect 360", f"/sim/broker/pv/{louise_id}"),
        ("V-Connect", f"/sim/broker/vivium/{louise_id}"),
    ]:
        page.goto(base + path)
        yield name


def post_undelivered_mail(db, now) -> None:
    """A letter in transit and an SMS never delivered: the outbox shows envelopes, the
    revealed outbox its warning, the dashboard a next event."""
    from datetime import timedelta

    from models import Channel, OutboxMessage

    for channel, lost in ((Channel.LETTER, False), (Channel.SMS, True)):
        db.add(
            OutboxMessage(
                brand=Brand.PV,
                channel=channel,
                kind="activation_letter" if channel == Channel.LETTER else "login_sms",
                language="nl",
                recipient="Louise Peeters, Kerkstraat 12, 2000 Antwerpen",
                subject="MyP&V",
                body="Uw code: ABCD-EFGH",
                code="ABCD-EFGH",
                posted_at=now,
                deliver_at=now + timedelta(days=2),
                lost=lost,
            )
        )


def test_every_console_page_passes_axe(browser, live_server, db, personas, person_named):
    from models import SupportRequest
    from models.sim import clock_now

    louise = person_named("Louise")
    request = SupportRequest(
        brand=Brand.PV,
        kind="registration_problem",
        language="nl",
        email="louise@example.be",
        person_id=louise.id,
        created_at=clock_now(db),
    )
    db.add(request)
    post_undelivered_mail(db, clock_now(db))
    db.commit()
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    findings = sweep(page, console_walk(page, live_server, louise.id, request.id), "console")
    context.close()
    assert not any(findings.values()), report(findings)
