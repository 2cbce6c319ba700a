"""The post and the phone as the customer knows them: a letter in transit is sealed, a
lost letter or an SMS never delivered is never read, and a code works only once it
arrived (RG-1, RG-2, RG-6). The clock moves to the next scheduled event like the
console's "advance to the next event"."""

from __future__ import annotations

from datetime import datetime

from pytest_bdd import then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.steps.registration import newest_letter
from tests.acceptance.support.world import Customer, PortalRef, World


def moment(text: str) -> str:
    """ "2026-04-08 08:00" as the API writes it."""
    return datetime.fromisoformat(text.replace(" ", "T")).isoformat()


def sms_to(world: World, customer: Customer) -> dict:
    messages = world.outbox(channel="sms", recipient=customer.persona.mobile_e164)
    return world.newest(messages, f"SMS to {customer.persona.mobile_e164}")


def revealed(world: World, message: dict) -> dict:
    """The same message through the option that breaks realism."""
    found = world.api.outbox_revealed(channel=message["channel"])
    shown = next(m for m in found if m["id"] == message["id"])
    assert shown["revealed"] is True and shown["code"], shown
    return shown


@then(p('the activation letter to {who:Who} is in transit until "{at:Q}"'))
def letter_in_transit(world: World, who: str, at: str) -> None:
    """The newest activation letter is on its way, expected at that Brussels time
    (`2026-04-08 08:00`), and sealed: no subject, body or code."""
    letter = newest_letter(world, world.customer(who))
    assert letter["status"] == "in_transit", letter
    assert letter["expected_at"] == moment(at), letter["expected_at"]
    assert (letter["subject"], letter["body"], letter["code"]) == (None, None, None), letter


@when(p("{who:Who} finds the activation letter in the letterbox"))
def finds_letter(world: World, who: str) -> None:
    """Without the post being hurried: the newest activation letter must already be
    delivered by the clock; the customer reads its code."""
    customer = world.customer(who)
    letter = newest_letter(world, customer)
    assert letter["status"] == "delivered", f"not in the letterbox yet: {letter}"
    assert letter["code"] and letter["code"] in letter["body"], letter
    customer.letter_codes.append(letter["code"])


@when(
    p("{who:Who} activates the account in {portal:Portal} with the code of the undelivered letter")
)
def activate_undelivered(world: World, who: str, portal: PortalRef) -> None:
    """Step 2 with the code of the newest letter, read with `reveal=undelivered` while it
    is in transit or lost: a code the customer cannot have."""
    customer = world.customer(who)
    letter = newest_letter(world, customer)
    assert letter["status"] != "delivered" and letter["code"] is None, letter
    customer.activate(customer.space_of(portal), revealed(world, letter)["code"])


@then(p("the SMS to {who:Who} is not delivered"))
def sms_not_delivered(world: World, who: str) -> None:
    """The newest SMS to the persona's mobile never arrives (fault `sms_not_delivered`)
    and cannot be read."""
    sms = sms_to(world, world.customer(who))
    assert sms["status"] == "not_delivered" and sms["code"] is None, sms


@when(p("{who:Who} enters the code of the undelivered SMS"))
def enter_undelivered_sms(world: World, who: str) -> None:
    """The code of that SMS, read with `reveal=undelivered`, typed on the SMS page."""
    customer = world.customer(who)
    customer.enter_sms(revealed(world, sms_to(world, customer))["code"])


@when("the simulated clock moves to the next event")
def next_event(world: World) -> None:
    """POST /sim/api/clock/next-event: the console's "advance to the next event"."""
    world.api.next_event()


@then(p('the next event is "{kind:Q}" at "{at:Q}"'))
def next_event_is(world: World, kind: str, at: str) -> None:
    """GET /sim/api/events: the earliest scheduled event (`letter_delivery`,
    `activation_code_expiry`, `sms_code_expiry`, `session_idle_expiry`, ...)."""
    events = world.api.events()
    assert events, "nothing is scheduled"
    assert (events[0]["kind"], events[0]["at"]) == (kind, moment(at)), events[0]


@then(p('the simulated time is "{at:Q}"'))
def time_is(world: World, at: str) -> None:
    assert world.api.clock()["now"] == moment(at)
