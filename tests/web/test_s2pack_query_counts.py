"""The S² Pack's pages keep a fixed number of statements, whatever the box's log holds:
the personal page (S2-1) and the MyVivium contract page with its S² box (S2-5)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models import Brand, Contract, Person
from portal.backoffice import s2pack
from tests.web.test_query_counts import counted
from tests.web.test_s2pack_pages import SIGNED, later, pack, sign_in  # noqa: F401  (fixture)

#: The signed-in box, the clock, the open boxes whose steps may be due, the contract, the
#: log, the front end's last-seen row (issue 19; its first insert is left out by a warm-up).
PERSONAL_PAGE = 6
#: The MyVivium contract page's own statements (4: the clock comes with the account, issue
#: 12), plus the box and its log (s2_pack_of).
CONTRACT_PAGE = 6


@pytest.fixture
def installed(db, request):
    """The box received and installed; add_events(n) puts n battery alerts in its log."""
    request.getfixturevalue("pack")
    later(db, 5)
    box, _, holder = s2pack.box_of(db, "7700123")
    s2pack.install(db, box, holder, SIGNED + timedelta(days=5))
    db.commit()

    def add_events(n: int) -> None:
        for i in range(n):
            s2pack.battery(db, box, holder, SIGNED + timedelta(days=6, minutes=i), "low")
        db.commit()

    return add_events


def statements(app, client, path: str) -> int:
    assert client.get(path).status_code == 200  # warm-up: a first visit's one-off writes
    with counted(app.extensions["db_engine"]) as seen:
        assert client.get(path).status_code == 200
    return len(seen)


def test_the_personal_page_runs_a_fixed_number_of_statements_s2_1(app, client, installed):
    sign_in(client)
    counts = []
    for more in (1, 24):
        installed(more)
        counts.append(statements(app, client, "/s2/nl/"))
    assert counts == [PERSONAL_PAGE, PERSONAL_PAGE]


def test_the_contract_page_with_an_s2_box_runs_a_fixed_number_of_statements_s2_5(
    app, client, db, login, installed
):
    holder = db.scalars(
        select(Person)
        .join(Contract, Contract.holder_id == Person.id)
        .where(Contract.number == "7700123")
    ).one()
    login(holder, Brand.VIVIUM)
    counts = []
    for more in (1, 24):
        installed(more)
        counts.append(statements(app, client, "/vivium/nl/contracts/7700123"))
    assert counts == [CONTRACT_PAGE, CONTRACT_PAGE]
