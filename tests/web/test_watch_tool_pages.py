"""Issue 19 on the intermediaries' tools, with their page read with the intermediary
(issue 12): the first page writes his `tool_seen` row, a new page moves it with one
UPDATE after the one read, the same page again writes nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from models import Brand, ToolSeen
from tests.web.test_intermediary_query_counts import intermediary, sign_in
from tests.web.test_query_counts import counted
from tests.web.test_s2pack_pages import pack  # noqa: F401  (a fixture)


def seen_row(db, me) -> ToolSeen | None:
    db.expire_all()
    return db.get(ToolSeen, ("connect360", me.id))


def statements_of(app, client, url: str) -> list[str]:
    with counted(app.extensions["db_engine"]) as seen:
        assert client.get(url).status_code == 200
    return [" ".join(s.split()).split(" ")[0] for s in seen]


def test_a_tool_page_records_the_page_once_and_moves_it_with_one_update(app, client, db, freeze):
    freeze(datetime(2026, 3, 2, 10, 0))
    me = intermediary(db, Brand.PV, "4300001")
    db.commit()
    sign_in(client, me)
    assert statements_of(app, client, "/connect360/fr/faq")[-1] == "INSERT"
    first = seen_row(db, me)
    assert (first.last_path, first.label) == ("/connect360/fr/faq", "Test Agent 4300001 (4300001)")
    assert statements_of(app, client, "/connect360/fr/faq") == ["SELECT"]  # the same page
    moved = statements_of(app, client, "/connect360/fr/?q=Dupont")
    assert moved == ["SELECT", "SELECT", "UPDATE"]  # him and his page, the list, the move
    row = seen_row(db, me)
    assert row.last_path == "/connect360/fr/?q=Dupont" and row.seen_at >= first.seen_at
    assert db.scalars(select(ToolSeen)).all() == [row]  # one row per tool and intermediary


def test_a_first_page_whose_row_another_tab_wrote_meanwhile_moves_it_instead_of_failing(
    app, client, db, freeze, monkeypatch
):
    """Two first pages at once (two tabs): both read no row; the second's write moves the
    row the first wrote instead of an INSERT refused at commit (a 500)."""
    from auth import watching

    freeze(datetime(2026, 3, 2, 10, 0))
    me = intermediary(db, Brand.PV, "4300002")
    db.commit()
    sign_in(client, me)
    assert client.get("/connect360/fr/faq").status_code == 200  # the other tab's row
    read = watching._seen_watched
    # this request read the intermediary before the other tab's row was there
    monkeypatch.setattr(
        watching,
        "_seen_watched",
        lambda db_, segment, who, known, path, moment: read(
            db_, segment, who, known._replace(last_path=None), path, moment
        ),
    )
    assert client.get("/connect360/fr/?q=Dupont").status_code == 200
    row = seen_row(db, me)
    assert row.last_path == "/connect360/fr/?q=Dupont"
    assert db.scalars(select(ToolSeen)).all() == [row]


@pytest.mark.usefixtures("pack")
def test_an_s2_first_page_whose_row_another_tab_wrote_meanwhile_moves_it_instead_of_failing(
    client, db, monkeypatch
):
    """The S² page and Insurgate read their row in the request itself: a row written by
    another tab after that read is moved, not inserted twice (issue 19)."""
    from sqlalchemy.orm import Session

    from tests.web.test_s2pack_pages import sign_in as s2_sign_in

    assert s2_sign_in(client).status_code == 302
    assert client.get("/s2/nl/").status_code == 200  # the other tab's row
    get = Session.get
    # this request read no row: the other tab's commit came after its read
    monkeypatch.setattr(
        Session,
        "get",
        lambda self, entity, key, **kw: (
            None if entity is ToolSeen else get(self, entity, key, **kw)
        ),
    )
    assert client.get("/s2/fr/").status_code == 200
    monkeypatch.undo()
    db.expire_all()
    rows = db.scalars(select(ToolSeen).where(ToolSeen.space == "s2")).all()
    assert [r.last_path for r in rows] == ["/s2/fr/"]
