"""The message shown at its field for each code a service refuses with (IG-1..IG-6)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Form

from auth.limits import LimitReached

MESSAGES = {
    "email_taken": _l("This email already has an Insurgate access: choose another one."),
    "enterprise_required": _l("This field is required."),
    "enterprise_form": _l("Type the enterprise number as BE0123456789."),
    "producer_form": _l("A Vivium producer number has 4 to 10 digits."),
    "producer_taken": _l("This producer number already has an integration."),
    "group_name_required": _l(
        "You already have an integration: give the group of this producer number a name."
    ),
    "group_name_taken": _l("Another group of your office has this name: choose another one."),
    "old_password_wrong": _l("The old password is not right."),
    "no_integration": _l("Your integration is not accepted yet: you cannot quote yet."),
    "own_role": _l("You cannot change your own role."),
    "refused": _l("This value cannot be accepted."),
}


def put_error(form: Form, field: str, code: str) -> None:
    """Show a service's refusal at its field."""
    form[field].errors = [*form[field].errors, MESSAGES.get(code, MESSAGES["refused"])]


#: The limits on abuse of the login (auth.limits, RG-2), with the end of the lock.
LIMITS = {
    "login_throttled": _l(
        "Too many wrong passwords: for your security, logging in is paused until %(until)s. Forgot your password? Ask for a new one below."
    ),
    "login_locked": _l(
        "After too many wrong passwords, logging in to this account is blocked until %(until)s for your security. Questions? Write to %(email)s."
    ),
}


def limit_message(exc: LimitReached, contact: str) -> str:
    """What a locked login reads: until when (31/01/2026 14:05), and whom to write to."""
    text = LIMITS.get(exc.code, LIMITS["login_locked"])
    return str(text) % {"until": exc.until.strftime("%d/%m/%Y %H:%M"), "email": contact}
