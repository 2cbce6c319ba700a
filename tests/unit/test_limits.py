"""The limits on abuse as rules, at their boundaries (auth.limits; RG-2, RG-5, RG-6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from auth import limits
from auth.settings import AuthSettings

NOW = datetime(2026, 11, 23, 9, 0)
RULES = AuthSettings()


def test_rg2_no_lock_before_the_tenth_wrong_password():
    assert limits.login_lock_until(RULES.login_throttle_failures - 1, NOW, RULES) is None


def test_rg2_the_tenth_wrong_password_pauses_fifteen_minutes():
    until = limits.login_lock_until(RULES.login_throttle_failures, NOW, RULES)
    assert until == NOW + timedelta(minutes=15)
    assert isinstance(limits.login_refusal(until, NOW, RULES), limits.LoginThrottled)


def test_rg2_each_further_failure_pauses_again_until_the_long_lock():
    assert limits.login_lock_until(19, NOW, RULES) == NOW + timedelta(minutes=15)
    until = limits.login_lock_until(20, NOW, RULES)
    assert until == NOW + timedelta(hours=24)
    assert isinstance(limits.login_refusal(until, NOW, RULES), limits.LoginLocked)


def test_the_numbers_come_from_the_settings():
    rules = replace(RULES, login_throttle_failures=2, login_throttle_minutes=1)
    assert limits.login_lock_until(2, NOW, rules) == NOW + timedelta(minutes=1)
    assert AuthSettings.from_config({"AUTH_SMS_PER_MOBILE_DAY": "4"}).sms_per_mobile_day == 4


def test_rg5_five_refused_step1_tries_lock_the_contract_until_the_window_ends():
    start = NOW - timedelta(hours=3)
    assert limits.contract_lock_until(4, start, RULES) is None
    assert limits.contract_lock_until(5, start, RULES) == start + timedelta(days=1)


def test_a_window_ends_after_its_length_or_when_the_clock_goes_back():
    window = timedelta(hours=1)
    assert not limits.window_over(NOW, NOW + window - timedelta(seconds=1), window)
    assert limits.window_over(NOW, NOW + window, window)
    assert limits.window_over(NOW, NOW - timedelta(seconds=1), window)


def test_quota_left_at_the_boundaries():
    q = limits.quota("sms_mobile", RULES)
    assert q == limits.Quota(10, timedelta(days=1))
    assert limits.quota_left(9, NOW, NOW, q) == 1
    assert limits.quota_left(10, NOW, NOW + timedelta(hours=23), q) == 0
    assert limits.quota_left(10, NOW, NOW + timedelta(days=1), q) == 10
    assert limits.quota_free_at(NOW, q) == NOW + timedelta(days=1)


def test_every_kind_has_a_quota_and_a_lock_is_over_at_its_end():
    assert {k: limits.quota(k, RULES).maximum for k in limits.KINDS}
    assert limits.is_locked(NOW + timedelta(seconds=1), NOW)
    assert not limits.is_locked(NOW, NOW) and not limits.is_locked(None, NOW)
