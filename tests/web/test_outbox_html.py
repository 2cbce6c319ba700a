"""The console outbox's messages written in Python (portal/sim/outbox_html.py, issue 12):
every value a message carries is escaped, in each channel and state, and the texts are
the trainer's language."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models import Brand, Channel, Language, OutboxMessage

POSTED = datetime(2026, 1, 5, 9, 0)
NASTY = '<b onclick="x">&\'</b>'
ESCAPED = "&lt;b onclick=&#34;x&#34;&gt;&amp;&#39;&lt;/b&gt;"


def post(db, channel: Channel, deliver_at: datetime, **fields) -> int:
    row = OutboxMessage(
        brand=Brand.VIVIUM, channel=channel, kind=fields.pop("kind", "activation_letter"),
        language=Language.FR, recipient=NASTY, subject=NASTY, body=NASTY, code="12<34",
        posted_at=POSTED, deliver_at=deliver_at, **fields,
    )  # fmt: skip
    db.add(row)
    db.commit()
    return row.id


@pytest.mark.parametrize("channel", [Channel.LETTER, Channel.SMS, Channel.EMAIL])
def test_a_delivered_messages_values_are_escaped_in_every_channel(client, db, freeze, channel):
    freeze(POSTED + timedelta(days=5))
    number = post(db, channel, POSTED + timedelta(days=2))
    html = client.get("/sim/outbox").get_data(as_text=True)
    assert NASTY not in html and "12<34" not in html
    article = html[html.index(f'data-testid="message-{number}"') :]
    article = article[: article.index("</article>")]
    assert article.count(ESCAPED) == (3 if channel == Channel.EMAIL else 2)  # to, body, subject
    assert f'<code data-testid="message-code-{number}">12&lt;34</code>' in article
    assert 'data-copy="12&lt;34"' in article
    assert 'data-testid="message-delivered"' in article


def test_a_message_in_transit_shows_its_envelope_only_until_revealed(client, db, freeze):
    freeze(POSTED + timedelta(hours=1))
    number = post(db, Channel.LETTER, POSTED + timedelta(days=2), kind="<kind>")
    sealed = client.get("/sim/outbox").get_data(as_text=True)
    assert (
        'data-testid="message-envelope"' in sealed and 'data-testid="message-in-transit"' in sealed
    )
    assert f'data-testid="message-code-{number}"' not in sealed
    assert 'data-kind="&lt;kind&gt;"' in sealed and "<kind>" not in sealed
    revealed = client.get("/sim/outbox?reveal=undelivered").get_data(as_text=True)
    assert 'data-testid="message-revealed"' in revealed
    assert f'data-testid="message-code-{number}"' in revealed


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("en", ["lost in the post: never delivered", "To: "]),
        ("fr", ["perdue", "À : "]),
        ("nl", ["verloren", "Aan: "]),
    ],
)
def test_the_messages_speak_the_trainers_language(client, db, freeze, lang, texts):
    freeze(POSTED + timedelta(days=5))
    post(db, Channel.LETTER, POSTED + timedelta(days=2), lost=True)
    with client.session_transaction() as session:
        session["console_lang"] = lang
    html = client.get("/sim/outbox").get_data(as_text=True)
    for text in texts:
        assert text in html
