"""The console's Insurgate page (IG-2): the requests waiting for the company's decision,
their accept and refuse buttons, and the links into the Insurgate space."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from models import OutboxMessage
from models.insurgate import IgIntegration, IntegrationStatus
from models.sim import set_clock

API = "/sim/api/insurgate"
OFFICE = {
    "first_name": "Clémentine", "last_name": "Cazelles", "email": "clem@bureau.be",
    "password": "secret", "language": "fr", "trade_name": "Bureau Cazelles",
    "enterprise_number": "BE0403170701", "street": "Rue Royale", "number": "151",
    "postcode": "1210", "city": "Bruxelles", "website": "https://bureau.be",
    "phone": "0412 34 56 78",
}  # fmt: skip


@pytest.fixture
def waiting(client, db) -> int:
    """An office whose administrator asked for the producer number 12345."""
    set_clock(db, datetime(2026, 12, 1, 10, 0), frozen=True)
    db.commit()
    user_id = client.post(f"{API}/offices", json=OFFICE).get_json()["user_id"]
    body = {"user_id": user_id, "producer_number": "12345"}
    return client.post(f"{API}/integrations", json=body).get_json()["id"]


def test_the_console_navigation_links_to_the_insurgate_page_and_it_to_the_space(client):
    dashboard = client.get("/sim/").get_data(as_text=True)
    assert 'data-testid="nav-insurgate"' in dashboard and 'href="/sim/insurgate"' in dashboard
    page = client.get("/sim/insurgate")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'data-testid="ig-none-waiting"' in html
    assert 'href="/insurgate/fr/login"' in html and 'href="/insurgate/nl/login"' in html


def test_ig2_the_console_lists_a_waiting_request_with_its_office_and_requester(client, waiting):
    html = client.get("/sim/insurgate").get_data(as_text=True)
    assert 'data-testid="ig-request-12345"' in html
    assert "Bureau Cazelles" in html and "clem@bureau.be" in html and "01/12/2026 10:00" in html
    assert 'data-testid="ig-accept-12345"' in html and 'data-testid="ig-refuse-12345"' in html


@pytest.mark.parametrize(
    ("decision", "status"),
    [("accept", IntegrationStatus.ACCEPTED), ("refuse", IntegrationStatus.REFUSED)],
)
def test_ig2_a_decision_from_the_console_is_kept_emailed_and_leaves_the_list(
    client, submit, db, waiting, decision, status
):
    url = f"/sim/insurgate/integrations/{waiting}/{decision}"
    response = submit("/sim/", {}, action=url)
    assert response.status_code == 302 and response.location.endswith("/sim/insurgate")
    db.expire_all()
    assert db.get(IgIntegration, waiting).status == status
    mails = db.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.recipient == "clem@bureau.be")
    )
    assert mails == 1
    html = client.get("/sim/insurgate").get_data(as_text=True)
    assert 'data-testid="ig-request-12345"' not in html and "12345: " in html


def test_ig2_a_request_decided_already_is_refused_by_the_console_and_nothing_changes(
    client, submit, db, waiting
):
    submit("/sim/", {}, action=f"/sim/insurgate/integrations/{waiting}/refuse")
    again = submit("/sim/", {}, action=f"/sim/insurgate/integrations/{waiting}/accept")
    assert again.status_code == 302
    db.expire_all()
    assert db.get(IgIntegration, waiting).status == IntegrationStatus.REFUSED
    assert "already_decided" in client.get("/sim/insurgate").get_data(as_text=True)


def test_a_console_decision_without_its_token_is_a_400_and_changes_nothing(client, db, waiting):
    response = client.post(f"/sim/insurgate/integrations/{waiting}/accept")
    assert response.status_code == 400
    db.expire_all()
    assert db.get(IgIntegration, waiting).status == IntegrationStatus.REQUESTED


def test_an_unknown_request_is_refused_by_the_console_with_its_code(client, submit):
    response = submit("/sim/", {}, action="/sim/insurgate/integrations/999/accept")
    assert response.status_code == 302
    assert "integration_not_found" in client.get("/sim/insurgate").get_data(as_text=True)
