"""What the simulated post, SMS gateway and mail server carried: the outbox."""

from __future__ import annotations

from pytest_bdd import then

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.html import squash
from tests.acceptance.support.world import World


def says(message: dict, text: str) -> bool:
    return squash(text) in squash(f"{message['subject']}\n{message['body']}")


@then(p('the outbox holds an email "{kind:Q}" to "{email:Q}" saying "{text:Q}"'))
def email_saying(world: World, kind: str, email: str, text: str) -> None:
    """An email of that kind (welcome_email, support_answer, registration_solved_email,
    document_sent_email, new_document_email) to that address, with that text (emails
    arrive at once)."""
    found = [m for m in world.outbox(channel="email", kind=kind) if m["recipient"] == email]
    assert found, f"no {kind} to {email}: {[m['recipient'] for m in world.outbox(kind=kind)]}"
    found = [m for m in found if m["status"] == "delivered"]
    assert any(says(m, text) for m in found), f'no {kind} to {email} says "{text}": {found[0]}'


@then(p('the outbox holds a letter "{kind:Q}" to {who:Who} saying "{text:Q}"'))
def letter_saying(world: World, kind: str, who: str, text: str) -> None:
    """A delivered letter of that kind to the persona, with that text (a letter in
    transit is sealed: let the post deliver it first)."""
    name = world.customer(who).persona.name
    found = world.outbox(channel="letter", kind=kind, recipient=name)
    assert found, f"no {kind} letter to {name}"
    arrived = [m for m in found if m["status"] == "delivered"]
    assert arrived, f"no {kind} letter to {name} delivered yet (sealed until then): {found[0]}"
    assert any(says(m, text) for m in arrived), f'no {kind} to {name} says "{text}": {found[0]}'


@then(p('the outbox holds no "{kind:Q}" message'))
def no_kind(world: World, kind: str) -> None:
    found = world.outbox(kind=kind)
    assert found == [], found


@then(p('the only messages in the outbox are "{kinds:Q}"'))
def only_kinds(world: World, kinds: str) -> None:
    """Every message since the reset is of one of these kinds (comma separated): nobody
    else, no broker or agent, was sent anything."""
    wanted = {k.strip() for k in kinds.split(",")}
    found = {m["kind"] for m in world.outbox()}
    assert found <= wanted, f"the outbox also holds {sorted(found - wanted)}"
