"""V-Connect Auto's pages (issue 16) run a fixed number of SQL statements, however many
quotes, events and documents the broker has: the business overview ("overzicht zaken",
VA-10), a quote's page and an issued policy's page."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from models import AutoQuote, Intermediary
from models.vconnect_auto import QuoteStatus
from tests.conftest import csrf_token
from tests.web.test_query_counts import counted

CLAIRE = "8000201"
#: Every page reads the signed-in broker with the tool's "seen" row of the console's
#: watch page in one statement (issue 12), then writes that row. The overview: the broker's quotes with their
#: customers and policies in one query. A quote: the quote, its events, its customer,
#: its documents and the Informex fault switch (VA-4); an issued one its policy too.
EXACT_STATEMENTS = {"overview": 3, "draft": 7, "issued": 8}


@pytest.fixture
def claire(client, db, personas, freeze):
    freeze(datetime(2026, 11, 23, 9, 0))
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == CLAIRE)).one()
    page = client.get("/vconnect/nl/signin").get_data(as_text=True)
    client.post("/vconnect/nl/signin/pick",
                data={"csrf_token": csrf_token(page), "intermediary_id": me.id})  # fmt: skip
    return me


def quote_number(db, me, status: QuoteStatus) -> str:
    return db.scalars(
        select(AutoQuote.number).where(AutoQuote.intermediary_id == me.id,
                                       AutoQuote.status == status).order_by(AutoQuote.id)
    ).first()  # fmt: skip


def path_of(db, me, page: str) -> str:
    if page == "overview":
        return "/vconnect/nl/auto/"
    return f"/vconnect/nl/auto/quotes/{quote_number(db, me, QuoteStatus(page))}"


def statements_of(app, client, path: str) -> list[str]:
    with counted(app.extensions["db_engine"]) as statements:
        response = client.get(path)
    assert response.status_code == 200, path
    assert 'data-testid="vehicle"' in response.get_data(as_text=True) or path.endswith("/auto/")
    return statements


def more_of_everything(client, db, me) -> None:
    """Ten duplicates of the issued quote and ten documents on each demo quote."""
    issued = quote_number(db, me, QuoteStatus.ISSUED)
    for number in [issued] * 10 + list(
        db.scalars(select(AutoQuote.number).where(AutoQuote.intermediary_id == me.id))
    ):
        page = client.get(f"/vconnect/nl/auto/quotes/{number}").get_data(as_text=True)
        action = "duplicate" if number == issued else "documents"
        answer = client.post(f"/vconnect/nl/auto/quotes/{number}/{action}",
                             data={"csrf_token": csrf_token(page), "name": "extra.pdf"})  # fmt: skip
        assert answer.status_code == 303


@pytest.mark.parametrize("page", EXACT_STATEMENTS)
def test_each_auto_page_runs_exactly_its_fixed_number_of_statements(app, client, db, claire,
                                                                   page):  # fmt: skip
    path = path_of(db, claire, page)
    assert len(statements_of(app, client, path)) == EXACT_STATEMENTS[page]


@pytest.mark.parametrize("page", EXACT_STATEMENTS)
def test_an_auto_page_costs_the_same_with_many_more_quotes_and_documents(app, client, db,
                                                                        claire, page):  # fmt: skip
    path = path_of(db, claire, page)
    before = len(statements_of(app, client, path))
    more_of_everything(client, db, claire)
    assert len(statements_of(app, client, path)) == before
