"""VA-10 (release note 11, defect 5): an endorsement's payment screen comes prefilled with
the policy's account, in allowed characters only; the account is a valid IBAN."""

from __future__ import annotations

import re

import pytest

from portal.rules.vconnect_auto import payment_account, printed_account


@pytest.mark.parametrize(
    ("typed", "compact"),
    [
        ("BE71096123456769", "BE71096123456769"),
        ("be71 0961 2345 6769", "BE71096123456769"),
        ("BE71-0961-2345-6769", "BE71096123456769"),
        (" BE62 5100 0754 7061 ", "BE62510007547061"),
        ("NL91ABNA0417164300", "NL91ABNA0417164300"),
    ],
)
def test_a_valid_iban_is_kept_in_its_compact_form(typed, compact):
    assert payment_account(typed) == compact


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "BE72096123456769",  # IBAN check digits wrong
        "BE71096123456768",  # the Belgian account's own check wrong
        "BE68539007547034",  # checks right, but no Belgian bank has code 539
        "BE7109612345676",  # a digit short
        "BE71 0961 2345 6769 0",
        "not an account",
    ],
)
def test_anything_else_is_refused(typed):
    assert payment_account(typed) is None


def test_the_printed_account_has_groups_of_four_and_allowed_characters_only():
    shown = printed_account("BE71096123456769")
    assert shown == "BE71 0961 2345 6769"
    assert re.fullmatch(r"[A-Z0-9]{4}( [A-Z0-9]{1,4})*", shown)
    assert payment_account(shown) == "BE71096123456769"  # prefilled, it passes as is
    assert printed_account("NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"
