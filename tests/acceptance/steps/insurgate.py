"""Insurgate, the brokers' small-business quoting platform, at /insurgate/<lang>/ (IG-1..
IG-7): each user has his own browser (a `requests` session with its cookie jar), forms go
with the page's own fields and CSRF token, and the company decides integration requests
through the control API (/sim/api/insurgate/...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests
from pytest_bdd import then, when

from seed.insurgate import DEMO_PASSWORD
from tests.acceptance.steps.grammar import p
from tests.acceptance.support.api import TIMEOUT
from tests.acceptance.support.html import Page, squash
from tests.acceptance.support.world import World

NEW_BROKER = "nouveau@bureau-cazelles.be"
NEW_PASSWORD = "secret-6"
PERSONAL = {"first_name": "Clémentine", "last_name": "Cazelles", "terms": "y"}
COMPANY = {
    "trade_name": "Bureau Cazelles", "street": "Rue Royale", "number": "151",
    "postcode": "1210", "city": "Bruxelles", "website": "https://bureau-cazelles.be",
    "phone": "0412 34 56 78",
}  # fmt: skip
# IG-6: a shop, 3 workers, 100 000 € of payroll, one claim, extra-legal guarantees.
QUOTE = {
    "activity": "shop", "postcode": "1210", "covers": ["workers_comp"], "claims_count": "1",
    "workers": "3", "payroll_euros": "100000", "extra_legal": "y",
}  # fmt: skip
LINK = re.compile(r"https?://\S+/insurgate/(?:fr|nl)/link/\S+")


@dataclass
class Gate:
    """One Insurgate user's browser."""

    lang: str
    http: requests.Session
    email: str = ""


def _gate(world: World) -> Gate:
    found = getattr(world, "insurgate_gate", None)
    assert found is not None, "nobody is in Insurgate yet"
    return found


def _new_gate(world: World, lang: str, email: str = "") -> Gate:
    gate = Gate(lang, requests.Session(), email)
    world.insurgate_gate = gate
    return gate


def _show(world: World, gate: Gate, response: requests.Response) -> Page:
    world.page = Page.parse(response.url, response.status_code, response.text)
    found = re.search(r"/insurgate/(fr|nl)/", response.url)
    if found:
        gate.lang = found.group(1)
    return world.page


def _open(world: World, gate: Gate, path: str, **params) -> Page:
    url = world.url(f"/insurgate/{gate.lang}/{path.lstrip('/')}")
    return _show(world, gate, gate.http.get(url, params=params or None, timeout=TIMEOUT))


def _send(world: World, gate: Gate, testid: str, data: dict) -> Page:
    """Post the open page's form holding `testid`, with its hidden fields (CSRF)."""
    page = world.page
    assert page is not None, "no Insurgate page is open"
    form = page.form_of(testid)
    response = gate.http.post(page.action_of(form), data={**form.inputs(), **data}, timeout=TIMEOUT)
    return _show(world, gate, response)


def _log_in(world: World, email: str, password: str, lang: str = "fr") -> Page:
    gate = _new_gate(world, lang, email)
    _open(world, gate, "login")
    return _send(world, gate, "login-form", {"email": email, "password": password})


def _first_step(world: World, lang: str, password: str) -> Page:
    gate = _new_gate(world, lang, NEW_BROKER)
    _open(world, gate, "signup")
    data = {**PERSONAL, "email": NEW_BROKER, "password": password, "confirm": password}
    return _send(world, gate, "signup-form", data)


@when(p('a new broker fills in the first step of an Insurgate account in "{lang:Q}" with the password "{password:Q}"'))  # fmt: skip
def first_step(world: World, lang: str, password: str) -> None:
    """IG-1, step 1 (the person) at /insurgate/<lang>/signup."""
    _first_step(world, lang, password)


@when(p('a new broker creates an Insurgate account in "{lang:Q}" with the enterprise number "{number:Q}"'))  # fmt: skip
def create_account(world: World, lang: str, number: str) -> None:
    """IG-1, both steps: the person (a valid password), then the company."""
    page = _first_step(world, lang, NEW_PASSWORD)
    assert page.find("signup-create") is not None, page.text[:1500]
    _send(world, _gate(world), "signup-form", {**COMPANY, "enterprise": number})


@then(p('Insurgate refuses the field "{field:Q}" saying "{text:Q}"'))
def refuses_field(world: World, field: str, text: str) -> None:
    page = world.page
    assert page is not None and page.status == 422, (page.status, page.url)
    message = page.get(f"{field}-error").text
    assert squash(text) in squash(message), message


@when(p('the Insurgate user "{email:Q}" logs in in "{lang:Q}"'))
def logs_in(world: World, email: str, lang: str) -> None:
    """A demo user of the office "P&V Group Acceptance" (seed/insurgate.py), his own browser."""
    page = _log_in(world, email, DEMO_PASSWORD, lang)
    assert page.find("nav-profile") is not None, page.text[:1500]


@then(p('Insurgate lets "{email:Q}" in with the password "{password:Q}"'))
def lets_in(world: World, email: str, password: str) -> None:
    page = _log_in(world, email, password)
    assert page.status == 200 and page.find("nav-profile") is not None, page.text[:1500]


@then(p('Insurgate refuses "{email:Q}" with the password "{password:Q}"'))
def refuses_login(world: World, email: str, password: str) -> None:
    page = _log_in(world, email, password)
    assert page.status == 422 and page.find("nav-profile") is None, page.status


@when(p('the Insurgate user opens "{path:Q}"'))
def opens(world: World, path: str) -> None:
    _open(world, _gate(world), path)


@when(p('the Insurgate user asks for an integration of the producer number "{number:Q}"'))
def asks_integration(world: World, number: str) -> None:
    """IG-2: the Products page's form, the first producer number (no group name)."""
    gate = _gate(world)
    _open(world, gate, "products")
    page = _send(world, gate, "integration-form", {"producer": number, "group": ""})
    assert page.find(f"integration-{number}") is not None, page.text[:1500]


@when(p('the company accepts the integration of the producer number "{number:Q}"'))
def company_accepts(world: World, number: str) -> None:
    """IG-2: `POST /sim/api/insurgate/integrations/<id>/accept`; the requester is emailed."""
    waiting = world.api.get("/insurgate/integrations", status="requested")["integrations"]
    found = [i for i in waiting if i["producer_number"] == number]
    assert found, f"no integration request of {number}: {waiting}"
    world.api.call("POST", f"/insurgate/integrations/{found[0]['id']}/accept")


@when(p('the Insurgate user quotes for "{company:Q}" in the TPE tool'))
def quotes(world: World, company: str) -> None:
    """IG-6: "New" opens the TPE tool; context, then workers' compensation; keeps the quote."""
    gate = _gate(world)
    _open(world, gate, "requests/new")
    page = _send(world, gate, "quote-form", {**QUOTE, "company_name": company})
    assert page.find("quote-detail") is not None, (page.status, page.text[:1500])
    world.insurgate_quote = page.url.rstrip("/").rsplit("/", 1)[-1]


def _that_quote(world: World) -> str:
    reference = getattr(world, "insurgate_quote", None)
    assert reference, "no Insurgate quote was made in this scenario"
    return reference


@when("the Insurgate user opens that quote")
def opens_quote(world: World) -> None:
    _open(world, _gate(world), f"requests/{_that_quote(world)}")


@then(p('searching the Insurgate requests for "{text:Q}" lists that quote'))
def search_lists(world: World, text: str) -> None:
    """IG-6: the "Demandes" list of the user's first sub-account, searched."""
    page = _open(world, _gate(world), "requests", q=text)
    assert page.find(f"quote-{_that_quote(world)}") is not None, page.text[:1500]


@then(p('searching the Insurgate requests for "{text:Q}" lists nothing'))
def search_nothing(world: World, text: str) -> None:
    page = _open(world, _gate(world), "requests", q=text)
    assert page.find("no-quotes") is not None, page.text[:1500]


def _group_value(page: Page, group: str) -> str:
    options = [e for e in page.root.walk() if e.tag == "option" and e.text == group]
    assert options, f'no group "{group}" on {page.url}'
    return options[0].attrs["value"]


@when(p('the Insurgate user invites "{email:Q}" into the group "{group:Q}"'))
def invites(world: World, email: str, group: str) -> None:
    """IG-4: the invitation form (name, email, language, group); the invitee is emailed."""
    gate = _gate(world)
    page = _open(world, gate, "account/invite")
    data = {"first_name": "Jan", "last_name": "Peeters", "email": email,
            "language": gate.lang, "groups": [_group_value(page, group)]}  # fmt: skip
    _send(world, gate, "invite-form", data)


@then(p('the Insurgate users list shows "{email:Q}" as "{status:Q}"'))
def listed_as(world: World, email: str, status: str) -> None:
    """IG-4: the Account page's row of that user, its status Invited or Active."""
    page = _open(world, _gate(world), "account")
    row = page.get(f"user-{email}")
    found = [e.attrs["data-status"] for e in row.walk() if "data-status" in e.attrs]
    assert found == [status], (found, row.text)


@when(p('"{email:Q}" sets the password "{password:Q}" with the link Insurgate emailed'))
def sets_password(world: World, email: str, password: str) -> None:
    """IG-1, IG-4: the newest invitation or reset link to that address, in a new browser."""
    mails = [m for m in world.outbox(channel="email") if m["recipient"] == email]
    links = [found.group(0) for m in mails if (found := LINK.search(m["body"]))]
    assert links, f"no Insurgate link emailed to {email}"
    gate = _new_gate(world, "fr", email)
    _show(world, gate, gate.http.get(links[0], timeout=TIMEOUT))
    page = _send(world, gate, "link-form", {"password": password, "confirm": password})
    assert page.find("nav-profile") is not None, (page.status, page.text[:1500])


@when(p('"{email:Q}" asks Insurgate for a new password in "{lang:Q}"'))
def forgot(world: World, email: str, lang: str) -> None:
    """IG-1: "forgot password"; the same answer whether the email has an account or not."""
    gate = _new_gate(world, lang, email)
    _open(world, gate, "forgot")
    page = _send(world, gate, "forgot-form", {"email": email})
    assert page.find("forgot-sent") is not None, page.text[:1500]


@when(p('the Insurgate user changes the password "{old:Q}" to "{new:Q}"'))
def changes_password(world: World, old: str, new: str) -> None:
    """IG-7: the profile's password form: old, new, confirmation."""
    gate = _gate(world)
    _open(world, gate, "profile")
    data = {"w-old": old, "w-password": new, "w-confirm": new, "w-submit": "1"}
    _send(world, gate, "password-form", data)


@when(p('the Insurgate user changes the name to "{first:Q}" "{last:Q}" and the language to "{lang:Q}"'))  # fmt: skip
def changes_profile(world: World, first: str, last: str, lang: str) -> None:
    """IG-7: the profile form (first name, last name, email kept, language)."""
    gate = _gate(world)
    _open(world, gate, "profile")
    data = {"p-first_name": first, "p-last_name": last, "p-language": lang, "p-submit": "1"}
    _send(world, gate, "profile-form", data)
