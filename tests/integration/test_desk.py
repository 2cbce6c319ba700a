"""The support desk on a real session (RG-5, BR-1, RG-7): support answers a request by
email, and merges a customer recorded twice so that registration works again; called
as portal/sim/desk_views.py calls portal/backoffice/desk.py."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from auth import activation
from auth.errors import PersonDuplicated
from models import (
    Account,
    Brand,
    Channel,
    Contract,
    Language,
    OutboxMessage,
    Person,
    SupportRequest,
)
from portal.backoffice import desk
from portal.backoffice.errors import DomainError
from seed import build
from tests.integration.conftest import BIRTH


def support_request(db, now, **fields) -> SupportRequest:
    values = {
        "brand": Brand.PV,
        "kind": "registration_problem",
        "language": Language.NL,
        "email": "louise@example.be",
        "created_at": now(),
    }
    req = SupportRequest(**values, **fields)
    db.add(req)
    db.commit()
    return req


@pytest.fixture
def twice(db, contract):
    """The contract's holder recorded a second time, with a second contract (RG-5)."""
    first = contract.holder
    second = build.add_person(
        db,
        national_number=first.national_number,
        first_name=first.first_name,
        last_name=first.last_name,
        birth_date=BIRTH,
        language=Language.NL,
        mobile="+32470123456",
    )
    other = build.add_contract(db, second, "life_savings", brand=Brand.PV)
    build.add_account(db, second, Brand.VIVIUM, email="louise@example.be")
    db.commit()
    return first, second, other


def test_support_answers_by_email_and_the_request_is_answered(db, contract, now):
    req = support_request(db, now, person_id=contract.holder_id, message="Help?")
    message = desk.answer(db, req, "  Probeer opnieuw.  ", now())
    db.commit()
    assert (message.channel, message.kind) == (Channel.EMAIL, "support_answer")
    assert message.recipient == "louise@example.be" and message.person_id == contract.holder_id
    assert message.body.startswith("Probeer opnieuw.\n\n") and message.delivered(now())
    assert (req.status, req.answer, req.handled_at) == ("answered", "Probeer opnieuw.", now())


def test_rg5_merging_a_duplicate_moves_contracts_and_accounts_and_registration_works(
    db, contract, twice, now, rules
):
    first, second, other = twice
    with pytest.raises(PersonDuplicated):
        activation.request_letter(db, Brand.PV, contract.number, BIRTH, now(), rules)
    db.commit()  # the view commits the refused try it counted

    req = support_request(db, now, national_number=first.national_number)
    merged = desk.merge(db, req, {}, now())
    db.commit()
    assert (merged.kept.id, merged.removed_ids) == (first.id, [second.id])
    db.expire_all()
    assert db.get(Person, second.id) is None
    holders = set(db.scalars(select(Contract.holder_id).where(Contract.brand == Brand.PV)))
    assert holders == {first.id} and db.get(Contract, other.id).holder_id == first.id
    account = db.scalars(select(Account)).one()
    assert (account.person_id, account.brand) == (first.id, Brand.VIVIUM)
    assert db.get(Person, first.id).mobile == "+32470123456"  # a missing field filled in
    req = db.get(SupportRequest, req.id)
    assert (req.status, req.person_id) == ("solved", first.id)
    email = db.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "registration_solved_email")
    ).one()
    assert email.recipient == "louise@example.be" and "account" in email.body

    letter = activation.request_letter(db, Brand.PV, contract.number, BIRTH, now(), rules)
    db.commit()
    assert letter.person_id == first.id


def test_rg5_a_solved_request_cannot_be_merged_again(db, contract, twice, now):
    req = support_request(db, now, national_number=contract.holder.national_number)
    desk.merge(db, req, {}, now())
    db.commit()
    with pytest.raises(DomainError) as refused:
        desk.merge(db, req, {}, now())
    assert refused.value.code == "wrong_status"
