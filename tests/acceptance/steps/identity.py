"""itsme and the eID card reader: first login and account creation (RG-1, RG-3), and
what goes wrong (cancel, timeout, unavailable, wrong PIN, blocked or expired card)."""

from __future__ import annotations

from pytest_bdd import given, then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import PortalRef, World


@when(p("{who:Who} logs in to {portal:Portal} with itsme"))
def itsme_confirm(world: World, who: str, portal: PortalRef) -> None:
    """ "Continue with itsme", then confirm on the phone with the persona's own national
    number; the portal answers with the account form, the overview or a refusal."""
    customer = world.customer(who)
    customer.itsme(customer.space_of(portal), "confirm")


@when(p("{who:Who} starts an itsme login in {portal:Portal} and cancels on the phone"))
def itsme_cancel(world: World, who: str, portal: PortalRef) -> None:
    customer = world.customer(who)
    customer.itsme(customer.space_of(portal), "cancel")


@when(p("{who:Who} starts an itsme login in {portal:Portal} and lets it time out on the phone"))
def itsme_timeout(world: World, who: str, portal: PortalRef) -> None:
    customer = world.customer(who)
    customer.itsme(customer.space_of(portal), "timeout")


@when(p("{who:Who} opens the itsme answer again"))
def itsme_replay(world: World, who: str) -> None:
    """The browser's back button to itsme's answer (the callback URL with its code): an
    answer is used once."""
    customer = world.customer(who)
    assert customer.itsme_answer, f"{customer.name} has had no answer from itsme"
    brand = customer.itsme_answer.split(world.base_url, 1)[-1].strip("/").split("/")[0]
    customer.get(customer.space(brand), customer.itsme_answer)


@when(
    p('{who:Who} inserts the eID card in the reader of {portal:Portal} and types the PIN "{pin:Q}"')
)
def eid_pin(world: World, who: str, portal: PortalRef, pin: str) -> None:
    """The persona's own card in the simulated reader; every card's PIN is 1234."""
    customer = world.customer(who)
    customer.insert_card(customer.space_of(portal), pin)


@when(p('{who:Who} types the PIN "{pin:Q}" again'))
def eid_pin_again(world: World, who: str, pin: str) -> None:
    """Another PIN for the card still in the reader."""
    customer = world.customer(who)
    space = customer.current_space()
    customer.insert_card(space, pin)


@when(p("{who:Who} opens the eID reader of {portal:Portal}"))
def eid_reader(world: World, who: str, portal: PortalRef) -> None:
    """The reader window, searched by the persona's last name."""
    customer = world.customer(who)
    last_name = customer.persona.name.split(" ")[-1]
    customer.open(customer.space_of(portal), f"/login/eid?q={last_name}")


@then(p('the reader shows the card of {who:Who} as "{status:Q}"'))
def card_status(world: World, who: str, status: str) -> None:
    """valid, blocked or expired."""
    number = world.customer(who).persona.national_number
    page = world.page
    assert page is not None
    cards = [c for c in page.find_all("eid-card") if c.attrs.get("data-national-number") == number]
    assert cards, f"the card {number} is not in the reader"
    badge = cards[0].find("eid-card-status")
    assert badge is not None and badge.attrs.get("data-status") == status, badge


@then(p("{who:Who} is told {count:d} tries are left"))
def tries_left(world: World, who: str, count: int) -> None:
    page = world.page
    assert page is not None
    assert page.get("eid-tries-left").attrs.get("data-tries-left") == str(count)


@when(p('{who:Who} creates the account with the email "{email:Q}" and accepts digital documents'))
def create_account(world: World, who: str, email: str) -> None:
    """The form after a first itsme or eID login: email and consent (RG-3)."""
    world.customer(who).create_identity_account(email, consent=True)


@when(
    p(
        '{who:Who} creates the account with the email "{email:Q}" without accepting digital '
        "documents"
    )
)
def create_account_no_consent(world: World, who: str, email: str) -> None:
    world.customer(who).create_identity_account(email, consent=False)


def register_with_identity(world: World, who: str, portal: PortalRef, way: str, email: str | None):
    customer = world.customer(who)
    space = customer.space_of(portal)
    page = customer.insert_card(space, "1234") if way == "eID" else customer.itsme(space, "confirm")
    assert page.find("identity-form") is not None, f"{way} refused: {page.refusal()} ({page.url})"
    page = customer.create_identity_account(email or customer.persona.default_email)
    assert page.find("welcome") is not None, f"no overview after registering: {page.url}"


@given(p("{who:Who} has registered in {portal:Portal} with eID"))
def has_registered_eid(world: World, who: str, portal: PortalRef) -> None:
    """eID card and PIN, then the account form with `<key>@example.be` and the consent;
    the customer is logged in afterwards."""
    register_with_identity(world, who, portal, "eID", None)


@given(p('{who:Who} has registered in {portal:Portal} with eID as "{email:Q}"'))
def has_registered_eid_as(world: World, who: str, portal: PortalRef, email: str) -> None:
    register_with_identity(world, who, portal, "eID", email)


@given(p("{who:Who} has registered in {portal:Portal} with itsme"))
def has_registered_itsme(world: World, who: str, portal: PortalRef) -> None:
    register_with_identity(world, who, portal, "itsme", None)
