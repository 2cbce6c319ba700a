"""The intermediary in his own tool: an agent in Connect 360, a broker in V-Connect,
signed in with his producer number, working on his own portfolio (BK-1, BK-2, BK-3,
PD-2) and sending requests to support as the sender (RG-5, DC-2, DC-3)."""

from __future__ import annotations

from dataclasses import dataclass

import requests
from pytest_bdd import then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.html import Page, squash
from tests.acceptance.support.world import World

SEGMENTS = {"pv": "connect360", "vivium": "vconnect"}
PASSWORD = "demo-intermediary"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
TIMEOUT = 10


@dataclass
class Desk:
    """The intermediary's browser in his tool."""

    brand: str
    lang: str
    producer_number: str
    http: requests.Session

    @property
    def base(self) -> str:
        return f"/{SEGMENTS[self.brand]}/{self.lang}"


def desk(world: World) -> Desk:
    found = getattr(world, "intermediary_desk", None)
    assert found is not None, "no intermediary is signed in"
    return found


def show(world: World, response: requests.Response) -> Page:
    world.page = Page.parse(response.url, response.status_code, response.text)
    return world.page


def intermediary_email(world: World, number: str) -> str:
    listed = world.api.get("/intermediaries")["intermediaries"]
    return next(i["email"] for i in listed if i["producer_number"] == number)


@when(p('the intermediary "{number:Q}" signs in to {tool:Tool} in "{lang:Q}"'))
def sign_in(world: World, number: str, tool: str, lang: str) -> None:
    """The company sign-on: producer number and password on the tool's sign-in page."""
    d = Desk(tool, lang, number, requests.Session())
    world.intermediary_desk = d
    page = show(world, d.http.get(world.url(f"{d.base}/signin"), timeout=TIMEOUT))
    form = page.form_of("signin-submit")
    data = {**form.inputs(), "producer_number": number, "password": PASSWORD}
    show(world, d.http.post(page.action_of(form), data=data, timeout=TIMEOUT))
    assert world.page.find("signed-in-as") is not None, world.page.text[:500]


@when(p("the intermediary opens the account of {who:Who}"))
def open_account(world: World, who: str) -> None:
    d = desk(world)
    person_id = world.refresh_persona(world.customer(who)).person_id
    show(world, d.http.get(world.url(f"{d.base}/customers/{person_id}"), timeout=TIMEOUT))


@when(p('the intermediary opens the policy "{number:Q}"'))
def open_policy(world: World, number: str) -> None:
    d = desk(world)
    show(world, d.http.get(world.url(f"{d.base}/policies/{number}"), timeout=TIMEOUT))


@when(p('the intermediary searches his portfolio for "{text:Q}"'))
def search(world: World, text: str) -> None:
    d = desk(world)
    show(world, d.http.get(world.url(f"{d.base}/"), params={"q": text}, timeout=TIMEOUT))


@then(p("the tool answers {status:d}"))
def answers(world: World, status: int) -> None:
    assert world.page is not None and world.page.status == status, world.page.status


@then(p("the portfolio lists {who:Who}"))
def lists(world: World, who: str) -> None:
    person_id = world.refresh_persona(world.customer(who)).person_id
    assert world.page.find(f"hit-{person_id}") is not None, world.page.text[:1500]


@then(p("the portfolio does not list {who:Who}"))
def does_not_list(world: World, who: str) -> None:
    person_id = world.refresh_persona(world.customer(who)).person_id
    assert world.page.find(f"hit-{person_id}") is None


@then(p('the account shows "{text:Q}" for "{testid:Q}"'))
def account_shows(world: World, text: str, testid: str) -> None:
    element = world.page.get(testid)
    assert squash(text) in squash(element.text), element.text


@then(p('the account shows the "{brand:Q}" badge as "{state:Q}"'))
def badge(world: World, brand: str, state: str) -> None:
    element = world.page.get(f"onboarding-{brand}")
    assert element.attrs["data-registered"] == state, element.attrs


@then("the account has no onboarding badge and no QR code")
def no_badge(world: World) -> None:
    assert world.page.find_all(prefix="onboarding-") == [] and world.page.find("qr-code") is None


def send(world: World, who: str, testid: str, data: dict, files: dict | None = None) -> None:
    open_account(world, who)
    d, page = desk(world), world.page
    form = page.form_of(testid)
    response = d.http.post(page.action_of(form), data={**form.inputs(), **data}, files=files,
                           timeout=TIMEOUT)  # fmt: skip
    show(world, response)
    assert response.status_code == 200 and world.page.find("flash") is not None, (
        response.status_code, world.page.text[:1500])  # fmt: skip
    person_id = world.refresh_persona(world.customer(who)).person_id
    newest = world.api.support_requests(person_id=person_id) or world.api.support_requests()
    world.support_request = world.api.support_request(max(r["id"] for r in newest))


@when(p('the intermediary asks for paper mail for {who:Who} because "{why:Q}"'))
def ask_paper(world: World, who: str, why: str) -> None:
    send(world, who, "form-paper-exception", {"message": why})


@when(p('the intermediary reports that {who:Who} cannot register and wants "{email:Q}"'))
def report(world: World, who: str, email: str) -> None:
    files = {"screenshot": ("error.png", PNG, "image/png")}
    send(world, who, "form-support-report", {"email": email, "message": "Refused"}, files)


@when(p('the intermediary asks for the "{kind:Q}" {year:d} of "{number:Q}" for {who:Who}'))
def ask_document(world: World, kind: str, year: int, number: str, who: str) -> None:
    data = {"contract_number": number, "document_kind": kind, "year": str(year)}
    send(world, who, "form-missing-document", data)


@then(p('support holds a "{kind:Q}" request sent by the intermediary "{number:Q}"'))
def request_from(world: World, kind: str, number: str) -> None:
    req = world.support_request
    assert req["kind"] == kind and req["email"] == intermediary_email(world, number), req


@then(p('the outbox holds an email to the intermediary "{number:Q}"'))
def email_to(world: World, number: str) -> None:
    address = intermediary_email(world, number)
    assert any(m.get("recipient") == address for m in world.outbox()), address
