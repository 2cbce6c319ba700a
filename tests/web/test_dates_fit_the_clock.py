"""Dates that fit the simulated clock (issue 13, item 3): a contract's next renewal is
worked out when shown (CT-3) on the customer's contract page, the MyP&V theme pages, the
Connect 360 / V-Connect view and its JSON; an age from the simulated today; a document
dated after the simulated today is not issued yet (DC-1)."""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import select

from models import Brand, Document, DocumentKind
from seed.customer import make_customer
from tests.conftest import session_cookie

DECEMBER = datetime(2026, 12, 1, 10, 0)


def renewal_on(html: str, testid: str) -> str | None:
    match = re.search(rf'data-testid="{testid}">([^<]*)<', html)
    return match.group(1) if match else None


def log_in_again(app, client, account) -> None:
    """A fresh session on the clock as it is now (sessions end after 12 hours)."""
    name, value, path = session_cookie(app, account.brand, account.id)
    client.set_cookie(name, value, path=path)


def fire_customer(db):
    """The issue's customer: a P&V fire contract renewing 16 September, stored as 2026,
    and an ended car contract."""
    person = make_customer(
        db,
        seed=13,
        brand="pv",
        segment="private",
        language="nl",
        contracts=[
            {"product": "fire", "start_date": "2020-09-16", "renewal_date": "2026-09-16"},
            {"product": "car", "status": "ended", "start_date": "2015-03-22"},
        ],
    )
    db.commit()
    return person


def test_ct3_the_contract_page_shows_the_next_renewal_after_the_simulated_today(
    app, client, db, freeze, login
):
    person = fire_customer(db)
    fire = person.contracts[0]
    freeze(datetime(2026, 11, 23, 9, 0))
    account = login(person, Brand.PV)
    html = client.get(f"/pv/nl/contracts/{fire.number}").get_data(as_text=True)
    assert renewal_on(html, "renewal-date") == "16 september 2027"
    freeze(datetime(2026, 9, 15, 9, 0))  # the day before: this year's renewal is still to come
    log_in_again(app, client, account)
    html = client.get(f"/pv/fr/contracts/{fire.number}").get_data(as_text=True)
    assert renewal_on(html, "renewal-date") == "16 septembre 2026"


def test_ct3_the_persona_renewals_follow_the_clock_on_the_myp_and_v_theme_pages(
    app, client, freeze, personas, person_named, login
):
    """Louise's car renews on 14 February (personas.toml stores 2027-02-14): in 2028 the
    page shows 14 February 2028, not a date in the past."""
    louise = person_named("Louise")
    freeze(datetime(2028, 1, 10, 9, 0))
    account = login(louise, Brand.PV)
    html = client.get("/pv/nl/themes/mobility").get_data(as_text=True)
    assert renewal_on(html, "renewal-3654654") == "14 februari 2028"
    freeze(datetime(2028, 2, 14, 9, 0))  # on the renewal day: the next one is a year on
    log_in_again(app, client, account)
    html = client.get("/pv/nl/themes/mobility").get_data(as_text=True)
    assert renewal_on(html, "renewal-3654654") == "14 februari 2029"


def test_ct3_connect_360_and_its_json_show_the_next_renewal_and_no_renewal_once_ended(
    client, db, freeze
):
    person = fire_customer(db)
    fire, car = person.contracts
    freeze(datetime(2026, 11, 23, 9, 0))
    data = client.get(f"/sim/api/broker/pv/{person.id}").get_json()
    shown = {c["number"]: c for c in data["contracts"]}
    hidden = {c["number"]: c for c in data["hidden_contracts"]}
    assert shown[fire.number]["renewal_date"] == "2027-09-16"
    assert hidden[car.number]["renewal_date"] is None
    html = client.get(f"/sim/broker/pv/{person.id}").get_data(as_text=True)
    assert renewal_on(html, f"renewal-{fire.number}") == "16/09/2027"
    assert f'data-testid="renewal-{car.number}"' not in html


def test_the_broker_view_gives_the_age_on_the_simulated_today(
    client, freeze, personas, person_named
):
    louise = person_named("Louise")  # born 12 March 1985
    freeze(datetime(2026, 3, 11, 9, 0))
    assert client.get(f"/sim/api/broker/pv/{louise.id}").get_json()["person"]["age"] == 40
    html = client.get(f"/sim/broker/pv/{louise.id}").get_data(as_text=True)
    assert renewal_on(html, "customer-age") == "40"
    freeze(datetime(2026, 3, 12, 9, 0))
    assert client.get(f"/sim/api/broker/pv/{louise.id}").get_json()["person"]["age"] == 41


def test_dc1_a_document_is_hidden_until_its_issue_date(
    app, client, db, freeze, personas, person_named, login
):
    """Louise's 2025 annual statement is dated 31 January 2026: on 15 January 2026 it is
    not in the Documents tab, not downloadable, not in Connect 360; on 31 January it is."""
    louise = person_named("Louise")
    statement = db.scalars(
        select(Document).where(
            Document.kind == DocumentKind.ANNUAL_STATEMENT,
            Document.year == 2025,
            Document.issued_on == date(2026, 1, 31),
        )
    ).first()
    freeze(datetime(2026, 1, 15, 9, 0))
    account = login(louise, Brand.PV)
    html = client.get("/pv/nl/documents").get_data(as_text=True)
    assert f"/documents/{statement.id}.pdf" not in html
    assert client.get(f"/pv/nl/documents/{statement.id}.pdf").status_code == 404
    documents = client.get(f"/sim/api/broker/pv/{louise.id}").get_json()["documents"]
    assert statement.id not in {d["id"] for d in documents}
    assert all(d["issued_on"] <= "2026-01-15" for d in documents) and documents
    freeze(datetime(2026, 1, 31, 9, 0))
    log_in_again(app, client, account)
    assert f"/documents/{statement.id}.pdf" in client.get("/pv/nl/documents").get_data(as_text=True)
    assert client.get(f"/pv/nl/documents/{statement.id}.pdf").status_code == 200
