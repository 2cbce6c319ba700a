"""The console's V-Connect Auto page a page at a time (VA-8, VA-10): 50 waiting quotes,
the oldest request first, a link to the next ones after the last shown; a cursor no link
gives is a clear 400 page in the trainer's language, never a server error; the page's
statements stay two however far the trainer pages."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import unquote

import pytest
from sqlalchemy import inspect, select

from models import AutoQuote
from models.vconnect_auto import QuoteStatus
from portal.backoffice.vconnect_auto.waiting import PAGE_SIZE
from tests.web.test_query_counts import counted
from tests.web.test_vconnect_auto_console import PAGE, PAGE_STATEMENTS, decide

ASKED = datetime(2026, 11, 23, 10, 0)  # after the demo's own requests


def more_waiting(db, count: int) -> list[str]:
    """`count` copies of the demo's quotes in analysis, the i-th asked i minutes after
    ASKED (the copies have no request event: they wait since their last change)."""
    model = db.scalars(select(AutoQuote).where(AutoQuote.status == QuoteStatus.ANALYSIS)).first()
    columns = [c.key for c in inspect(AutoQuote).column_attrs if c.key not in ("id", "number")]
    numbers = [f"VT{i:08d}" for i in range(count)]
    for i, number in enumerate(numbers):
        copy = AutoQuote(number=number, **{c: getattr(model, c) for c in columns})
        copy.sign_token, copy.updated_at = None, ASKED + timedelta(minutes=i)
        db.add(copy)
    db.commit()
    return numbers


def shown(markup: str) -> list[str]:
    return re.findall(r'data-testid="vca-quote-(\w+)"', markup)


def next_link(markup: str) -> str | None:
    found = re.search(r'href="([^"]+)" data-testid="vca-next-page"', markup)
    return unquote(found.group(1)).replace("&amp;", "&") if found else None


@pytest.fixture
def many(db, personas) -> list[str]:
    """Every quote in analysis in page order: the demo's first, then 60 more."""
    demo = db.scalars(select(AutoQuote.number).where(AutoQuote.status == QuoteStatus.ANALYSIS))
    return sorted(demo) + more_waiting(db, 60)


def test_va8_the_page_shows_50_quotes_and_links_to_the_next_ones_after_the_last(client, many):
    first = client.get(PAGE).get_data(as_text=True)
    assert shown(first) == many[:PAGE_SIZE]
    link = next_link(first)
    assert link.startswith(f"{PAGE}?after=") and 'data-testid="vca-first-page"' not in first
    second = client.get(link)
    markup = second.get_data(as_text=True)
    assert second.status_code == 200 and shown(markup) == many[PAGE_SIZE:]
    assert next_link(markup) is None and f'href="{PAGE}" data-testid="vca-first-page"' in markup


def test_va10_the_first_page_of_the_demo_alone_has_no_next_link(client, personas):
    markup = client.get(PAGE).get_data(as_text=True)
    assert shown(markup) and 'data-testid="vca-next-page"' not in markup


def test_va8_a_quote_decided_from_a_later_page_leaves_it_and_leads_back_to_the_first_page(
    client, many
):
    later = many[PAGE_SIZE]
    response = decide(client, later, "approve")
    assert response.status_code == 302 and response.location.endswith(PAGE)
    first = client.get(PAGE).get_data(as_text=True)
    assert f"Quote {later}: approved." in first and shown(first) == many[:PAGE_SIZE]
    assert shown(client.get(next_link(first)).get_data(as_text=True)) == many[PAGE_SIZE + 1 :]


@pytest.mark.parametrize(
    "after",
    [
        "x", "_", "2026-11-23T10:00:00", "2026-11-23T10:00:00_", "2026-11-23T10:00:00_0",
        "2026-11-23T10:00:00_-4", "2026-11-23T10:00:00_٣", "2026-13-40T10:00:00_4",
        "2026-11-23T10:00:00+01:00_4", "2026-11-23T10:00:00_9223372036854775808",
        "2026-11-23T10:00:00\x00_4", "1" * 41, "2026-11-23T10:00:00_4%00",
    ],
)  # fmt: skip
def test_a_bad_page_cursor_is_a_clear_400_page_never_a_500(client, personas, after):
    response = client.get(PAGE, query_string={"after": after})
    markup = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'data-testid="vca-bad-after"' in markup and "invalid_after" in markup
    assert shown(markup) == [] and f'href="{PAGE}" data-testid="vca-first-page"' in markup


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Le lien de cette page n&#39;est pas valable (invalid_after)"),
     ("nl", "De link van deze pagina is niet geldig (invalid_after)")],
)  # fmt: skip
def test_the_bad_cursor_page_speaks_the_trainers_language(client, personas, lang, words):
    assert client.get(f"/sim/language/{lang}").status_code == 302
    markup = client.get(f"{PAGE}?after=nope").get_data(as_text=True)
    assert words in markup


def test_an_empty_cursor_is_the_first_page(client, many):
    assert shown(client.get(f"{PAGE}?after=").get_data(as_text=True)) == many[:PAGE_SIZE]


def test_a_later_page_runs_the_same_fixed_number_of_statements(app, client, many):
    link = next_link(client.get(PAGE).get_data(as_text=True))
    for path in (PAGE, link):
        with counted(app.extensions["db_engine"]) as seen:
            assert client.get(path).status_code == 200
        assert len(seen) == PAGE_STATEMENTS, path
