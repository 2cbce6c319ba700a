"""Unit tests of the Insurgate rules at their boundaries (IG-1..IG-7)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from portal.rules import insurgate as r

NOW = datetime(2026, 12, 1, 10, 0)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("BE0123456789", None),  # the manual's own example
        ("BE0403170701", None),
        ("BE0403170702", None),  # the structure only: no check digits
        ("BE9999999999", None),
        ("", "required"),
        ("0123456789", "form"),
        ("be0123456789", "form"),
        ("BE 0123.456.789", "form"),
        ("BE012345678", "form"),  # nine digits
        ("BE01234567890", "form"),  # eleven digits
        ("BE01234567A9", "form"),
        ("FR0123456789", "form"),
        ("BE0123456789\n", "form"),
    ],
)
def test_ig1_an_enterprise_number_is_be_then_ten_digits_as_the_manual_shows(raw, problem):
    assert r.enterprise_number_problem(raw) == problem


def test_ig1_a_password_of_six_characters_is_enough_and_five_is_too_short():
    assert r.password_problem("abcdef", "abcdef") is None
    assert r.password_problem("abcde", "abcde") == "too_short"


def test_ig1_the_confirmation_must_repeat_the_password():
    assert r.password_problem("abcdef", "abcdeg") == "mismatch"


def test_ig1_ig4_an_email_is_unique_on_the_platform_whatever_its_case():
    taken = {"clementine.cazelles@pvgroup.be"}
    assert r.email_problem(" Clementine.Cazelles@PVgroup.be ", taken) == "taken"
    assert r.email_problem("clementine.cazelles+1@pvgroup.be", taken) is None


def test_ig5_a_group_needs_a_name_distinct_from_the_other_groups_of_its_office():
    names = ["Business School", "Default"]
    assert r.group_name_problem("  ", names) == "required"
    assert r.group_name_problem("business school", names) == "taken"
    assert r.group_name_problem("DEMO VIVIUM", names) is None


def test_ig2_a_producer_number_is_four_to_ten_digits_and_used_once():
    assert r.producer_number_problem("123", set()) == "form"
    assert r.producer_number_problem("1234", set()) is None
    assert r.producer_number_problem("1234567890", set()) is None
    assert r.producer_number_problem("12345678901", set()) == "form"
    assert r.producer_number_problem("12a4", set()) == "form"
    assert r.producer_number_problem("66799", {"66799"}) == "taken"


def test_ig5_a_user_without_group_sees_the_default_sub_account_only():
    assert r.visible_groups([], default_group=1) == {1}


def test_ig5_a_member_sees_his_groups_and_not_the_default_sub_account():
    assert r.visible_groups([2, 3], default_group=1) == {2, 3}
    assert r.may_see_quote(3, {2, 3})
    assert not r.may_see_quote(1, {2, 3})


def test_ig3_only_an_administrator_manages_the_office():
    assert r.may_manage_office(True)
    assert not r.may_manage_office(False)


def test_ig2_no_quote_before_an_integration_is_accepted():
    assert not r.may_quote([])
    assert not r.may_quote(["requested", "refused"])
    assert r.may_quote(["refused", "accepted"])


def test_ig4_a_user_is_invited_until_he_sets_a_password():
    assert r.user_status(False) == "invited"
    assert r.user_status(True) == "active"


def test_ig1_a_reset_link_works_once_and_until_two_hours_after_it_was_sent():
    expires = r.link_expires("reset", NOW)
    assert r.link_usable(expires, None, NOW + timedelta(hours=2) - timedelta(seconds=1))
    assert not r.link_usable(expires, None, NOW + timedelta(hours=2))
    assert not r.link_usable(expires, NOW, NOW + timedelta(minutes=1))


def test_ig4_an_invitation_lasts_seven_days():
    assert r.link_expires("invitation", NOW) == NOW + timedelta(days=7)


def _quote(**overrides) -> r.QuoteInput:
    fields = dict(
        activity="office",
        workers=3,
        payroll_euros=100_000,
        claims_count=0,
        extra_legal=False,
        round_the_clock=False,
    )
    return r.QuoteInput(**{**fields, **overrides})


def test_ig6_the_premium_is_a_share_of_the_payroll_by_activity():
    assert r.tpe_premium_cents(_quote()) == 40_000
    assert r.tpe_premium_cents(_quote(activity="building")) == 380_000


def test_ig6_claims_and_options_raise_the_premium_and_claims_count_up_to_four():
    assert r.tpe_premium_cents(_quote(claims_count=1)) == 46_000
    assert r.tpe_premium_cents(_quote(claims_count=4)) == r.tpe_premium_cents(
        _quote(claims_count=9)
    )
    assert r.tpe_premium_cents(_quote(extra_legal=True, round_the_clock=True)) == 52_000


def test_ig6_the_premium_is_never_below_the_minimum():
    assert r.tpe_premium_cents(_quote(payroll_euros=1000)) == r.MIN_PREMIUM_CENTS


def test_ig6_the_search_finds_every_word_in_the_fields_entered():
    text = "boulangerie dupuis 1210 bruxelles shop"
    assert r.quote_matches(text, "Dupuis 1210")
    assert not r.quote_matches(text, "dupuis 4000")
    assert r.quote_matches(text, "")
