"""The console outbox a page at a time (issue 12): the newest 50 messages, and a link to
the older ones that walks down the message ids (keyset pagination), filters kept."""

from __future__ import annotations

import re
from datetime import datetime

from models import Brand, Channel, Language, OutboxMessage

POSTED = datetime(2026, 1, 5, 9, 0)


def post(db, count: int, channel: Channel = Channel.SMS) -> list[int]:
    rows = [
        OutboxMessage(
            brand=Brand.PV,
            channel=channel,
            kind="sms_code",
            language=Language.NL,
            recipient=f"+3247000{n:04d}",
            subject="",
            body=f"code {n}",
            code=f"{n:06d}",
            posted_at=POSTED,
            deliver_at=POSTED,
        )
        for n in range(count)
    ]
    db.add_all(rows)
    db.commit()
    return [row.id for row in rows]


def shown_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'data-testid="message-(\d+)"', html)]


def older_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" data-testid="outbox-older"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_the_outbox_shows_the_newest_fifty_then_the_older_ones_by_link(client, db, freeze):
    freeze(datetime(2026, 2, 1, 9, 0))
    ids = post(db, 60)
    first = client.get("/sim/outbox?channel=sms").get_data(as_text=True)
    assert shown_ids(first) == ids[::-1][:50]
    link = older_link(first)
    assert link is not None and "channel=sms" in link and f"before={ids[10]}" in link
    second = client.get(link).get_data(as_text=True)
    assert shown_ids(second) == ids[::-1][50:]
    assert older_link(second) is None


def test_the_outbox_api_pages_with_before_too(client, db, freeze):
    freeze(datetime(2026, 2, 1, 9, 0))
    ids = post(db, 5)
    answer = client.get(f"/sim/api/outbox?limit=2&before={ids[3]}").get_json()
    assert [m["id"] for m in answer["messages"]] == [ids[2], ids[1]]


def test_a_before_that_is_no_positive_whole_number_is_refused_by_name(client):
    for value in ("0", "-3", "abc", "1e3", "٣", str(2**63)):
        response = client.get(f"/sim/api/outbox?before={value}")
        assert response.status_code == 400, value
        assert response.get_json()["field"] == "before"
    assert client.get("/sim/outbox?before=x").status_code == 400


def test_the_recipient_filter_ignores_letter_case(client, db, freeze):
    freeze(datetime(2026, 2, 1, 9, 0))
    (wanted,) = post(db, 1, Channel.LETTER)
    db.get(OutboxMessage, wanted).recipient = "Louise Peeters, Kerkstraat 12, 2000 Antwerpen"
    db.commit()
    for typed in ("peeters", "PEETERS", "kerkstraat 12"):
        answer = client.get(f"/sim/api/outbox?recipient={typed}").get_json()
        assert [m["id"] for m in answer["messages"]] == [wanted], typed
