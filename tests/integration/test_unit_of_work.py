"""The unit of work (portal/transaction.py): one transaction per request, committed once
when the view answers normally, rolled back on an exception, a named domain error, an
error status or `abandon()`; a refusal keeps its counter with `record_refusal()` (RG-2);
a CLI command is one transaction too. Probe views write a fault switch, the smallest row
the simulator has, and the test reads it back in a session of its own."""

from __future__ import annotations

import pytest
from flask import redirect
from sqlalchemy import event, select

from models import Brand, OutboxMessage, SmsChallenge
from models.sim import FaultName, fault_on, set_fault
from portal.backoffice.errors import Conflict
from portal.db import get_session
from portal.transaction import abandon, command_transaction, record_refusal
from tests.web.test_personal_data import MONDAY

FAULT = FaultName.LETTER_LOST


def switched_on(app) -> bool:
    with command_transaction(app) as session:
        return fault_on(session, FAULT)


def _switch_then(outcome):
    def view():
        set_fault(get_session(), FAULT, True)
        get_session().flush()
        return outcome()

    return view


def _raise(exc: Exception):
    def outcome():
        raise exc

    return outcome


def _abandoned():
    abandon()
    return redirect("/")


def _refused():
    record_refusal()
    return "refused", 422


OUTCOMES = {
    "ok": lambda: ("done", 200),
    "redirect": lambda: redirect("/"),
    "conflict": _raise(Conflict("already_done", "Already done.")),
    "bug": _raise(RuntimeError("a bug after the flush")),
    "status": lambda: ("refused", 422),
    "abandoned": _abandoned,
    "refusal": _refused,
}


@pytest.fixture
def probe(app):
    """A client of an app with one probe view per outcome, at /probe/<outcome>."""
    for name, outcome in OUTCOMES.items():
        app.add_url_rule(f"/probe/{name}", f"probe_{name}", _switch_then(outcome))
    return app.test_client()


@pytest.mark.parametrize(("outcome", "status"), [("ok", 200), ("redirect", 302), ("refusal", 422)])
def test_what_a_view_flushed_is_committed_when_it_answers_normally(app, probe, outcome, status):
    assert probe.get(f"/probe/{outcome}").status_code == status
    assert switched_on(app)


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("conflict", 409), ("bug", 500), ("status", 422), ("abandoned", 302)],
)
def test_a_view_that_fails_after_a_flush_leaves_nothing_written(app, probe, outcome, status):
    response = probe.get(f"/probe/{outcome}")
    assert response.status_code == status
    assert "Traceback" not in response.get_data(as_text=True)
    assert not switched_on(app)


def test_a_named_domain_error_under_the_api_answers_its_code_as_json(app):
    def view():
        set_fault(get_session(), FAULT, True)
        raise Conflict("already_done", "Already done.", field="mode")

    app.add_url_rule("/sim/api/probe-conflict", "probe_api_conflict", view)
    response = app.test_client().get("/sim/api/probe-conflict")
    assert response.status_code == 409
    assert response.get_json() == {
        "error": "already_done",
        "message": "Already done.",
        "field": "mode",
    }
    assert not switched_on(app)


def test_a_commit_that_fails_becomes_an_error_page_not_a_silent_loss(app):
    def refuse_commit(_session):
        raise RuntimeError("the database refuses the commit")

    def view():
        db = get_session()
        set_fault(db, FAULT, True)
        event.listen(db, "before_commit", refuse_commit)
        return "done"

    app.add_url_rule("/probe/lost", "probe_lost", view)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the 500 page answers
    response = app.test_client().get("/probe/lost")
    assert response.status_code == 500
    assert "Traceback" not in response.get_data(as_text=True)
    assert not switched_on(app)


def test_a_cli_command_is_one_transaction_rolled_back_when_it_fails(app):
    with pytest.raises(RuntimeError), command_transaction(app) as session:
        set_fault(session, FAULT, True)
        session.flush()
        raise RuntimeError("the command stops")
    assert not switched_on(app)
    with command_transaction(app) as session:
        set_fault(session, FAULT, True)
    assert switched_on(app)


def test_rg2_a_refused_sms_code_still_counts_its_attempt(
    db, freeze, personas, person_named, login, submit
):
    freeze(MONDAY)
    login(person_named("Louise"), Brand.PV, email="louise@example.be", mobile="+32470123456")
    submit("/pv/nl/profile", {"mobile-mobile": "0499 11 22 33"}, action="/pv/nl/profile/mobile")
    challenge = db.scalars(select(SmsChallenge).where(SmsChallenge.mobile == "+32499112233")).one()
    sent = db.get(OutboxMessage, challenge.message_id).code
    wrong = f"{(int(sent) + 1) % 10**6:06d}"
    refused = submit("/pv/nl/profile", {"code-code": wrong}, action="/pv/nl/profile/mobile/confirm")
    assert refused.status_code == 422
    db.expire_all()
    challenge = db.get(SmsChallenge, challenge.id)
    assert challenge.failed_attempts == 1 and challenge.used_at is None
