"""The console's outbox reads its page as plain rows (issue 12): no ORM entity per message
for a page of 50 or an API answer of 100, each statement built once per set of filters,
and the page and the API in two statements (the S² catch-up, then the page)."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import Channel, OutboxMessage
from models.outbox import DeliveryStatus
from portal.sim.outbox import (
    ILIKE,
    LIKE,
    TRIGRAMS,
    Message,
    OutboxFilter,
    _statement,
    list_messages,
)
from tests.web.test_outbox_pages import post
from tests.web.test_query_counts import counted


def test_a_page_is_plain_rows_with_the_message_s_names_and_status(db, freeze):
    freeze(datetime(2026, 2, 1, 9, 0))
    ids = post(db, 3)
    db.expunge_all()
    page = list_messages(db, OutboxFilter(channel=Channel.SMS, limit=2))
    assert [m.id for m in page] == ids[::-1][:2]
    assert all(type(m) is Message for m in page)
    assert not [o for o in db.identity_map.values() if isinstance(o, OutboxMessage)]
    first = page[0]
    assert (first.channel, first.code, first.recipient) == (Channel.SMS, "000002", "+32470000002")
    assert first.status(datetime(2026, 2, 1, 9, 0)) == DeliveryStatus.DELIVERED


def test_each_set_of_filters_builds_its_statement_once():
    given = frozenset({"channel", "recipient"})
    assert _statement(given, LIKE) is _statement(given, LIKE)
    assert _statement(given, LIKE) is not _statement(given, ILIKE)
    assert _statement(given, TRIGRAMS) is not _statement(given, LIKE)


@pytest.mark.parametrize(
    "path", ["/sim/outbox", "/sim/outbox?channel=sms&recipient=4700", "/sim/api/outbox?limit=100"]
)
def test_the_outbox_page_and_api_run_two_statements(app, client, db, freeze, path):
    freeze(datetime(2026, 2, 1, 9, 0))
    post(db, 60)
    with counted(app.extensions["db_engine"]) as statements:
        response = client.get(path)
    assert response.status_code == 200 and "+32470000059" in response.get_data(as_text=True)
    assert len(statements) == 2, statements
