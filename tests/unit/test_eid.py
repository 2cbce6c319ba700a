"""The card rules of the virtual eID reader (RG-1), with no app and no database."""

from __future__ import annotations

from datetime import date

import pytest

from auth import eid_stub
from auth.eid_stub import Outcome, check_pin
from auth.errors import EidCardBlocked, EidCardExpired, EidReaderMissing, EidWrongPin
from models import EidCard

TODAY = date(2026, 3, 15)
NUMBER = "90010112395"


def card(**fields) -> EidCard:
    made = eid_stub.new_card(NUMBER)
    for key, value in fields.items():
        setattr(made, key, value)
    return made


def test_rg1_the_documented_pin_opens_a_valid_card():
    result = check_pin(card(), eid_stub.PIN, TODAY)
    assert result.accepted and result.outcome is Outcome.ACCEPTED
    assert result.refusal() is None
    assert eid_stub.PIN == "1234"


def test_rg1_a_card_without_row_is_valid_and_never_expires():
    fresh = card()
    assert eid_stub.card_status(fresh, date(9000, 1, 1)) is Outcome.ACCEPTED
    assert check_pin(fresh, "1234", date(9000, 1, 1)).accepted


def test_rg1_a_wrong_pin_counts_and_tells_the_tries_left():
    c = card()
    first = check_pin(c, "0000", TODAY)
    assert first.outcome is Outcome.WRONG_PIN and first.tries_left == 2
    assert isinstance(first.refusal(), EidWrongPin)
    second = check_pin(c, "9999", TODAY)
    assert second.outcome is Outcome.WRONG_PIN and second.tries_left == 1
    assert c.wrong_pins == 2 and not c.blocked


def test_rg1_the_third_wrong_pin_blocks_the_card():
    c = card(wrong_pins=2)
    result = check_pin(c, "4321", TODAY)
    assert result.outcome is Outcome.BLOCKED and result.tries_left == 0
    assert isinstance(result.refusal(), EidCardBlocked)
    assert c.blocked and c.wrong_pins == 3


def test_rg1_a_blocked_card_stays_refused_even_with_the_right_pin():
    c = card(wrong_pins=3, blocked=True)
    result = check_pin(c, eid_stub.PIN, TODAY)
    assert result.outcome is Outcome.BLOCKED
    assert c.blocked and c.wrong_pins == 3
    assert eid_stub.card_status(c, TODAY) is Outcome.BLOCKED


def test_rg1_a_correct_pin_resets_the_wrong_pin_count():
    c = card(wrong_pins=2)
    assert check_pin(c, "1234", TODAY).accepted
    assert c.wrong_pins == 0
    assert check_pin(c, "0000", TODAY).tries_left == 2


@pytest.mark.parametrize(
    ("valid_until", "expired"),
    [(date(2026, 3, 14), True), (date(2026, 3, 15), False), (date(2030, 1, 1), False)],
)
def test_rg1_a_card_valid_until_before_the_simulated_date_is_expired(valid_until, expired):
    c = card(valid_until=valid_until)
    result = check_pin(c, "1234", TODAY)
    assert (result.outcome is Outcome.EXPIRED) is expired
    assert isinstance(result.refusal(), EidCardExpired) is expired
    assert (eid_stub.card_status(c, TODAY) is Outcome.EXPIRED) is expired


def test_rg1_an_expired_card_still_checks_its_pin_first():
    """The chip verifies the PIN, then the portal reads the expired certificate."""
    c = card(valid_until=date(2020, 1, 1), wrong_pins=1)
    assert check_pin(c, "0000", TODAY).outcome is Outcome.WRONG_PIN
    assert check_pin(c, "1234", TODAY).outcome is Outcome.EXPIRED
    assert c.wrong_pins == 0


def test_rg1_fault_eid_reader_missing_means_no_reader():
    with pytest.raises(EidReaderMissing):
        eid_stub.require_reader(reader_missing=True)
    eid_stub.require_reader(reader_missing=False)
    assert eid_stub.FAULT == "eid_reader_missing"


@pytest.mark.parametrize("pin", ["1234", "0000", "123456789012"])
def test_rg1_pin_pad_accepts_4_to_12_digits(pin):
    assert eid_stub.pin_format_ok(pin)


@pytest.mark.parametrize(
    "pin", ["", None, "123", "1234567890123", "12a4", "1234\n", "12\x0034", "١٢٣٤", " 1234"]
)
def test_rg1_pin_pad_refuses_anything_else(pin):
    assert not eid_stub.pin_format_ok(pin)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("90010112395", "90010112395"),
        (" 90.01.01-123.95 ", "90010112395"),
        ("90 01 01 123 95", "90010112395"),
    ],
)
def test_rg1_a_typed_national_number_is_read_with_its_punctuation(raw, expected):
    assert eid_stub.parse_national_number(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "90010112396",
        "9001011239",
        "abcdefghijk",
        "9" * 5000,
        "900101\x0012395",
        "٩٠٠١٠١١٢٣٩٥",
    ],
)
def test_rg1_an_invalid_national_number_is_refused_without_error(raw):
    assert eid_stub.parse_national_number(raw) is None


def test_clean_text_drops_control_characters_and_caps_the_length():
    assert eid_stub.clean_text(" Luc\x00 Mar\ttens ") == "Luc Martens"
    assert len(eid_stub.clean_text("x" * 10_000)) == eid_stub.MAX_INPUT
