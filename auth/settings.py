"""The defaults of the registration and login flows, overridable in the app config."""

from __future__ import annotations

from dataclasses import dataclass, fields


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
        """Read AUTH_<FIELD> keys (for instance AUTH_ACTIVATION_CODE_DAYS)."""
        values = {}
        for f in fields(cls):
            key = f"AUTH_{f.name.upper()}"
            if key in config:
                values[f.name] = int(config[key])
        return cls(**values)
