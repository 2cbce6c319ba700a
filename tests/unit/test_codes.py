"""The code rules of auth.codes on their own (RG-2, RG-6): the letter's alphabet, how a
typed code is read back, salted hashes, and the state of a code at its boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from auth.codes import (
    ACTIVATION_LENGTH,
    ALPHABET,
    CodeState,
    activation_code_state,
    code_matches,
    display_code,
    hash_code,
    new_activation_code,
    normalise_code,
    sms_challenge_state,
)

NOW = datetime(2026, 11, 23, 9, 0)
MAX = 5


@dataclass
class Code:
    """The fields of an ActivationCode or SmsChallenge the rules read."""

    expires_at: datetime = NOW + timedelta(minutes=10)
    failed_attempts: int = 0
    used_at: datetime | None = None
    voided_at: datetime | None = None


def test_rg6_the_alphabet_has_no_characters_that_are_confused_when_typed():
    assert not set("IO01") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 32


def test_rg6_a_new_code_has_eight_characters_of_the_alphabet():
    codes = {new_activation_code() for _ in range(50)}
    assert all(len(c) == ACTIVATION_LENGTH and set(c) <= set(ALPHABET) for c in codes)
    assert len(codes) > 1


def test_rg6_a_code_as_printed_reads_back_as_the_same_code():
    code = "ABCD2345"
    assert display_code(code) == "ABCD-2345"
    assert normalise_code(display_code(code)) == code
    assert normalise_code(" abcd 2345 ") == code
    assert normalise_code("abcd-2345\n") == code


def test_normalise_code_keeps_a_bounded_length():
    assert len(normalise_code("A" * 1000)) == 40


def test_a_hash_is_salted_and_verified_without_keeping_the_code():
    first, second = hash_code("ABCD2345"), hash_code("ABCD2345")
    assert first != second  # a fresh salt each time
    assert "ABCD2345" not in first
    salt, _, digest = first.partition("$")
    assert salt and len(digest) == 64
    assert hash_code("ABCD2345", salt) == first
    assert code_matches("ABCD2345", first) and code_matches("ABCD2345", second)
    assert not code_matches("ABCD2346", first)


@pytest.mark.parametrize("state_of", [activation_code_state, sms_challenge_state])
def test_rg2_rg6_a_code_expires_exactly_at_its_expiry(state_of):
    code = Code(expires_at=NOW)
    assert state_of(code, NOW - timedelta(seconds=1), MAX) == CodeState.VALID
    assert state_of(code, NOW, MAX) == CodeState.EXPIRED


@pytest.mark.parametrize("state_of", [activation_code_state, sms_challenge_state])
def test_rg2_rg6_a_code_is_blocked_at_the_maximum_of_wrong_tries(state_of):
    assert state_of(Code(failed_attempts=MAX - 1), NOW, MAX) == CodeState.VALID
    assert state_of(Code(failed_attempts=MAX), NOW, MAX) == CodeState.BLOCKED


@pytest.mark.parametrize("state_of", [activation_code_state, sms_challenge_state])
def test_rg2_rg6_a_used_code_is_used_whatever_else_holds(state_of):
    code = Code(used_at=NOW, failed_attempts=MAX, expires_at=NOW)
    assert state_of(code, NOW, MAX) == CodeState.USED


def test_rg6_a_replaced_activation_code_is_voided_before_blocked_or_expired():
    code = Code(voided_at=NOW, failed_attempts=MAX, expires_at=NOW)
    assert activation_code_state(code, NOW, MAX) == CodeState.VOIDED


def test_rg6_a_blocked_activation_code_is_blocked_even_once_expired():
    code = Code(failed_attempts=MAX, expires_at=NOW)
    assert activation_code_state(code, NOW, MAX) == CodeState.BLOCKED
    assert sms_challenge_state(code, NOW, MAX) == CodeState.BLOCKED
