"""My details: contact changes made in the portal (PD-1, PD-2, RG-7)."""

from __future__ import annotations

import re

from pytest_bdd import when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import PortalRef, World


def split_address(address: str) -> dict[str, str]:
    """ "Bondgenotenlaan 5, 3000 Leuven" as the address form's fields."""
    match = re.fullmatch(r"(.+) (\S+), (\d{4}) (.+)", address.strip())
    assert match, f"write the address as 'Street 12, 1000 City', not {address!r}"
    street, number, postcode, city = match.groups()
    return {
        "address-street": street,
        "address-house_number": number,
        "address-postcode": postcode,
        "address-city": city,
    }


@when(p('{who:Who} changes the address in {portal:Portal} to "{address:Q}"'))
def change_address(world: World, who: str, portal: PortalRef, address: str) -> None:
    """On "My details": street and number, postcode and municipality."""
    customer = world.customer(who)
    customer.open(customer.space_of(portal), "/profile")
    customer.submit("address-form", split_address(address))


@when(p('{who:Who} changes the email in {portal:Portal} to "{email:Q}"'))
def change_email(world: World, who: str, portal: PortalRef, email: str) -> None:
    customer = world.customer(who)
    space = customer.space_of(portal)
    customer.open(space, "/profile")
    page = customer.submit("email-form", {"email-email": email})
    if page.refusal() is None:
        customer.emails[space.brand] = email
