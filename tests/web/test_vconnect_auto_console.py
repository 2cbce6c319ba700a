"""The console's V-Connect Auto page (VA-8, VA-10): the quotes waiting for the company's
analysis, approved or refused from the console through the same service as the control
API, in the trainer's language; the broker then sees the decision in his tool."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from models import AutoQuote, AutoQuoteEvent, Intermediary
from models.vconnect_auto import QuoteStatus
from portal.sim.vconnect_auto_console import criterion_label
from tests.conftest import csrf_token
from tests.web.test_query_counts import counted

PAGE = "/sim/vconnect-auto"
CLAIRE = "8000201"
#: The console page's statements, whatever the number of waiting quotes: the clock with
#: whether an S² box is open (every console request catches up; none is open here), the
#: waiting quotes with their brokers, customers and latest analysis request (one query).
PAGE_STATEMENTS = 2


def text(response) -> str:
    words = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(words))


@pytest.fixture
def waiting(db, personas) -> str:
    """The number of Claire's demo quote in analysis (a car of 95,000 €)."""
    return db.scalars(
        select(AutoQuote.number)
        .join(Intermediary, Intermediary.id == AutoQuote.intermediary_id)
        .where(Intermediary.producer_number == CLAIRE, AutoQuote.status == QuoteStatus.ANALYSIS)
    ).one()


def decide(client, number: str, decision: str, **form):
    token = csrf_token(client.get(PAGE).get_data(as_text=True))
    return client.post(f"{PAGE}/quotes/{number}/{decision}", data={"csrf_token": token, **form})


def status_of(db, number: str) -> QuoteStatus:
    db.expire_all()
    return db.scalars(select(AutoQuote.status).where(AutoQuote.number == number)).one()


def test_the_console_navigation_links_to_the_page_and_nothing_waits_at_first(client):
    dashboard = client.get("/sim/").get_data(as_text=True)
    assert 'data-testid="nav-vconnect-auto"' in dashboard and f'href="{PAGE}"' in dashboard
    page = client.get(PAGE)
    assert page.status_code == 200
    assert 'data-testid="vca-none-waiting"' in page.get_data(as_text=True)


def test_va8_the_page_lists_only_the_quotes_in_analysis_with_their_trigger(client, db, waiting):
    page = client.get(PAGE)
    markup, words = page.get_data(as_text=True), text(page)
    assert page.status_code == 200
    assert re.findall(r'data-testid="vca-quote-(\w+)"', markup) == sorted(
        db.scalars(select(AutoQuote.number).where(AutoQuote.status == QuoteStatus.ANALYSIS))
    )
    row = re.search(rf'data-testid="vca-quote-{waiting}".*?</tr>', markup, re.S).group(0)
    assert "Claire" in row and CLAIRE in row and "Jonas Wouters" in row
    assert "Renault Espace Initiale" in row and "catalogue_value_above_80000" in row
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", row)
    assert f'data-testid="vca-approve-{waiting}"' in row
    assert f'data-testid="vca-refuse-{waiting}"' in row and 'maxlength="200"' in row
    for decision in ("approve", "refuse"):  # one form, its note sent by either button
        assert f'formaction="{PAGE}/quotes/{waiting}/{decision}"' in row
    assert "Quotes waiting for the company's analysis" in words


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", r"catalogue value above 80,000 €"),
     ("fr", r"valeur catalogue supérieure à 80\s000 €"),
     ("nl", r"cataloguswaarde hoger dan 80\.000 €")],
)  # fmt: skip
def test_va8_the_trainer_reads_the_criteria_in_the_console_language(client, waiting, lang, words):
    assert client.get(f"/sim/language/{lang}").status_code == 302
    markup = client.get(PAGE).get_data(as_text=True)
    row = re.search(rf'data-testid="vca-quote-{waiting}".*?</tr>', markup, re.S).group(0)
    assert re.search(words, html.unescape(row))
    assert 'data-code="catalogue_value_above_80000"' in row


def test_a_criterion_the_tariff_does_not_know_keeps_its_name(app):
    with app.test_request_context("/sim/vconnect-auto"):
        assert criterion_label("not_a_criterion") == "not_a_criterion"


@pytest.mark.parametrize(
    ("decision", "status", "flash"),
    [("approve", QuoteStatus.APPROVED, "approved"), ("refuse", QuoteStatus.REFUSED, "refused")],
)
def test_va8_a_decision_from_the_console_is_kept_with_its_note_and_leaves_the_list(
    client, db, waiting, decision, status, flash
):
    response = decide(client, waiting, decision, note="Checked by the underwriter")
    assert response.status_code == 302 and response.location.endswith(PAGE)
    assert status_of(db, waiting) == status
    note = db.scalars(
        select(AutoQuoteEvent.note).join(AutoQuote).where(AutoQuote.number == waiting)
        .order_by(AutoQuoteEvent.id.desc())
    ).first()  # fmt: skip
    assert note == "Checked by the underwriter"
    page = client.get(PAGE).get_data(as_text=True)
    assert f'data-testid="vca-quote-{waiting}"' not in page
    assert f"Quote {waiting}: {flash}." in page


def test_a_note_longer_than_200_characters_is_refused_and_nothing_changes(client, db, waiting):
    response = decide(client, waiting, "approve", note="x" * 201)
    assert response.status_code == 302
    assert status_of(db, waiting) == QuoteStatus.ANALYSIS
    assert "The note is one line of at most 200 characters." in text(client.get(PAGE))


def test_a_note_of_200_characters_is_kept(client, db, waiting):
    assert decide(client, waiting, "approve", note="x" * 200).status_code == 302
    assert status_of(db, waiting) == QuoteStatus.APPROVED


def test_a_console_decision_without_its_token_is_a_400_and_changes_nothing(client, db, waiting):
    response = client.post(f"{PAGE}/quotes/{waiting}/approve", data={"note": ""})
    assert response.status_code == 400
    assert status_of(db, waiting) == QuoteStatus.ANALYSIS


@pytest.mark.parametrize("number", ["VA99999999", "x" * 40, "VA-1.2"])
def test_an_unknown_quote_is_refused_by_the_console_with_its_code(client, personas, number):
    response = decide(client, number, "approve")
    assert response.status_code == 302
    assert "quote_not_found" in text(client.get(PAGE))


def test_a_quote_number_with_a_nul_byte_is_a_404_page_never_a_500(client, db, waiting):
    response = decide(client, f"{waiting}%00", "approve")
    assert response.status_code == 404
    assert status_of(db, waiting) == QuoteStatus.ANALYSIS


def test_va8_a_quote_decided_already_is_refused_and_keeps_its_first_decision(client, db, waiting):
    assert decide(client, waiting, "approve").status_code == 302
    again = decide(client, waiting, "refuse")
    assert again.status_code == 302
    assert status_of(db, waiting) == QuoteStatus.APPROVED
    assert "wrong_status" in text(client.get(PAGE))


@pytest.mark.parametrize(
    ("lang", "heading", "flash"),
    [
        ("fr", "Offres en attente de l'analyse de la compagnie", "Offre {} : approuvée."),
        ("nl", "Tarieven die wachten op de analyse van de maatschappij", "Tarief {}: goedgekeurd."),
    ],
)
def test_the_page_and_its_flash_speak_the_trainers_language(
    client, db, waiting, lang, heading, flash
):
    assert client.get(f"/sim/language/{lang}").status_code == 302
    page = text(client.get(PAGE))
    assert heading in page and "Quotes waiting" not in page
    decide(client, waiting, "approve")
    assert flash.format(waiting) in text(client.get(PAGE))


def test_va10_the_broker_sees_the_approved_quote_in_his_overview_and_can_offer_it(
    client, db, waiting
):
    decide(client, waiting, "approve")
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == CLAIRE)).one()
    signin = client.get("/vconnect/fr/signin").get_data(as_text=True)
    client.post("/vconnect/fr/signin/pick",
                data={"csrf_token": csrf_token(signin), "intermediary_id": me.id})  # fmt: skip
    overview = client.get("/vconnect/fr/auto/").get_data(as_text=True)
    assert f'data-testid="status-{waiting}">Approuvée par la compagnie<' in overview
    quote = client.get(f"/vconnect/fr/auto/quotes/{waiting}").get_data(as_text=True)
    assert 'data-testid="make-offer"' in quote


@pytest.mark.parametrize(
    ("lang", "decision", "words"),
    [("fr", "refuse", "Note de la compagnie : Valeur à justifier"),
     ("nl", "approve", "Opmerking van de maatschappij: Valeur à justifier")],
)  # fmt: skip
def test_va8_the_broker_reads_the_companys_note_in_the_quotes_history(
    client, db, waiting, lang, decision, words
):
    decide(client, waiting, decision, note="Valeur à justifier")
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == CLAIRE)).one()
    signin = client.get(f"/vconnect/{lang}/signin").get_data(as_text=True)
    client.post(f"/vconnect/{lang}/signin/pick",
                data={"csrf_token": csrf_token(signin), "intermediary_id": me.id})  # fmt: skip
    history = text(client.get(f"/vconnect/{lang}/auto/quotes/{waiting}"))
    assert words in history
    assert "catalogue_value_above_80000" not in history  # the analysis request's own note


def statements(app, client) -> int:
    assert client.get(PAGE).status_code == 200
    with counted(app.extensions["db_engine"]) as seen:
        assert client.get(PAGE).status_code == 200
    return len(seen)


def test_the_page_runs_a_fixed_number_of_statements_however_many_quotes_wait(app, client, waiting):
    counts = [statements(app, client)]
    for _ in range(3):  # each demo adds one more quote in analysis for each broker
        assert client.post("/sim/api/vconnect-auto/demo", json={}).status_code == 201
    assert client.get(PAGE).get_data(as_text=True).count('data-testid="vca-quote-') == 8
    counts.append(statements(app, client))
    assert counts == [PAGE_STATEMENTS, PAGE_STATEMENTS]
