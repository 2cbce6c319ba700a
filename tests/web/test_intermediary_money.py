"""Money in the intermediaries' tools: the amount, then the euro sign, in Dutch and in
French alike (seed 001's Dutch tool shows "504,92€"; Babel's nl_BE would put the sign
first). The customer portals keep their own formatting."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from models import Intermediary
from tests.conftest import csrf_token

NBSP = "\u00a0"


@pytest.fixture
def annelies(client, personas, db):
    """Annelies Wouters (P&V agent, Louise's intermediary) signed in through the picker."""
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "4000101")).one()
    page = client.get("/connect360/nl/signin").get_data(as_text=True)
    response = client.post(
        "/connect360/nl/signin/pick",
        data={"csrf_token": csrf_token(page), "intermediary_id": me.id},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_a_policy_page_shows_the_premium_as_amount_then_euro_sign(client, annelies, lang):
    page = client.get(f"/connect360/{lang}/policies/3654654").get_data(as_text=True)
    premium = re.search(r'data-testid="annual-premium">([^<]+)<', page).group(1)
    assert premium == f"504,92{NBSP}€"
    assert "€ 504" not in page and f"€{NBSP}504" not in page and "EUR" not in page


def test_a_life_policy_groups_thousands_the_dutch_way(client, annelies):
    page = client.get("/connect360/nl/policies/8890079").get_data(as_text=True)
    assert f"9.114,36{NBSP}€" in page
    assert f"€{NBSP}9" not in page


def test_the_customer_portal_keeps_its_own_money_format(client, annelies):
    """Only the tools changed: the customer portals' filter is untouched."""
    from portal.views.context import money

    with client.application.test_request_context("/pv/nl/"):
        from flask import g

        g.lang = "nl"
        assert money(50492) == f"€{NBSP}504,92"
