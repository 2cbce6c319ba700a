"""Limits on abuse as plain rules: which counter a request uses, how many it allows in
which window, and until when a subject stays locked. No database here: every function
takes `now` (the simulated clock), so moving the clock frees a limit as a tester
expects. The counting itself is `auth.throttle`; the numbers are `AuthSettings`.

Limits (README "Limits on abuse", SECURITY.md "Limits"; RG-1, RG-2, RG-5, RG-6):

- login: wrong passwords per brand and email (known or not, so a lock tells nothing
  about which emails have an account): a short lock after `login_throttle_failures`,
  again after each further failure, a long lock after `login_lock_failures`;
- register_contract: refused step-1 tries per contract number and day;
- register_address: step 1 and "send me a new code" per client address and hour;
- letters: activation letters per contract and day;
- sms_account, sms_mobile: SMS per customer of a brand, per mobile number, and day;
- report_address, report_total: problem reports per client address and hour, and per
  day from everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from auth.errors import AuthRefusal
from auth.settings import AuthSettings

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Quota:
    """At most `maximum` counted in a fixed window of `window`."""

    maximum: int
    window: timedelta


#: A counter that only counts (no limit): "new code" requests that posted nothing.
UNCOUNTED = Quota(2**31 - 1, DAY)


def quota(kind: str, rules: AuthSettings) -> Quota:
    """The quota of one kind of counter."""
    return {
        "login": Quota(rules.login_lock_failures, timedelta(hours=rules.login_lock_hours)),
        "register_contract": Quota(rules.register_contract_failures, DAY),
        "register_address": Quota(rules.register_address_hour, HOUR),
        "letters": Quota(rules.letters_per_contract_day, DAY),
        "sms_account": Quota(rules.sms_per_account_day, DAY),
        "sms_mobile": Quota(rules.sms_per_mobile_day, DAY),
        "report_address": Quota(rules.report_per_address_hour, HOUR),
        "report_total": Quota(rules.report_total_day, DAY),
    }[kind]


KINDS = (
    "login",
    "register_contract",
    "register_address",
    "letters",
    "sms_account",
    "sms_mobile",
    "report_address",
    "report_total",
)


def make_key(kind: str, subject: str) -> str:
    """The counter's key: kind and subject (an email, a contract, an address...)."""
    return f"{kind}:{subject}"[:255]


def window_over(start: datetime, now: datetime, window: timedelta) -> bool:
    """A window is over once `window` has passed, or when the clock was set back before
    its start (a tester moving the clock back starts afresh)."""
    return now >= start + window or now < start


def quota_left(count: int, start: datetime, now: datetime, q: Quota) -> int:
    """How many more the quota allows at `now`."""
    if window_over(start, now, q.window):
        return q.maximum
    return max(0, q.maximum - count)


def quota_free_at(start: datetime, q: Quota) -> datetime:
    """When a used-up quota allows again: the end of its window."""
    return start + q.window


def login_lock_until(failures: int, now: datetime, rules: AuthSettings) -> datetime | None:
    """RG-2: after this many wrong passwords in the window, locked until when (None: not
    locked). From `login_throttle_failures` on, each failure locks for
    `login_throttle_minutes`; from `login_lock_failures` on, for `login_lock_hours`."""
    if failures >= rules.login_lock_failures:
        return now + timedelta(hours=rules.login_lock_hours)
    if failures >= rules.login_throttle_failures:
        return now + timedelta(minutes=rules.login_throttle_minutes)
    return None


def contract_lock_until(failures: int, start: datetime, rules: AuthSettings) -> datetime | None:
    """RG-5: refused step-1 tries on one contract number lock it until the end of the
    day-long window that started with the first of them."""
    if failures >= rules.register_contract_failures:
        return start + DAY
    return None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


class LimitReached(AuthRefusal):
    """A limit on abuse refused the request; `until` says when it allows again."""

    code, rule = "limit_reached", ""
    reportable = False

    def __init__(self, until: datetime) -> None:
        super().__init__(self.code)
        self.until = until


class LoginThrottled(LimitReached):
    code, rule = "login_throttled", "RG-2"


class LoginLocked(LimitReached):
    code, rule = "login_locked", "RG-2"


class RegisterLimited(LimitReached):
    code, rule = "register_limited", "RG-5"


class LettersLimited(LimitReached):
    code, rule = "letters_limited", "RG-6"


class SmsLimited(LimitReached):
    code, rule = "sms_limited", "RG-2"


class ReportLimited(LimitReached):
    code, rule = "report_limited", "RG-5"


def login_refusal(until: datetime, now: datetime, rules: AuthSettings) -> LimitReached:
    """The short lock or the long one, by how long it lasts."""
    if until - now > timedelta(minutes=rules.login_throttle_minutes):
        return LoginLocked(until)
    return LoginThrottled(until)
