"""The defaults of the registration and login flows, overridable in the app config."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

# Werkzeug's method strings (README "Password hashing", SECURITY.md "Passwords").
STRONG_PASSWORD_HASH = "scrypt:32768:8:1"  # Werkzeug's default: about 130 ms per hash here
CHEAPER_PASSWORD_HASH = "scrypt:4096:8:1"  # 1/8 of the work: for fictitious people only
_SCRYPT = re.compile(r"scrypt(?::(\d+):(\d+):(\d+))?")
_PBKDF2 = re.compile(r"pbkdf2:(sha256|sha512):(\d+)")
MIN_SCRYPT_N, MIN_PBKDF2_ITERATIONS = 1024, 1000


def password_method(text: str) -> str:
    """The Werkzeug method string of AUTH_PASSWORD_HASH, in full ("scrypt" is
    "scrypt:32768:8:1"); ValueError naming the setting for anything weak or unknown."""
    value = str(text).strip()
    if value == "scrypt":
        return STRONG_PASSWORD_HASH
    scrypt, pbkdf2 = _SCRYPT.fullmatch(value), _PBKDF2.fullmatch(value)
    if scrypt and scrypt.group(1):
        n, r, p = (int(x) for x in scrypt.groups())
        if n >= MIN_SCRYPT_N and n & (n - 1) == 0 and r >= 1 and p >= 1:
            return f"scrypt:{n}:{r}:{p}"
    if pbkdf2 and int(pbkdf2.group(2)) >= MIN_PBKDF2_ITERATIONS:
        return f"pbkdf2:{pbkdf2.group(1)}:{int(pbkdf2.group(2))}"
    raise ValueError(
        f"AUTH_PASSWORD_HASH must be a Werkzeug method such as {STRONG_PASSWORD_HASH!r} "
        f"(scrypt:N:r:p, N a power of two from {MIN_SCRYPT_N}) or 'pbkdf2:sha256:600000' "
        f"(at least {MIN_PBKDF2_ITERATIONS} iterations), not {value!r}."
    )


@dataclass(frozen=True)
class AuthSettings:
    activation_code_days: int = 30  # RG-6: a letter's code expires after this
    activation_max_attempts: int = 5  # wrong codes before the code is blocked
    letter_business_days: int = 2  # posted today, delivered this many business days later
    sms_code_minutes: int = 10  # RG-2: an SMS code is valid this long
    sms_max_attempts: int = 5  # wrong SMS codes before the attempt is blocked
    sms_resend_seconds: int = 60  # cooldown between two sends of one attempt
    sms_max_sends: int = 3  # first send plus resends, per attempt
    password_min_length: int = 12
    password_hash: str = STRONG_PASSWORD_HASH  # Werkzeug method of stored password hashes
    session_idle_minutes: int = 30
    session_max_hours: int = 12
    # Limits on abuse (auth.limits; README "Limits on abuse", SECURITY.md "Limits").
    login_throttle_failures: int = 10  # wrong passwords per account before a short lock
    login_throttle_minutes: int = 15  # the short lock, again after each further failure
    login_lock_failures: int = 20  # wrong passwords per account and window: a long lock
    login_lock_hours: int = 24  # the long lock; also the window failures are counted in
    register_contract_failures: int = 5  # refused step-1 tries per contract number and day
    register_address_hour: int = 30  # step 1 and "new code" per client address and hour
    letters_per_contract_day: int = 3  # activation letters per contract and day
    sms_per_account_day: int = 10  # SMS per customer and brand (login, mobile, change)
    sms_per_mobile_day: int = 10  # SMS per mobile number, both brands
    report_per_address_hour: int = 5  # problem reports per client address and hour
    report_total_day: int = 200  # problem reports per day from everyone together

    @classmethod
    def from_config(cls, config) -> AuthSettings:
        """Read AUTH_<FIELD> keys (for instance AUTH_ACTIVATION_CODE_DAYS); ValueError
        naming the key for a value that does not fit."""
        return cls(
            **{name: parse(name, config[key]) for name, key in setting_keys() if key in config}
        )


def setting_keys() -> list[tuple[str, str]]:
    """(field, AUTH_<FIELD> key) of every setting."""
    return [(f.name, f"AUTH_{f.name.upper()}") for f in fields(AuthSettings)]


def parse(name: str, raw) -> int | str:
    """One setting's value from config or environment text."""
    if name == "password_hash":
        return password_method(raw)
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise ValueError(f"AUTH_{name.upper()} must be a whole number, not {raw!r}.") from None
