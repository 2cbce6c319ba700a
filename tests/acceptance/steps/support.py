"""The support desk of myvivium@vivium.be and mypv@pv.be: reports of registration
problems, the merge of duplicated records, answers, and the intermediaries' requests
(RG-5, DC-2, DC-3)."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from tests.acceptance.steps.grammar import p
from tests.acceptance.support.world import SCREENSHOT, PortalRef, World


def current_request(world: World) -> dict:
    assert world.support_request is not None, "no support request in this scenario yet"
    return world.support_request


@when(p('{who:Who} reports the problem to support with the email "{email:Q}" and a screenshot'))
def report(world: World, who: str, email: str) -> None:
    """The report form under a refusal: the email to use, a message, a PNG screenshot."""
    page = world.customer(who).report_problem(email)
    assert page.find("report-done") is not None, f"the report was not sent: {page.url}"


@then(p('the support desk of {portal:Portal} has an open request "{kind:Q}" from "{email:Q}"'))
def open_request(world: World, portal: PortalRef, kind: str, email: str) -> None:
    """GET /sim/api/support?brand=..&kind=..&status=open: the request, read in full."""
    found = [
        r
        for r in world.api.support_requests(brand=portal.brand, kind=kind, status="open")
        if r["email"] == email
    ]
    assert found, f"no open {kind} from {email} in the {portal.brand} mailbox"
    world.support_request = world.api.support_request(found[0]["id"])


@then(p('the request reached the mailbox "{mailbox:Q}"'))
def request_mailbox(world: World, mailbox: str) -> None:
    assert current_request(world)["mailbox"] == mailbox


@then(p('the request shows the error "{code:Q}" and the screenshot'))
def request_error(world: World, code: str) -> None:
    request = current_request(world)
    assert request["error_code"] == code, request
    assert request["screenshot_url"], "the request has no screenshot"
    assert world.api.screenshot(request["id"]) == SCREENSHOT


@then(p('the request comes from the intermediary, for "{email:Q}"'))
def request_by(world: World, email: str) -> None:
    """Asked by the broker or agent; support answers to the customer's address."""
    request = current_request(world)
    assert (request["requested_by"], request["email"]) == ("broker", email), request


@when("support opens the request in the console")
def console_request(world: World) -> None:
    world.page = world.api.console(f"/support/{current_request(world)['id']}")


@when(p("support merges the duplicate records of {who:Who}"))
def merge(world: World, who: str) -> None:
    """POST /sim/api/support/<id>/merge with the customer's national number (support
    finds the records in the back office): one record kept, the customer told by email."""
    number = world.customer(who).persona.national_number
    answer = world.api.support_act(
        current_request(world)["id"], "merge", {"national_number": number}
    )
    assert answer["result"]["removed_person_ids"], answer
    world.support_request = answer["request"]
    world.load_personas()


@when(p('support answers the request with "{text:Q}"'))
def answer(world: World, text: str) -> None:
    result = world.api.support_act(current_request(world)["id"], "answer", {"text": text})
    world.support_request = result["request"]


@when(parsers.re(r"support (?P<action>approves|refuses|revokes) the request"))
def decide(world: World, action: str) -> None:
    """A paper-mail exception decided by hand (DC-3)."""
    verb = {"approves": "approve", "refuses": "refuse", "revokes": "revoke"}[action]
    result = world.api.support_act(current_request(world)["id"], verb, {"note": "Acceptance pack"})
    world.support_request = result["request"]


@when("support marks the request as sent")
def mark_sent(world: World) -> None:
    """DC-2: the internal service emails the missing document to the customer."""
    result = world.api.support_act(current_request(world)["id"], "sent")
    world.support_request = result["request"]


@then(p('the request is "{status:Q}"'))
def request_status(world: World, status: str) -> None:
    request = world.api.support_request(current_request(world)["id"])
    assert request["status"] == status, request
