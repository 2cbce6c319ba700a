"""VA-5 on V-Connect Auto's screens and in its control API: the broker chooses the return
slip's term (30, 45, 60 or 90 days, 30 by default) on the new quote, may change it while
the quote is being changed, and reads it with the deadline of the policy; any other value
is refused, in French and Dutch on the screens, as a 400 with a stable code in the API."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from models import AutoQuote, Contract
from tests.web.test_vconnect_auto import customer, new_quote, post, sign_in, step, text, vehicle
from tests.web.test_vconnect_auto_api import claire, create

__all__ = ["claire", "customer", "sign_in"]  # fixtures used by name
TERM_TEXTS = {
    "fr": {30: "dernier jour du mois de l'échéance, plus 30 jours", 60: "60 jours"},
    "nl": {30: "laatste dag van de maand van de vervaldag, plus 30 dagen", 60: "60 dagen"},
}
REFUSED = {"fr": "VA-5 : le délai du bordereau de retour est de 30, 45, 60 ou 90 jours.",
           "nl": "VA-5: de termijn van het retourborderel is 30, 45, 60 of 90 dagen."}  # fmt: skip


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def quotes_of(db, person) -> int:
    return db.scalar(select(func.count()).select_from(AutoQuote).where(
        AutoQuote.person_id == person.id))  # fmt: skip


def quote_of(db, number: str) -> AutoQuote:
    db.expire_all()
    return db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_va5_the_new_quote_form_offers_the_four_terms_with_30_days_chosen(client, customer, lang):
    page = client.get(f"/vconnect/{lang}/auto/new").get_data(as_text=True)
    assert 'data-testid="term-days"' in page
    for days in (30, 45, 60, 90):
        assert f'<option value="{days}"' in page
    assert '<option value="30" selected>' in page


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_va5_the_chosen_term_is_kept_and_shown_on_the_quote(client, customer, db, lang):
    number = new_quote(client, customer, lang=lang, term_days="60")
    assert quote_of(db, number).term_days == 60
    page = text(client.get(f"/vconnect/{lang}/auto/quotes/{number}"))
    assert TERM_TEXTS[lang][60] in page


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("bad", ["0", "31", "120", "abc"])
def test_va5_another_term_is_refused_in_the_readers_language(client, customer, db, lang, bad):
    data = {"who": "existing", "person_id": customer.id, "line": "private", "use": "private",
            "bonus_malus": "0", "term_days": bad}  # fmt: skip
    response = post(client, f"/vconnect/{lang}/auto/new", data)
    assert response.status_code == 422 and REFUSED[lang] in text(response)
    assert quotes_of(db, customer) == 0


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_va5_the_broker_changes_the_term_of_a_draft_and_reads_it(client, customer, db, lang):
    number = new_quote(client, customer, lang=lang)
    assert TERM_TEXTS[lang][30] in text(client.get(f"/vconnect/{lang}/auto/quotes/{number}"))
    changed = step(client, number, "term", lang=lang, term_days="60")
    assert changed.status_code == 303 and quote_of(db, number).term_days == 60
    refused = step(client, number, "term", lang=lang, term_days="31")
    assert refused.status_code == 422 and REFUSED[lang] in text(refused)
    assert quote_of(db, number).term_days == 60


def test_va5_the_policy_shows_its_term_and_the_deadline_that_follows(client, customer, db):
    number = new_quote(client, customer, term_days="45")
    vehicle(client, number)
    for action in ("offer", "signature"):
        step(client, number, action)
    post(client, f"/vconnect/fr/sign/{quote_of(db, number).sign_token}", {})
    step(client, number, "finalise")
    contract = db.get(Contract, quote_of(db, number).contract_id)
    html = client.get(f"/vconnect/fr/auto/quotes/{number}").get_data(as_text=True)
    deadline = (contract.renewal_date + timedelta(days=45)).strftime("%d/%m/%Y")
    shown = re.search(r'data-testid="quote-deadline">(.*?)</p>', html)
    assert shown and deadline in shown.group(1)
    assert "45 jours : la date d'échéance plus 45 jours" in unescape(text_of(html))
    assert 'data-testid="term-form"' not in html


@pytest.mark.parametrize(("given", "term"), [(90, 90), ("45", 45), (None, 30), ("", 30)])
def test_va5_the_api_creates_a_quote_with_the_chosen_term(client, claire, person_named, given,
                                                          term):  # fmt: skip
    made = create(client, claire, person_named("Marc"), term_days=given)
    assert made.status_code == 201 and made.get_json()["term_days"] == term
    assert create(client, claire, person_named("Marc")).get_json()["term_days"] == 30


@pytest.mark.parametrize("bad", [0, 31, 120, "abc", "120", True, 45.5, [45]])
def test_va5_the_api_refuses_another_term_with_a_400(client, claire, person_named, db, bad):
    marc = person_named("Marc")
    before = quotes_of(db, marc)
    refused = create(client, claire, marc, term_days=bad)
    body = refused.get_json()
    assert refused.status_code == 400, body
    assert (body["error"], body["rule"], body["field"]) == (
        "term_days_invalid",
        "VA-5",
        "term_days",
    )
    assert quotes_of(db, marc) == before
