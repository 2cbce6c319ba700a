"""Insurgate's pages run a fixed number of SQL statements, whatever the size of the
office: the "Demandes" list, a quote, the users list (IG-4, IG-5, IG-6; the customer
pages' rule of tests/web/test_query_counts.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from models.enums import Language
from models.insurgate import (
    IgGroup,
    IgIntegration,
    IgMembership,
    IgOffice,
    IgQuote,
    IgUser,
    IntegrationStatus,
)
from seed.insurgate import DEMO_PASSWORD, demo_hash
from tests.web.test_query_counts import counted

NOW = datetime(2026, 12, 1, 10, 0)

#: The statements of each page for a logged-in administrator, fixed. Every page reads
#: the user of the session first and, last, the trainer's watch row of the space
#: (tool_seen, issue 19). Between them, the Demandes list: the groups of his switcher
#: with his memberships, the office's integrations, the group's quotes with their
#: authors; a quote: the quote, his memberships, the office's Default; the users list:
#: the office, its groups, its users, its integrations, the memberships.
EXACT = {"requests": 5, "quote": 5, "account": 7}


def office(db, size: int, tag: str) -> tuple[str, str]:
    """An office with `size` groups, `size` users in each and `size` quotes in each;
    returns its administrator's email and the reference of one of its quotes."""
    made = IgOffice(
        trade_name=f"Bureau {tag}", enterprise_number="BE0403170701", street="Rue",
        number="1", postcode="1000", city="Bruxelles", website="https://b.be",
        phone="02 250 91 11", created_at=NOW,
    )  # fmt: skip
    db.add(made)
    db.flush()
    groups = [IgGroup(office_id=made.id, name="Default", is_default=True)]
    groups += [IgGroup(office_id=made.id, name=f"Groupe {i}") for i in range(size)]
    db.add_all(groups)
    admin = user(db, made, f"admin-{tag}@b.be", is_admin=True)
    people = [user(db, made, f"u{i}-{tag}@b.be") for i in range(size * size)]
    db.flush()
    for group in groups:
        db.add(IgMembership(user_id=admin.id, group_id=group.id))
    for i, person in enumerate(people):
        db.add(IgMembership(user_id=person.id, group_id=groups[1 + i % size].id))
    db.add(
        IgIntegration(
            office_id=made.id, group_id=groups[0].id, producer_number=f"9{size}{len(tag)}00",
            status=IntegrationStatus.ACCEPTED, requested_by=admin.id, requested_at=NOW,
            decided_at=NOW,
        )
    )  # fmt: skip
    references = [quote(db, made, group, admin, f"{tag}{g}{i}")
                  for g, group in enumerate(groups[1:]) for i in range(size)]  # fmt: skip
    db.commit()
    return admin.email, references[0]


def user(db, made: IgOffice, email: str, is_admin: bool = False) -> IgUser:
    person = IgUser(
        office_id=made.id, first_name="Test", last_name=email.split("@")[0], email=email,
        language=Language.FR, password_hash=demo_hash(), is_admin=is_admin,
        invited_at=NOW, activated_at=NOW, session_epoch=0,
    )  # fmt: skip
    db.add(person)
    return person


def quote(db, made: IgOffice, group: IgGroup, author: IgUser, tag: str) -> str:
    reference = f"PV_TPE-KMO_{tag.upper()}"
    db.add(
        IgQuote(
            reference=reference, office_id=made.id, group_id=group.id, author_id=author.id,
            created_at=NOW, status="active", company_name=f"Société {tag}", activity="shop",
            postcode="1000", covers="workers_comp", claims_count=0, workers=2,
            payroll_euros=50_000, extra_legal=False, round_the_clock=False,
            premium_cents=50_000, search_text=f"société {tag} shop",
        )
    )  # fmt: skip
    return reference


def page_url(page: str, reference: str) -> str:
    return {
        "requests": "/insurgate/fr/requests",
        "quote": f"/insurgate/fr/requests/{reference}",
        "account": "/insurgate/fr/account",
    }[page]


def count_page(app, client, submit, email: str, url: str) -> int:
    client.delete_cookie("insurgate_session", path="/insurgate")
    assert (
        submit("/insurgate/fr/login", {"email": email, "password": DEMO_PASSWORD}).status_code
        == 302
    )
    assert client.get(url).status_code == 200
    with counted(app.extensions["db_engine"]) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    assert 'data-testid="logout"' in response.get_data(as_text=True)
    return len(statements)


@pytest.mark.parametrize("page", EXACT)
def test_an_insurgate_page_costs_the_same_for_a_small_and_a_large_office(
    app, client, db, submit, freeze, page
):
    freeze(NOW)
    small = office(db, 1, "s")
    large = office(db, 6, "l")
    counts = [count_page(app, client, submit, email, page_url(page, ref))
              for email, ref in (small, large)]  # fmt: skip
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("page", EXACT)
def test_each_insurgate_page_runs_exactly_its_fixed_number_of_statements(
    app, client, db, submit, freeze, page
):
    freeze(NOW)
    email, reference = office(db, 3, "x")
    assert count_page(app, client, submit, email, page_url(page, reference)) == EXACT[page]
