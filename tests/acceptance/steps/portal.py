"""Opening the portals' pages and reading them: texts, elements, refusals."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import requests
from pytest_bdd import then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.html import Page, squash
from tests.acceptance.support.world import PORTAL_NAMES, PortalRef, World

LANGUAGES = {"French": "fr", "Dutch": "nl"}


def open_page(world: World) -> Page:
    assert world.page is not None, "no page is open yet"
    return world.page


@when(p("{who:Who} opens {portal:Portal}"))
def open_portal(world: World, who: str, portal: PortalRef) -> None:
    """The home page of the brand space: the landing page, or the overview once logged in."""
    customer = world.customer(who)
    customer.open(customer.space_of(portal), "/")


@when(p("{who:Who} opens {portal:Portal} in the same browser"))
def open_same_browser(world: World, who: str, portal: PortalRef) -> None:
    """As above, with the cookies of the customer's other brand space in the same jar."""
    customer = world.customer(who)
    space = customer.space_of(portal)
    customer.same_browser(space)
    customer.open(space, "/")


@when(p('{who:Who} opens the page "{path:Q}" of {portal:Portal}'))
def open_path(world: World, who: str, path: str, portal: PortalRef) -> None:
    """A page by its path in the brand space: "/help", "/documents", "/contracts/missing"."""
    customer = world.customer(who)
    customer.open(customer.space_of(portal), path)


@when(p('{who:Who} follows the link "{testid:Q}"'))
def follow(world: World, who: str, testid: str) -> None:
    """Click the link with that data-testid on the open page."""
    world.customer(who).follow(testid)


@when(p('someone opens "{path:Q}"'))
def open_anonymous(world: World, path: str) -> None:
    """A visitor without any cookie opens a path of the simulator: "/pv/", "/"."""
    customer = world.customer("a stranger")
    brand = path.strip("/").split("/")[0]
    space = customer.space(brand if brand in PORTAL_NAMES else "pv")
    customer.get(space, path)


@then(p("{who:Who} is a visitor of {portal:Portal}"))
def is_visitor(world: World, who: str, portal: PortalRef) -> None:
    """The home page of that portal is the landing page: not logged in."""
    page = open_page(world)
    assert f"/{portal.brand}/" in page.url, page.url
    assert page.find("landing-title") is not None, f"not the landing page: {page.url}"
    assert page.find("welcome") is None and page.find("logout") is None


@then(p("{who:Who} is logged in to {portal:Portal}"))
def is_logged_in(world: World, who: str, portal: PortalRef) -> None:
    """Opens the portal's home page and finds the overview ("Welkom, Louise")."""
    customer = world.customer(who)
    page = customer.open(customer.space_of(portal), "/")
    welcome = page.get("welcome").text
    assert customer.persona.first_name in welcome, welcome


@then(p("{who:Who} is not logged in to {portal:Portal}"))
def is_not_logged_in(world: World, who: str, portal: PortalRef) -> None:
    customer = world.customer(who)
    page = customer.open(customer.space_of(portal), "/")
    assert page.find("welcome") is None and page.find("landing-title") is not None


@then(p('the page shows "{text:Q}"'))
def page_shows(world: World, text: str) -> None:
    page = open_page(world)
    assert squash(text) in squash(page.text), f'"{text}" not on {page.url}:\n{page.text[:3000]}'


@then(p('the page does not show "{text:Q}"'))
def page_does_not_show(world: World, text: str) -> None:
    page = open_page(world)
    assert squash(text) not in squash(page.text), f'"{text}" is on {page.url}'


@then(p('the page has the element "{testid:Q}"'))
def has_element(world: World, testid: str) -> None:
    open_page(world).get(testid)


@then(p('the page has no element "{testid:Q}"'))
def has_no_element(world: World, testid: str) -> None:
    page = open_page(world)
    assert page.find(testid) is None, f'data-testid="{testid}" is on {page.url}'


@then(p('the element "{testid:Q}" says "{text:Q}"'))
def element_says(world: World, testid: str, text: str) -> None:
    element = open_page(world).get(testid)
    assert squash(text) in squash(element.text), f'"{testid}" says: {element.text}'


@then(p('the element "{testid:Q}" has {attr} "{value:Q}"'))
def element_attribute(world: World, testid: str, attr: str, value: str) -> None:
    """An attribute of the element: `data-mode "paper"`, `href "/pv/nl/"`."""
    element = open_page(world).get(testid)
    found = element.attrs.get(attr)
    if attr in ("href", "action", "src") and isinstance(found, str):
        found = world.local(found)  # the same path in whichever world the pack runs
    assert found == value, f'"{testid}" has {attr}={element.attrs.get(attr)!r}'


@then(p("the page answers with the status {status:d}"))
def page_status(world: World, status: int) -> None:
    page = open_page(world)
    assert page.status == status, f"{page.url} answered {page.status}"


@then(p("the page is in {language}"))
def page_language(world: World, language: str) -> None:
    """French or Dutch, from the page's lang attribute."""
    page = open_page(world)
    assert page.lang == LANGUAGES[language], f"{page.url} is in {page.lang}"


@then(p('{who:Who} sees the refusal "{code:Q}"'))
def sees_refusal(world: World, who: str, code: str) -> None:
    """The page shows the refusal with that code (see auth/errors.py)."""
    page = open_page(world)
    assert page.refusal() == code, f"{page.url} shows the refusal {page.refusal()!r}, not {code!r}"


@then(p('the refusal says "{text:Q}"'))
def refusal_says(world: World, text: str) -> None:
    page = open_page(world)
    element = page.find("refusal") or page.get("eid-message")
    assert squash(text) in squash(element.text), element.text


@then(p('the contact centre shown is "{email:Q}" at "{phone:Q}"'))
def contact_centre(world: World, email: str, phone: str) -> None:
    """The brand's support mailbox and phone number (BR-2), as links."""
    page = open_page(world)
    assert page.get("support-email").text == email
    assert page.get("support-email").attrs["href"] == f"mailto:{email}"
    assert page.get("support-phone").text == phone


@then(
    p(
        'the web app manifest names "{name:Q}", opens "{start:Q}" standalone and has icons of '
        "{small:d} and {large:d} pixels"
    )
)
def manifest(world: World, name: str, start: str, small: int, large: int) -> None:
    """BR-3: the manifest a phone reads to add the portal to its home screen."""
    page = open_page(world)
    assert page.status == 200, page.status
    data = json.loads(page.html)
    opens = world.local(data["start_url"])
    assert (data["name"], opens, data["display"]) == (name, start, "standalone"), data
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {f"{small}x{small}", f"{large}x{large}"} <= sizes, sizes


@then("the page declares the web app manifest")
def declares_manifest(world: World) -> None:
    """BR-3: the page's head links the brand's manifest and fits a phone's width."""
    page = open_page(world)
    heads = [e for e in page.root.walk() if e.tag in ("link", "meta")]
    links = [e.attrs["href"] for e in heads if e.attrs.get("rel") == "manifest"]
    viewport = [e.attrs.get("content", "") for e in heads if e.attrs.get("name") == "viewport"]
    assert links, f"{page.url} links no web app manifest"
    assert viewport and "width=device-width" in viewport[0], viewport
    brand = page.url.split(world.base_url, 1)[-1].strip("/").split("/")[0]
    answer = requests.get(urljoin(page.url, links[0]), timeout=30)
    assert answer.status_code == 200, answer.text
    assert world.local(answer.json()["scope"]) == f"/{brand}/", answer.text
