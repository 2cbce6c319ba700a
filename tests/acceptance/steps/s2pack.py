"""The VIVIUM S² Pack through the control API: a Vivium car contract, the pack, what
the box reports, and what the customer receives (S2-1..S2-8)."""

from __future__ import annotations

from pytest_bdd import given, then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import World


@given(p('a Dutch-speaking Vivium car customer with the mobile "{mobile:Q}" and the contract "{number:Q}" with the S² Pack'))  # fmt: skip
def car_with_pack(world: World, mobile: str, number: str) -> None:
    """POST /sim/api/customers with `s2_pack` on the car contract: the welcome SMS goes."""
    world.api.call(
        "POST",
        "/customers",
        expect=201,
        json={
            "brand": "vivium",
            "language": "nl",
            "mobile": mobile,
            "contracts": [
                {
                    "product": "car",
                    "number": number,
                    "status": "active",
                    "covered": ["civil_liability"],
                    "s2_pack": True,
                }
            ],
        },
    )


@when(p('the customer says the box of "{number:Q}" is installed'))
def installed(world: World, number: str) -> None:
    world.api.call("POST", f"/s2pack/{number}/install", json={"by": "customer"})


@when(p('the box of "{number:Q}" records an impact of "{g:Q}" g in Belgium, the car stopped, and nobody answers'))  # fmt: skip
def impact(world: World, number: str, g: str) -> None:
    body = {"g": float(g), "in_belgium": True, "stopped": True, "answered": False}
    world.api.call("POST", f"/s2pack/{number}/impact", json=body)


@when(p('the box of "{number:Q}" records an impact of "{g:Q}" g abroad'))
def impact_abroad(world: World, number: str, g: str) -> None:
    body = {"g": float(g), "in_belgium": False, "stopped": True, "answered": False}
    world.api.call("POST", f"/s2pack/{number}/impact", json=body)


@when(p('the box of "{number:Q}" reports an anomaly'))
def anomaly(world: World, number: str) -> None:
    world.api.call("POST", f"/s2pack/{number}/anomaly")


@when(p('the customer stops the S² Pack of "{number:Q}"'))
def stop(world: World, number: str) -> None:
    world.api.call("POST", f"/s2pack/{number}/end")


@then(p('the S² Pack of "{number:Q}" is "{stage:Q}"'))
def stage_is(world: World, number: str, stage: str) -> None:
    assert world.api.get(f"/s2pack/{number}")["stage"] == stage


@then(p('the S² log of "{number:Q}" ends with "{kinds:Q}"'))
def log_ends(world: World, number: str, kinds: str) -> None:
    wanted = [k.strip() for k in kinds.split(",")]
    found = [e["kind"] for e in world.api.get(f"/s2pack/{number}")["log"]]
    assert found[-len(wanted) :] == wanted, found


@then(p('the SMS "{kind:Q}" went to "{mobile:Q}" saying "{text:Q}"'))
def sms_saying(world: World, kind: str, mobile: str, text: str) -> None:
    found = [m for m in world.outbox(channel="sms", kind=kind) if m["recipient"] == mobile]
    assert found, f"no {kind} to {mobile}"
    assert any(text in m["body"] for m in found), found[0]["body"]


@then(p('no SMS "{kind:Q}" went out'))
def no_sms(world: World, kind: str) -> None:
    assert world.outbox(channel="sms", kind=kind) == []


@then(p('a letter "{kind:Q}" was posted "{count:Q}" times'))
def letters_posted(world: World, kind: str, count: str) -> None:
    assert len(world.outbox(channel="letter", kind=kind)) == int(count)


@when(p('the box of "{number:Q}" reports the battery "{what:Q}"'))
def battery(world: World, number: str, what: str) -> None:
    """S2-4: `POST .../battery` with `what`: low or disconnected."""
    world.api.call("POST", f"/s2pack/{number}/battery", json={"what": what})


@when(p('the customer asks to track the car of "{number:Q}" after a theft'))
def theft(world: World, number: str) -> None:
    """S2-3: `POST .../theft`; keeps the answer, a refusal (409) included."""
    world.theft_answer = world.api.call("POST", f"/s2pack/{number}/theft", expect=(200, 409))


@then(p('the theft tracking is refused with "{code:Q}"'))
def theft_refused(world: World, code: str) -> None:
    assert world.theft_answer.get("error") == code, world.theft_answer


@then(p('the theft tracking gives the steps "{steps:Q}"'))
def theft_steps(world: World, steps: str) -> None:
    wanted = [s.strip() for s in steps.split(",")]
    assert world.theft_answer.get("steps") == wanted, world.theft_answer


@then(p('the S² log of "{number:Q}" holds no "{kind:Q}"'))
def log_lacks(world: World, number: str, kind: str) -> None:
    found = [e["kind"] for e in world.api.get(f"/s2pack/{number}")["log"]]
    assert kind not in found, found
