"""The intermediary a tool's page signs in, read with his page of that tool in one
statement (issue 12, issue 19): an intermediary of the tool's brand only (BK-3), by an
integer id only, with his `tool_seen` row of that tool and no other's."""

from __future__ import annotations

from datetime import datetime

import pytest

from auth.watching import NOT_SEEN, Seen
from models import Brand, ToolSeen
from portal.backoffice import portfolio
from portal.backoffice.errors import NotFound
from tests.web.test_intermediary_query_counts import intermediary

SEEN_AT = datetime(2026, 3, 2, 10, 0)


def test_the_signed_in_intermediary_comes_with_his_page_of_this_tool_only(db):
    me = intermediary(db, Brand.PV, "4400001")
    db.add(ToolSeen(space="connect360", subject_id=me.id, label="x", seen_at=SEEN_AT,
                    last_path="/connect360/fr/faq", watched_until=SEEN_AT))  # fmt: skip
    db.add(ToolSeen(space="insurgate", subject_id=me.id, label="y", seen_at=SEEN_AT,
                    last_path="/insurgate/fr/requests"))  # fmt: skip
    db.commit()
    found, seen = portfolio.signed_in(db, Brand.PV, me.id, "connect360")
    assert (found.id, found.full_name, found.language, found.brand) == (
        me.id, me.full_name, me.language, Brand.PV)  # fmt: skip
    assert seen == Seen("/connect360/fr/faq", SEEN_AT)
    assert portfolio.signed_in(db, Brand.PV, me.id, "vconnect")[1] == NOT_SEEN


@pytest.mark.parametrize(
    "brand, wanted", [(Brand.VIVIUM, "id"), (Brand.PV, "text"), (Brand.PV, None)]
)
def test_bk3_another_brands_intermediary_or_an_id_that_is_no_integer_signs_nobody_in(
    db, brand, wanted
):
    me = intermediary(db, Brand.PV, "4400002")
    db.commit()
    given = {"id": me.id, "text": str(me.id), None: None}[wanted]
    with pytest.raises(NotFound):
        portfolio.signed_in(db, brand, given, "connect360")
