"""Publishing life documents on a real session (DC-1, DC-3, RG-3): an email to a
registered customer, a letter once support approved a paper exception, a letter to a
customer without an account; called as the console's publish and desk actions call
portal/backoffice/publishing.py."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Brand, Channel, Document, DocumentKind, OutboxMessage
from models.sim import FaultName, set_fault
from portal.backoffice import broker_requests, publishing
from seed import build


def publish(db, contract, kind, now, catalogue, rules) -> publishing.Published:
    done = publishing.publish_documents(
        db, contract, [kind], 2026, now(), catalogue, rules.letter_business_days
    )
    db.commit()
    return done


@pytest.fixture
def account(db, contract, now):
    """The holder registered in MyP&V on Monday (RG-3: consent to digital documents)."""
    made = build.add_account(db, contract.holder, Brand.PV, email="louise@example.be", now=now())
    db.commit()
    return made


def test_dc3_a_life_document_published_for_a_registered_customer_gives_an_email(
    db, contract, account, now, catalogue, rules
):
    done = publish(db, contract, DocumentKind.PREMIUM_PROOF, now, catalogue, rules)
    assert (done.delivery.mode, done.delivery.reason) == ("digital", "consent")
    message = done.message
    assert (message.channel, message.kind) == (Channel.EMAIL, "new_document_email")
    assert message.recipient == "louise@example.be" and message.delivered(now())
    assert contract.number in message.body
    stored = db.scalars(select(Document).where(Document.contract_id == contract.id)).one()
    assert (stored.kind, stored.year, stored.issued_on) == (
        DocumentKind.PREMIUM_PROOF,
        2026,
        now().date(),
    )


def test_dc3_under_an_approved_paper_exception_the_document_goes_by_letter(
    db, contract, account, now, catalogue, rules
):
    req = broker_requests.request_paper(
        db, Brand.PV, contract.holder_id, {"message": "Geen computer."}, now()
    )
    db.flush()
    asked = publish(db, contract, DocumentKind.PREMIUM_PROOF, now, catalogue, rules)
    assert asked.message.channel == Channel.EMAIL  # asked only, not approved yet

    publishing.decide_paper(db, req, "approve", "ok", now())
    db.commit()
    done = publish(db, contract, DocumentKind.TAX_CERTIFICATE, now, catalogue, rules)
    assert (done.delivery.mode, done.delivery.reason) == ("paper", "exception")
    letter = done.message
    assert (letter.channel, letter.kind) == (Channel.LETTER, "document_letter")
    assert letter.recipient.startswith("Louise Peeters, ")
    assert not letter.delivered(now()) and not letter.lost
    assert req.status == "approved" and req.handled_at == now()


def test_dc3_a_customer_without_account_gets_a_letter_lost_under_the_fault(
    db, contract, now, catalogue, rules
):
    set_fault(db, FaultName.LETTER_LOST, True)
    db.commit()
    done = publish(db, contract, DocumentKind.ANNUAL_STATEMENT, now, catalogue, rules)
    assert (done.delivery.mode, done.delivery.reason) == ("paper", "no_account")
    assert done.message.channel == Channel.LETTER and done.message.lost
    assert db.scalars(select(OutboxMessage)).one().id == done.message.id
