"""What the customer reads when a limit on abuse refuses a request (auth.limits; RG-2,
RG-5, RG-6): how long, and whom to call (the brand's contact centre, BR-2).

`%(until)s` is the end of the limit; `%(phone)s`, `%(email)s` and `%(hours)s` are the
brand profile's contact centre. Translations: `translations/*/limits.po`.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l

from auth.limits import LimitReached
from models.brands import CONTACT_HOURS, BrandProfile

LIMIT_REFUSALS = {
    "login_throttled": (
        _l("Too many wrong passwords"),
        _l(
            "For your security, logging in with a password is paused until %(until)s. Forgot your password, or was it not you? Call our contact centre on %(phone)s (%(hours)s) or write to %(email)s."
        ),
    ),
    "login_locked": (
        _l("Logging in with a password is blocked"),
        _l(
            "After too many wrong passwords, logging in with a password is blocked until %(until)s for your security. Our contact centre can help you sooner: call %(phone)s (%(hours)s) or write to %(email)s. Meanwhile you can log in with itsme or your eID card."
        ),
    ),
    "register_limited": (
        _l("Too many registration tries"),
        _l(
            "For your security, we accept no more registration tries for now. Try again after %(until)s, or call our contact centre on %(phone)s (%(hours)s) or write to %(email)s."
        ),
    ),
    "letters_limited": (
        _l("Your letter is on its way"),
        _l(
            "We already posted as many activation letters for this contract as we can today. Wait for the latest one, or ask again after %(until)s. Our contact centre helps on %(phone)s (%(hours)s) and at %(email)s."
        ),
    ),
    "sms_limited": (
        _l("No more SMS codes for now"),
        _l(
            "We sent as many SMS codes as we can for now. Try again after %(until)s, or call our contact centre on %(phone)s (%(hours)s) or write to %(email)s."
        ),
    ),
    "report_limited": (
        _l("Too many reports"),
        _l(
            "We received many reports from your connection. Try again after %(until)s, or write to %(email)s or call %(phone)s (%(hours)s)."
        ),
    ),
}


def limit_fill(exc: object, profile: BrandProfile, lang: str) -> dict[str, str]:
    """The values a limit's message needs (empty for any other refusal)."""
    if not isinstance(exc, LimitReached):
        return {}
    until: datetime = exc.until
    return {
        "until": until.strftime("%d/%m/%Y %H:%M"),
        "phone": profile.support_phone,
        "email": profile.support_email,
        "hours": CONTACT_HOURS.get(lang),
    }
