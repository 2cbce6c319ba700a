"""V-Connect Auto in the broker's tool and through the control API (VA-1..VA-10): a car
quote from its first screen to the policy, each refusal with its message."""

from __future__ import annotations

import re

from pytest_bdd import given, then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.steps.intermediary_tools import TIMEOUT, desk, show
from tests.acceptance.support.world import World

AUTO = "/sim/api/vconnect-auto"
MANUAL = {"kind": "car", "make": "Renault", "model": "Clio", "year": "2025", "power_kw": "74",
          "value_euro": "21000", "plate": "1ABC234", "vin": "VF1RJA00012345678"}  # fmt: skip


def _post(world: World, testid: str, data: dict) -> None:
    d, page = desk(world), world.page
    form = page.form_of(testid)
    show(world, d.http.post(page.action_of(form), data={**form.inputs(), **data},
                            timeout=TIMEOUT))  # fmt: skip


def _quote_page(world: World) -> None:
    d = desk(world)
    show(world, d.http.get(world.url(f"{d.base}/auto/quotes/{world.va_quote}"), timeout=TIMEOUT))


@when(p("the broker starts a car quote for {who:Who} for the use \"{use:Q}\" on the \"{line:Q}\" line"))  # fmt: skip
def start_quote(world: World, who: str, use: str, line: str) -> None:
    """The tool's "New car quote" form, for a customer of the broker's portfolio."""
    d = desk(world)
    person_id = world.refresh_persona(world.customer(who)).person_id
    show(world, d.http.get(world.url(f"{d.base}/auto/new"), timeout=TIMEOUT))
    _post(world, "new-quote-form", {"who": "existing", "person_id": str(person_id),
                                    "use": use, "line": line, "bonus_malus": "0"})  # fmt: skip
    found = re.search(r"/auto/quotes/(VA\d+)", world.page.url)
    world.va_quote = found.group(1) if found else None


@when(p('the broker enters the vehicle by hand with plate "{plate:Q}" and chassis number "{vin:Q}"'))  # fmt: skip
def vehicle_by_hand(world: World, plate: str, vin: str) -> None:
    _quote_page(world)
    _post(world, "vehicle-form", {**MANUAL, "plate": plate, "vin": vin})


@when(p('the broker enters by hand a motorhome of "{kg:Q}" kg'))
def motorhome(world: World, kg: str) -> None:
    _quote_page(world)
    _post(world, "vehicle-form", {**MANUAL, "kind": "motorhome", "mass_kg": kg})


@when(p('the broker enters by hand a "{kind:Q}" of the year "{year:Q}"'))
def vehicle_kind(world: World, kind: str, year: str) -> None:
    _quote_page(world)
    _post(world, "vehicle-form", {**MANUAL, "kind": kind, "year": year, "plate": "SAB123"})


@when(p('the broker chooses the guarantee "{code:Q}"'))
def choose(world: World, code: str) -> None:
    _quote_page(world)
    _post(world, "guarantees-form", {"guarantees": code})


@then(p('the tool refuses it saying "{text:Q}"'))
def refused(world: World, text: str) -> None:
    assert world.page.status == 422, world.page.status
    assert text in world.page.get("refusal").text, world.page.get("refusal").text


@then("the quote page shows that Informex does not answer and offers manual entry")
def informex_down(world: World) -> None:
    _quote_page(world)
    assert world.page.find("informex-down") is not None
    assert world.page.find("vehicle-form") is not None


@then(p('the quote is saved with an annual premium, its status "{status:Q}"'))
def saved(world: World, status: str) -> None:
    assert world.page.status == 200, world.page.status
    assert status in world.page.get("quote-status").text
    assert world.page.get("premium-total").text.strip()


@given(p('the broker "{number:Q}" has a quote through the API for {who:Who} for a car worth "{euro:Q}" euro'))  # fmt: skip
def api_quote(world: World, number: str, who: str, euro: str) -> None:
    """POST /sim/api/vconnect-auto/quotes, then PUT .../vehicle by hand."""
    listed = world.api.get("/intermediaries", brand="vivium")["intermediaries"]
    broker = next(i for i in listed if i["producer_number"] == number)
    person_id = world.refresh_persona(world.customer(who)).person_id
    quote = world.api.call("POST", "/vconnect-auto/quotes", expect=201, json={
        "intermediary_id": broker["id"], "person_id": person_id, "line": "private",
        "use": "private", "bonus_malus": 1})  # fmt: skip
    world.va_quote = quote["number"]
    vehicle = {**MANUAL, "year": 2024, "power_kw": 74, "value_euro": int(euro)}
    world.api.call("PUT", f"/vconnect-auto/quotes/{world.va_quote}/vehicle", json=vehicle)


@when(p('the quote takes the step "{step:Q}" through the API'))
def api_step(world: World, step: str) -> None:
    """POST .../analysis, .../offer, .../signature, .../sign, .../issue, .../duplicate."""
    world.va_answer = world.api.call(
        "POST", f"/vconnect-auto/quotes/{world.va_quote}/{step}", expect=(200, 201, 409), json={}
    )


@when("the company approves the quote through the API")
def approve(world: World) -> None:
    world.va_answer = world.api.call("POST", f"/vconnect-auto/quotes/{world.va_quote}/decision",
                                     json={"approve": True})  # fmt: skip


@when(p("the quote chooses material damage with the English excess through the API"))
def english_excess(world: World) -> None:
    world.va_answer = world.api.call(
        "PUT", f"/vconnect-auto/quotes/{world.va_quote}/guarantees",
        json={"guarantees": ["material_damage"], "english_excess": True},
    )  # fmt: skip


@then(p('the API answers the error "{code:Q}"'))
def api_error(world: World, code: str) -> None:
    assert world.va_answer.get("error") == code, world.va_answer


@then(p('the quote\'s status is "{status:Q}"'))
def api_status(world: World, status: str) -> None:
    assert world.va_answer["status"] == status, world.va_answer


@then("the English excess surcharge is its own line at half the material damage")
def surcharge(world: World) -> None:
    lines = {line["code"]: line["cents"] for line in world.va_answer["premium_lines"]}
    assert lines["english_excess"] == round(lines["material_damage"] / 2), lines


@then(p('the policy\'s return slip deadline is "{day:Q}"'))
def deadline(world: World, day: str) -> None:
    assert world.va_answer["policy"]["return_slip_deadline"] == day, world.va_answer


@then("the copy is a new draft made from the analysed quote")
def copy(world: World) -> None:
    assert world.va_answer["status"] == "draft"
    assert world.va_answer["duplicated_from"] == world.va_quote
