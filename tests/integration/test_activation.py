"""The activation code by post on a real session (RG-1, RG-6), called as the view
portal/views/password.py calls auth/activation.py: a new code voids the one before,
wrong data post nothing and answer the same, a code is good only once its letter has
arrived, and wrong tries are counted up to the block."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from auth import activation
from auth.codes import normalise_code
from auth.errors import ActivationCodeBlocked, ActivationCodeWrong
from models import ActivationCode, Brand, Channel, OutboxMessage
from models.sim import advance_clock
from tests.integration.conftest import BIRTH

ADDRESS = "198.51.100.8"


def letters(db) -> list[OutboxMessage]:
    query = select(OutboxMessage).where(OutboxMessage.channel == Channel.LETTER)
    return list(db.scalars(query.order_by(OutboxMessage.id)))


def test_rg6_a_new_code_voids_the_code_before(db, contract, now, rules):
    first = activation.request_letter(
        db, Brand.PV, contract.number, BIRTH, now(), rules, address=ADDRESS
    )
    activation.request_replacement(
        db, Brand.PV, contract.number, BIRTH, now(), rules, address=ADDRESS
    )
    db.commit()
    codes = db.scalars(select(ActivationCode).order_by(ActivationCode.id)).all()
    assert [c.voided_at for c in codes] == [now(), None]
    assert [m.id for m in letters(db)][:1] == [first.id] and len(letters(db)) == 2


def test_rg6_a_replacement_for_wrong_data_posts_nothing_and_says_nothing(db, contract, now, rules):
    answer = activation.request_replacement(
        db, Brand.PV, contract.number, BIRTH.replace(day=13), now(), rules, address=ADDRESS
    )
    db.commit()
    assert answer is None and letters(db) == []


def test_rg6_the_code_of_a_letter_counts_once_the_letter_has_arrived(db, contract, now, rules):
    letter = activation.request_letter(
        db, Brand.PV, contract.number, BIRTH, now(), rules, address=ADDRESS
    )
    db.commit()
    code = db.scalars(select(ActivationCode)).one()
    assert not activation.letter_arrived(db, code, now())
    advance_clock(db, letter.deliver_at - now())
    db.commit()
    assert activation.letter_arrived(db, code, now())
    typed = normalise_code(letter.code)  # as the view reads what the customer typed
    matched = activation.matching_code(db, Brand.PV, contract, typed, now(), rules)
    assert matched.id == code.id


def test_rg1_wrong_activation_codes_are_counted_up_to_the_block(db, contract, now, rules):
    letter = activation.request_letter(
        db, Brand.PV, contract.number, BIRTH, now(), rules, address=ADDRESS
    )
    advance_clock(db, letter.deliver_at - now())
    db.commit()
    wrong = "WRONG000" if normalise_code(letter.code) != "WRONG000" else "WRONG111"
    for _ in range(rules.activation_max_attempts - 1):
        with pytest.raises(ActivationCodeWrong):
            activation.matching_code(db, Brand.PV, contract, wrong, now(), rules)
        db.commit()  # the view keeps the counted try (record_refusal)
    with pytest.raises(ActivationCodeBlocked):
        activation.matching_code(db, Brand.PV, contract, wrong, now(), rules)
    db.commit()
    code = db.scalars(select(ActivationCode)).one()
    assert code.failed_attempts == rules.activation_max_attempts
