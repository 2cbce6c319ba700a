"""Digital documents and paper-mail exceptions (DC-1, DC-3, RG-3): publishing a life
document notifies by email, or by letter once support approved an exception."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models import Account, Brand, Channel, Document, OutboxMessage, PaperException
from models.paper import PaperStatus
from tests.conftest import session_cookie
from tests.web.test_personal_data import MONDAY


def publish(client, number: str, year: int = 2026, **extra):
    return client.post(
        "/sim/api/documents/publish", json={"contract_number": number, "year": year, **extra}
    )


def delivered(client, message_id: int) -> dict:
    """The message as the outbox shows it once the post delivered every letter."""
    client.post("/sim/api/letters/deliver", json={})
    messages = client.get("/sim/api/outbox").get_json()["messages"]
    return next(m for m in messages if m["id"] == message_id)


def ask_paper(client, person, brand: str = "pv", **body):
    return client.post(f"/sim/api/broker/{brand}/{person.id}/paper-exception", json=body)


@pytest.fixture
def louise(client, freeze, personas, person_named, login):
    """Louise registered in MyP&V on Monday (RG-3: consent to digital documents)."""
    freeze(MONDAY)
    person = person_named("Louise")
    login(person, Brand.PV, email="louise@example.be", now=MONDAY)
    return person


def test_dc3_a_registered_customer_is_told_of_a_new_document_by_email(client, db, louise):
    done = publish(client, "5436548")
    assert done.status_code == 201, done.get_json()
    body = done.get_json()
    assert [d["kind"] for d in body["documents"]] == [
        "premium_proof",
        "tax_certificate",
        "annual_statement",
    ]
    assert body["delivery"] == {"mode": "digital", "reason": "consent", "since": MONDAY.isoformat()}
    note = body["notification"]
    assert (note["channel"], note["kind"], note["recipient"]) == (
        "email",
        "new_document_email",
        "louise@example.be",
    )
    assert note["language"] == "nl" and "MyP&V" in note["subject"] and "5436548" in note["body"]
    assert db.scalars(select(Document).where(Document.year == 2026)).all()


def test_dc3_paper_exception_before_and_after_approval_changes_email_to_letter(client, db, louise):
    asked = ask_paper(client, louise, message="Geen computer thuis.")
    assert asked.status_code == 201, asked.get_json()
    req = asked.get_json()
    assert req["paper_exception"]["reason"] == "Geen computer thuis."
    assert req["kind"] == "paper_exception" and req["requested_by"] == "broker"
    assert req["paper_exception"]["status"] == "requested"
    first = publish(client, "5436548", 2026, kind="premium_proof").get_json()
    assert first["notification"]["channel"] == "email"  # only asked, not approved yet

    approved = client.post(f"/sim/api/support/{req['id']}/approve", json={"note": "ok"})
    assert approved.status_code == 200
    assert approved.get_json()["request"]["status"] == "approved"
    assert approved.get_json()["request"]["handled_at"] == MONDAY.isoformat()

    second = publish(client, "5436548", 2026, kind="tax_certificate").get_json()
    letter = second["notification"]
    assert second["delivery"] == {
        "mode": "paper",
        "reason": "exception",
        "since": MONDAY.isoformat(),
    }
    assert (letter["channel"], letter["kind"]) == ("letter", "document_letter")
    assert letter["recipient"] == "Louise Peeters, Kerkstraat 12, 2000 Antwerpen"
    assert letter["status"] == "in_transit" and letter["expected_at"] == "2026-11-25T08:00:00"
    assert letter["body"] is None  # sealed until the post delivers it
    assert "Fiscaal attest 2026" in delivered(client, letter["id"])["body"]


def test_dc3_a_revoked_exception_brings_the_email_back(client, db, louise):
    req = ask_paper(client, louise).get_json()
    client.post(f"/sim/api/support/{req['id']}/approve", json={})
    assert client.post(f"/sim/api/support/{req['id']}/approve", json={}).status_code == 409
    assert ask_paper(client, louise).get_json()["error"] == "already_paper"
    revoked = client.post(f"/sim/api/support/{req['id']}/revoke", json={"note": "Back online."})
    assert revoked.status_code == 200
    exception = revoked.get_json()["result"]["paper_exception"]
    assert exception["status"] == "revoked" and exception["revoked_at"] == MONDAY.isoformat()
    assert publish(client, "8890079").get_json()["notification"]["channel"] == "email"


def test_dc3_a_refused_exception_keeps_the_email_and_is_recorded(client, db, louise):
    req = ask_paper(client, louise).get_json()
    assert ask_paper(client, louise).get_json()["error"] == "already_requested"
    refused = client.post(f"/sim/api/support/{req['id']}/refuse", json={"note": "Not justified."})
    body = refused.get_json()
    assert body["request"]["status"] == "refused" and body["request"]["actions"] == ["answer"]
    assert body["result"]["paper_exception"]["decision_note"] == "Not justified."
    db.expire_all()
    row = db.scalars(select(PaperException)).one()
    assert row.status == PaperStatus.REFUSED and row.decided_at == MONDAY
    assert client.post(f"/sim/api/support/{req['id']}/revoke", json={}).status_code == 409
    assert publish(client, "5436548").get_json()["notification"]["channel"] == "email"


def test_dc3_a_customer_without_account_gets_letters_and_needs_no_exception(
    client, db, freeze, personas, person_named
):
    freeze(MONDAY)
    louise = person_named("Louise")
    assert ask_paper(client, louise).get_json()["error"] == "not_registered"
    client.put("/sim/api/faults/letter_lost", json={"enabled": True})
    note = publish(client, "5436548").get_json()["notification"]
    assert note["channel"] == "letter" and note["lost"] is True


def test_dc3_the_documents_tab_says_digital_since_the_consent_or_paper_since_approval(
    app, client, db, louise, freeze
):
    html = client.get("/pv/nl/documents").get_data(as_text=True)
    assert 'data-testid="document-delivery" data-mode="digital"' in html
    assert "23/11/2026" in html and "digitaal" in html
    req = ask_paper(client, louise).get_json()
    freeze(MONDAY + timedelta(days=2))
    client.post(f"/sim/api/support/{req['id']}/approve", json={})
    account = db.scalars(select(Account)).one()
    name, value, path = session_cookie(app, Brand.PV, account.id)  # a fresh login
    client.set_cookie(name, value, path=path)
    html = client.get("/pv/fr/documents").get_data(as_text=True)
    assert 'data-testid="document-delivery" data-mode="paper"' in html
    assert "25/11/2026" in html and "par la poste" in html


def test_dc3_support_approves_in_the_console_and_the_broker_page_shows_paper(
    client, db, submit, louise
):
    page = f"/sim/broker/pv/{louise.id}"
    submit(page, {"message": "Slechtziend."}, f"{page}/paper-exception")
    (req,) = client.get("/sim/api/support?kind=paper_exception").json["requests"]
    detail = f"/sim/support/{req['id']}"
    assert 'data-testid="approve"' in client.get(detail).text
    submit(detail, {"note": "Approved by phone."}, f"{detail}/approve")
    html = client.get(page).get_data(as_text=True)
    assert 'data-testid="delivery" data-mode="paper" data-reason="exception"' in html
    assert 'data-status="approved"' in html


def test_documents_are_published_from_the_console(client, db, submit, louise):
    page = f"/sim/broker/pv/{louise.id}"
    body = {"contract_number": "8890079", "kind": "annual_statement", "year": "2026"}
    body.update(back_brand="pv", back_id=str(louise.id))
    done = submit(page, body, "/sim/documents/publish", follow_redirects=True)
    assert "1 document(s) published; email to louise@example.be" in done.get_data(as_text=True)
    again = submit(page, body, "/sim/documents/publish", follow_redirects=True)
    assert "document_exists" in again.get_data(as_text=True)
    message = db.scalars(select(OutboxMessage).where(OutboxMessage.channel == Channel.EMAIL)).one()
    assert message.kind == "new_document_email"


def test_publishing_refuses_bad_input_with_json_errors(client, louise):
    cases = [
        (publish(client, "0000000"), 404, "contract_not_found"),
        (publish(client, ""), 404, "contract_not_found"),
        (publish(client, "3654654"), 422, "not_life_document"),  # a car
        (publish(client, "5436548", kind="policy"), 422, "invalid_kind"),
        (publish(client, "5436548", year=1900), 422, "invalid_year"),
        (publish(client, "5436548", year=2025), 409, "document_exists"),
        (client.post("/sim/api/documents/publish", json=[]), 400, "invalid_body"),
        (client.post("/sim/api/documents/publish", data="x"), 415, "json_required"),
    ]
    for response, status, error in cases:
        assert (response.status_code, response.get_json()["error"]) == (status, error)


def test_dc1_a_document_of_a_contract_the_portal_does_not_show_goes_by_post(
    client, freeze, personas, person_named, login
):
    freeze(MONDAY)
    login(person_named("Marc"), Brand.VIVIUM, email="marc@example.be")
    shown = publish(client, "4011002345").get_json()
    assert shown["notification"]["channel"] == "email"
    hidden = publish(client, "4011002347").get_json()  # standalone death cover (CT-2)
    assert hidden["notification"]["channel"] == "letter"
    assert (
        hidden["notification"]["language"] == "fr"
        and "Madame, Monsieur" in delivered(client, hidden["notification"]["id"])["body"]
    )
