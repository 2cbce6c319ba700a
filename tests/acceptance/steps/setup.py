"""Setting up the world through the control API: reset, clock, faults, the post."""

from __future__ import annotations

from pytest_bdd import given, parsers, step, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import World


@given("the simulator is reset to the demo personas")
def reset(world: World) -> None:
    """POST /sim/api/reset: the demo personas, the clock running, every fault off."""
    world.close()
    assert world.api.reset() > 0
    world.load_personas()


@step(p('the simulated clock is frozen at "{moment:Q}"'))
def freeze(world: World, moment: str) -> None:
    """PUT /sim/api/clock, frozen: "2026-11-23 09:00" (Brussels time)."""
    answer = world.api.freeze(moment.replace(" ", "T"))
    assert answer["frozen"] is True


@step(p('the fault "{fault:Q}" is switched {enabled:Switch}'))
def fault(world: World, fault: str, enabled: bool) -> None:
    """PUT /sim/api/faults/<name>: itsme_unavailable, eid_reader_missing,
    sms_not_delivered, letter_lost."""
    assert world.api.fault(fault, enabled)[fault] is enabled


@when(parsers.re(r"(?P<amount>\d+) (?P<unit>minutes?|hours?|days?) pass(?:es)?"))
def time_passes(world: World, amount: str, unit: str) -> None:
    """POST /sim/api/clock/advance: "10 minutes pass", "1 day passes", "31 days pass"."""
    value = int(amount)
    if unit.startswith("minute"):
        world.api.advance(hours=value / 60)
    elif unit.startswith("hour"):
        world.api.advance(hours=value)
    else:
        world.api.advance(days=value)


@when("the post delivers every letter in transit")
def deliver(world: World) -> None:
    """POST /sim/api/letters/deliver (lost letters stay lost)."""
    world.api.deliver_letters()
