"""VA-8 through the control API: the payment plan changes without the company's
approval, on a quote (its status stays) as on a policy (an endorsement on any date);
an unknown plan is refused naming the rule; a plan changed while drafting new business
still lets the signed proposal become a policy (release note 11, defect 6)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import AutoQuote, AutoQuoteDocument, AutoQuoteEvent
from tests.web import test_vconnect_auto_api as va
from tests.web.test_vconnect_auto_api import ROOT, car, create

PLAN = "{root}/quotes/{number}/payment-plan"
claire = va.claire  # the Vivium broker of the personas, as a fixture of this module


def plan(client, number, value):
    return client.post(PLAN.format(root=ROOT, number=number), json={"plan": value})


def steps(client, number, *names):
    for name in names:
        answer = client.post(f"{ROOT}/quotes/{number}/{name}", json={})
        assert answer.status_code in (200, 201), answer.get_json()
    return answer.get_json()


def endorsements(db, number):
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()
    return db.scalars(
        select(AutoQuoteDocument.name).where(
            AutoQuoteDocument.quote_id == quote.id, AutoQuoteDocument.kind == "endorsement"
        )
    ).all()


def test_va8_a_new_quote_is_paid_once_a_year_and_shows_its_instalment(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    quote = car(client, number).get_json()
    assert quote["payment_plan"] == "annual"
    assert quote["instalment_cents"] == quote["premium_cents"]
    monthly = plan(client, number, "monthly").get_json()
    assert monthly["payment_plan"] == "monthly"
    assert monthly["instalment_cents"] == (monthly["premium_cents"] * 2 + 12) // 24
    assert monthly["premium_cents"] == quote["premium_cents"]


def test_va8_an_approved_quote_stays_approved_after_a_plan_change(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number, value_euro=95_000)
    steps(client, number, "analysis")
    client.post(f"{ROOT}/quotes/{number}/decision", json={"approve": True})
    changed = plan(client, number, "quarterly")
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["status"] == "approved"
    assert steps(client, number, "offer")["status"] == "offered"


def test_va8_a_quote_in_the_company_analysis_is_not_changed(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number, value_euro=95_000)
    steps(client, number, "analysis")
    refused = plan(client, number, "monthly")
    assert refused.status_code == 409 and refused.get_json()["error"] == "quote_not_editable"


def test_defect_6_a_plan_changed_on_new_business_still_becomes_a_policy_after_signing(
    client, claire, person_named, db
):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number)
    steps(client, number, "offer")
    assert plan(client, number, "half_yearly").get_json()["status"] == "offered"
    issued = steps(client, number, "signature", "sign", "issue")
    assert issued["status"] == "issued" and issued["policy"]["status"] == "active"
    assert issued["payment_plan"] == "half_yearly"
    assert endorsements(db, number) == []


def test_va8_a_policy_changes_its_plan_by_an_endorsement_without_the_company(
    client, claire, person_named, db
):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number)
    issued = steps(client, number, "offer", "signature", "sign", "issue")
    changed = plan(client, number, "monthly")
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["status"] == "issued"
    assert changed.get_json()["payment_plan"] == "monthly"
    assert endorsements(db, number) == [f"endorsement-{issued['policy']['number']}.pdf"]
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()
    events = db.scalars(
        select(AutoQuoteEvent.what).where(AutoQuoteEvent.quote_id == quote.id)
    ).all()
    assert events[-1] == "payment_plan_set" and "analysis_asked" not in events
    again = plan(client, number, "monthly")
    assert again.status_code == 200 and len(endorsements(db, number)) == 1


def test_va8_an_ended_policy_gets_no_plan_change(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number)
    steps(client, number, "offer", "signature", "sign", "issue")
    client.post(f"{ROOT}/quotes/{number}/cancellation", json={"ground": "due_date"})
    refused = plan(client, number, "monthly")
    assert refused.status_code == 409 and refused.get_json()["error"] == "policy_ended"


@pytest.mark.parametrize("value", ["weekly", "MONTHLY", "12"])
def test_va8_an_unknown_plan_is_a_422_naming_the_rule(client, claire, person_named, value):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    refused = plan(client, number, value)
    assert refused.status_code == 422
    body = refused.get_json()
    assert (body["error"], body["rule"], body["field"]) == ("payment_plan_unknown", "VA-8", "plan")


@pytest.mark.parametrize("body", [{}, {"plan": 12}, {"plan": "x" * 13}, []])
def test_a_missing_or_malformed_plan_is_a_json_error_never_a_500(
    client, claire, person_named, body
):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    answer = client.post(PLAN.format(root=ROOT, number=number), json=body)
    assert 400 <= answer.status_code < 500 and "error" in answer.get_json()


def test_an_unknown_quote_is_a_404(client):
    answer = plan(client, "VA99999999", "monthly")
    assert answer.status_code == 404 and "error" in answer.get_json()


def test_va8_a_quote_is_created_with_the_plan_asked_for(client, claire, person_named):
    made = create(client, claire, person_named("Marc"), payment_plan="quarterly")
    assert made.status_code == 201 and made.get_json()["payment_plan"] == "quarterly"
    refused = create(client, claire, person_named("Marc"), payment_plan="weekly")
    assert refused.status_code == 422
    assert (refused.get_json()["error"], refused.get_json()["rule"]) == (
        "payment_plan_unknown",
        "VA-8",
    )
    malformed = create(client, claire, person_named("Marc"), payment_plan=4)
    assert malformed.status_code == 422
    assert (malformed.get_json()["error"], malformed.get_json()["field"]) == (
        "invalid_field",
        "payment_plan",
    )
