"""The overview, a contract's page and "I can't find my contract" (CT-1 to CT-5)."""

from __future__ import annotations

import re

from pytest_bdd import then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.html import Page, squash
from tests.acceptance.support.world import PortalRef, World, numbers


def page_of(world: World) -> Page:
    assert world.page is not None, "no page is open"
    return world.page


def shown_numbers(page: Page) -> list[str]:
    return [
        e.testid.removeprefix("contract-")
        for e in page.find_all(prefix="contract-")
        if re.fullmatch(r"contract-\d+", e.testid or "")
    ]


@when(p('{who:Who} opens the contract "{number:Q}" in {portal:Portal}'))
def open_contract(world: World, who: str, number: str, portal: PortalRef) -> None:
    customer = world.customer(who)
    customer.open(customer.space_of(portal), f"/contracts/{number}")


@then(p('the overview shows exactly the contracts "{expected:Q}"'))
def exactly(world: World, expected: str) -> None:
    shown = shown_numbers(page_of(world))
    assert sorted(shown) == sorted(numbers(expected)), shown


@then(p('the overview does not show the contract "{number:Q}"'))
def not_shown(world: World, number: str) -> None:
    assert number not in shown_numbers(page_of(world))


@then(p('the overview shows the theme "{theme:Q}" with the contracts "{expected:Q}"'))
def theme(world: World, theme: str, expected: str) -> None:
    """CT-5: a theme card (pension, mobility, home, family, protection...) and its contracts."""
    card = page_of(world).get(f"theme-{theme}")
    inside = [
        e.testid.removeprefix("contract-")
        for e in card.find_all(prefix="contract-")
        if re.fullmatch(r"contract-\d+", e.testid or "")
    ]
    assert sorted(inside) == sorted(numbers(expected)), inside


@then(p('the theme "{theme:Q}" shows the total "{amount:Q}"'))
def theme_total(world: World, theme: str, amount: str) -> None:
    total = page_of(world).get(f"total-{theme}").text
    assert squash(amount) in squash(total), total


@then(p('the overview shows the contract "{number:Q}" as "{title:Q}"'))
def contract_title(world: World, number: str, title: str) -> None:
    """CT-5: vehicles by make, model and plate; other contracts by product name."""
    link = page_of(world).get(f"contract-{number}")
    assert squash(title) in squash(link.text), link.text


@then("the guarantees on the page are:")
def guarantees(world: World, datatable: list[list[str]]) -> None:
    """CT-3: | guarantee | covered | rows, "covered" or "not covered"."""
    page = page_of(world)
    for code, covered in datatable[1:]:
        row = page.get(f"guarantee-{code}")
        cell = next(e for e in row.walk() if "data-covered" in e.attrs)
        expected = "yes" if covered == "covered" else "no"
        assert cell.attrs["data-covered"] == expected, f"{code}: {cell.attrs['data-covered']}"


@then(p('the page lists the hidden contract "{number:Q}" with the reason "{reason:Q}"'))
def hidden(world: World, number: str, reason: str) -> None:
    """CT-4: the contract on "I can't find my contract", with the reason's code."""
    row = page_of(world).get(f"hidden-{number}")
    assert row.attrs.get("data-reason") == reason, row.attrs


@then(p('the reason given for "{number:Q}" is "{text:Q}"'))
def hidden_text(world: World, number: str, text: str) -> None:
    row = page_of(world).get(f"hidden-{number}")
    assert squash(text) in squash(row.text), row.text
