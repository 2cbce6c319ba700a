"""The intermediary's side: P&V's Connect 360 and Vivium's V-Connect as the console and
the control API show them (BK-1, BK-2, BK-3, PD-2), and what the intermediary asks
support for (DC-2, DC-3); publishing new life documents (DC-1, DC-3)."""

from __future__ import annotations

import re

from pytest_bdd import then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import Customer, PortalRef, World


def customer_file(world: World) -> dict:
    assert world.customer_file is not None, "no customer file is open"
    return world.customer_file


@when(p("the intermediary opens the customer file of {who:Who} in {tool:Tool}"))
def open_file(world: World, who: str, tool: str) -> None:
    """GET /sim/api/broker/<brand>/<person_id> and the console page /sim/broker/..."""
    persona = world.refresh_persona(world.customer(who))
    world.customer_file = world.api.broker_view(tool, persona.person_id)
    world.page = world.api.broker_page(tool, persona.person_id)
    world.page.get("broker-tool")


@then(p("the customer file shows {who:Who} as not onboarded"))
def not_onboarded(world: World, who: str) -> None:
    assert customer_file(world)["onboarding"] == {"registered": False, "date": None}
    assert world.page is not None
    assert world.page.get("onboarding").attrs["data-registered"] == "no"


@then(p('the customer file shows {who:Who} as onboarded on "{day:Q}"'))
def onboarded(world: World, who: str, day: str) -> None:
    """BK-1: Connect 360's MyP&V flag with the registration date (DD/MM/YYYY)."""
    onboarding = customer_file(world)["onboarding"]
    d, m, y = day.split("/")
    assert onboarding["registered"] is True and onboarding["date"].startswith(f"{y}-{m}-{d}")
    assert world.page is not None
    assert world.page.get("onboarding").attrs["data-registered"] == "yes"
    assert world.page.get("onboarding-date").text == day


@then("the customer file has no onboarding flag and no QR code")
def no_onboarding(world: World) -> None:
    """BK-1: V-Connect is not told of a registration."""
    data = customer_file(world)
    assert "onboarding" not in data and "qr_code_url" not in data, data.keys()
    assert world.page is not None
    assert world.page.find("onboarding") is None and world.page.find("qr-code") is None


@then(p('the customer file shows a QR code to "{url:Q}"'))
def qr_code(world: World, url: str) -> None:
    assert customer_file(world)["qr_code_url"] == url
    assert world.page is not None
    code = world.page.get("qr-code")
    assert code.attrs["data-url"] == url and "<svg" in world.page.html


@then(p('the customer file shows the address "{address:Q}"'))
def file_address(world: World, address: str) -> None:
    """PD-2: the contact details as they reached the intermediary's tool by now."""
    contact = customer_file(world)["contact"]
    shown = (
        f"{contact['street']} {contact['house_number']}, {contact['postcode']} {contact['city']}"
    )
    assert shown == address, shown
    assert world.page is not None and world.page.get("contact-address").text == address


@then(p('the customer file shows the email "{email:Q}"'))
def file_email(world: World, email: str) -> None:
    assert customer_file(world)["contact"]["email"] == email
    assert world.page is not None and world.page.get("contact-email").text == email


@then(p('the customer file shows the contract "{number:Q}" with the risk address "{address:Q}"'))
def file_risk_address(world: World, number: str, address: str) -> None:
    """PD-1: a contract's address stays what it was (shown or hidden contract)."""
    data = customer_file(world)
    contracts = data["contracts"] + data["hidden_contracts"]
    found = [c for c in contracts if c["number"] == number]
    assert found, f"no contract {number} in the customer file"
    assert found[0]["risk_address"] == address, found[0]["risk_address"]


@then(p('the customer file says documents go by "{mode:Q}" because of "{reason:Q}"'))
def file_delivery(world: World, mode: str, reason: str) -> None:
    """DC-3: digital (consent) or paper (exception, no_account)."""
    delivery = customer_file(world)["document_delivery"]
    assert (delivery["mode"], delivery["reason"]) == (mode, reason), delivery
    assert world.page is not None
    element = world.page.get("delivery")
    assert (element.attrs["data-mode"], element.attrs["data-reason"]) == (mode, reason)


@then(p('the customer file shows the hidden contract "{number:Q}" with the reason "{reason:Q}"'))
def file_hidden(world: World, number: str, reason: str) -> None:
    """BK-2: a contract the customer does not see, marked so, with the reason they read."""
    hidden = {c["number"]: c for c in customer_file(world)["hidden_contracts"]}
    assert number in hidden, f"{number} is not a hidden contract: {sorted(hidden)}"
    assert hidden[number]["reason"] == reason and hidden[number]["shown_in_portal"] is False
    assert world.page is not None
    element = world.page.get(f"hidden-{number}")
    assert element.attrs["data-shown"] == "no" and element.attrs["data-reason"] == reason
    text = world.page.get(f"hidden-reason-{number}").text
    assert text and text == hidden[number]["reason_text"].strip(), text


def customer_sees(customer: Customer, portal: PortalRef) -> dict:
    """What the logged-in customer's own pages show: contracts with their guarantees,
    hidden contracts with their reason, and documents."""
    space = customer.space_of(portal)
    home = customer.open(space, "/")
    assert home.find("welcome") is not None, f"{customer.name} is not logged in"
    numbers = [
        e.testid.removeprefix("contract-")
        for e in home.find_all(prefix="contract-")
        if re.fullmatch(r"contract-\d+", e.testid or "")
    ]
    guarantees = {}
    for number in numbers:
        page = customer.open(space, f"/contracts/{number}")
        rows = {}
        for row in page.find_all(prefix="guarantee-"):
            cell = next(e for e in row.walk() if "data-covered" in e.attrs)
            rows[row.testid.removeprefix("guarantee-")] = cell.attrs["data-covered"] == "yes"
        guarantees[number] = rows
    missing = customer.open(space, "/contracts/missing")
    hidden = {
        e.testid.removeprefix("hidden-"): e.attrs["data-reason"]
        for e in missing.find_all(prefix="hidden-")
        if re.fullmatch(r"hidden-\d+", e.testid or "")
    }
    documents = customer.open(space, "/documents")
    docs = {
        e.testid.removeprefix("document-")
        for e in documents.find_all(prefix="document-")
        if re.fullmatch(r"document-\d+", e.testid or "")
    }
    return {"guarantees": guarantees, "hidden": hidden, "documents": docs}


@then(p("the customer file shows everything {who:Who} sees in {portal:Portal}"))
def sees_everything(world: World, who: str, portal: PortalRef) -> None:
    """BK-2: the same contracts and guarantees, hidden contracts and reasons, documents."""
    data = customer_file(world)
    file_page = world.page
    seen = customer_sees(world.customer(who), portal)
    world.page = file_page
    broker = {
        c["number"]: {i["code"]: i["covered"] for g in c["guarantees"] for i in g["items"]}
        for c in data["contracts"]
    }
    assert broker == seen["guarantees"], (broker, seen["guarantees"])
    assert {c["number"]: c["reason"] for c in data["hidden_contracts"]} == seen["hidden"]
    assert {str(d["id"]) for d in data["documents"]} == seen["documents"]


@when(
    p('the intermediary asks support for a paper-mail exception for {who:Who} because "{reason:Q}"')
)
def ask_paper(world: World, who: str, reason: str) -> None:
    """DC-3: POST /sim/api/broker/<brand>/<id>/paper-exception in the brand of the file."""
    brand = customer_file(world)["brand"]
    persona = world.customer(who).persona
    world.answer = world.api.ask_support(
        brand, persona.person_id, "paper-exception", {"message": reason}
    )
    if world.answer[0] == 201:
        world.support_request = world.api.support_request(world.answer[1]["id"])


@when(
    p(
        'the intermediary asks support for the document "{kind:Q}" of {year:d} of the contract '
        '"{number:Q}" for {who:Who}'
    )
)
def ask_document(world: World, kind: str, year: int, number: str, who: str) -> None:
    """DC-2: POST /sim/api/broker/<brand>/<id>/missing-document."""
    brand = customer_file(world)["brand"]
    persona = world.customer(who).persona
    body = {"contract_number": number, "document_kind": kind, "year": year}
    world.answer = world.api.ask_support(brand, persona.person_id, "missing-document", body)
    assert world.answer[0] == 201, world.answer
    world.support_request = world.api.support_request(world.answer[1]["id"])


@then(p('the intermediary is told "{error:Q}"'))
def told(world: World, error: str) -> None:
    assert world.answer is not None, "the intermediary asked nothing"
    status, body = world.answer
    assert status >= 400 and body.get("error") == error, world.answer


@when(p('a new "{kind:Q}" of {year:d} is published for the contract "{number:Q}"'))
def publish(world: World, kind: str, year: int, number: str) -> None:
    """POST /sim/api/documents/publish: a new life document and its notice."""
    body = {"contract_number": number, "kind": kind, "year": year}
    world.notice = world.api.publish(body)["notification"]


@then(p('the notice of the new document goes by {channel:Channel} to "{recipient:Q}"'))
def notice(world: World, channel: str, recipient: str) -> None:
    assert world.notice is not None, "nothing was published"
    assert (world.notice["channel"], world.notice["recipient"]) == (channel, recipient), (
        world.notice
    )
