"""VA-10 (release note 11, defect 5): the payment screen of an endorsement comes prefilled
with the policy's account, in allowed characters only, so the broker goes on; the
account (IBAN) is given with the payment plan, through the control API or the quote
page in French and Dutch."""

from __future__ import annotations

import html
import re

import pytest

from tests.web import test_vconnect_auto_api as va
from tests.web.test_vconnect_auto import customer, new_quote, sign_in, step, text, vehicle
from tests.web.test_vconnect_auto_api import ROOT, car, create
from tests.web.test_vconnect_auto_payment_plan import endorsements, plan, steps

__all__ = ["customer", "sign_in"]  # fixtures of tests/web/test_vconnect_auto.py
claire = va.claire  # the Vivium broker of the personas, as a fixture of this module
ACCOUNT, PRINTED = "BE71096123456769", "BE71 0961 2345 6769"
OTHER = "BE62510007547061"


def with_account(client, number, value, chosen="annual"):
    return client.post(f"{ROOT}/quotes/{number}/payment-plan", json={"plan": chosen, "iban": value})


def issued_policy(client, claire, person):
    number = create(client, claire, person).get_json()["number"]
    car(client, number)
    assert with_account(client, number, "be71 0961-2345 6769").status_code == 200
    steps(client, number, "offer", "signature", "sign", "issue")
    return number


def test_the_account_is_kept_compact_and_left_out_it_stays(client, claire, person_named):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    car(client, number)
    assert plan(client, number, "annual").get_json()["iban"] is None
    assert with_account(client, number, PRINTED).get_json()["iban"] == ACCOUNT
    kept = plan(client, number, "monthly").get_json()
    assert (kept["iban"], kept["payment_plan"]) == (ACCOUNT, "monthly")


@pytest.mark.parametrize("value", ["BE72096123456769", "BE68539007547034", "IBAN?"])
def test_an_account_that_is_no_iban_is_a_422_naming_the_rule(client, claire, person_named, value):
    number = create(client, claire, person_named("Marc")).get_json()["number"]
    refused = with_account(client, number, value, "monthly")
    assert refused.status_code == 422
    body = refused.get_json()
    assert (body["error"], body["rule"], body["field"]) == ("iban_invalid", "VA-10", "iban")
    assert client.get(f"{ROOT}/quotes/{number}").get_json()["payment_plan"] == "annual"


def test_a_new_account_on_a_policy_is_an_endorsement_the_same_one_changes_nothing(
    client, claire, person_named, db
):
    number = issued_policy(client, claire, person_named("Marc"))
    assert endorsements(db, number) == []
    assert with_account(client, number, ACCOUNT).get_json()["iban"] == ACCOUNT
    assert endorsements(db, number) == []  # the plan and the account it has
    changed = with_account(client, number, OTHER)
    assert changed.status_code == 200 and changed.get_json()["iban"] == OTHER
    assert len(endorsements(db, number)) == 1


@pytest.mark.parametrize(
    ("lang", "label", "shown", "saved"),
    [
        ("fr", "Compte de la domiciliation (IBAN)", f"domiciliation sur le compte {PRINTED}",
         "Fractionnement enregistré."),
        ("nl", "Rekening voor de domiciliëring (IBAN)", f"domiciliëring op rekening {PRINTED}",
         "Betalingsplan opgeslagen."),
    ],
)  # fmt: skip
def test_defect_5_the_endorsement_screen_is_prefilled_and_goes_through_as_it_is(
    client, claire, customer, lang, label, shown, saved
):
    number = issued_policy(client, claire, customer)  # Claire's, signed in to her tool
    page = client.get(f"/vconnect/{lang}/auto/quotes/{number}").get_data(as_text=True)
    assert 'data-testid="policy"' in page
    assert label in html.unescape(page) and shown in text_of(page)
    prefilled = page.split('data-testid="plan-iban"')[1].split(">")[0]
    assert f'value="{PRINTED}"' in prefilled
    # the broker changes the plan and sends the payment screen as it came
    answer = step(client, number, "payment-plan", lang=lang, plan="quarterly", iban=PRINTED)
    assert answer.status_code == 303
    after = client.get(answer.location, follow_redirects=True)
    assert saved in text(after) and shown in text(after)


def test_an_account_refused_on_the_page_says_why_in_french(client, customer):
    number = new_quote(client, customer)
    vehicle(client, number)
    refused = step(client, number, "payment-plan", plan="monthly", iban="BE72096123456769")
    assert refused.status_code == 422
    assert "VA-10 : le compte n'est pas un IBAN valable" in html.unescape(text(refused))


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_a_demo_policy_shows_its_account_prefilled_for_the_trainers(client, customer, db):
    from sqlalchemy import select

    from models import AutoQuote, Contract, ContractStatus
    from models.vconnect_auto import QuoteStatus
    from portal.rules.vconnect_auto import printed_account

    found = db.scalars(
        select(AutoQuote)
        .join(Contract, Contract.id == AutoQuote.contract_id)
        .where(AutoQuote.status == QuoteStatus.ISSUED, Contract.status == ContractStatus.ACTIVE)
        .where(AutoQuote.intermediary_id == customer.contracts[0].intermediary_id)
    ).first()
    assert found is not None and found.iban
    page = client.get(f"/vconnect/fr/auto/quotes/{found.number}").get_data(as_text=True)
    assert f'value="{printed_account(found.iban)}"' in page.split('data-testid="plan-iban"')[1]
