"""The message shown at its field for each code a service refuses with (IG-1..IG-6)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Form

MESSAGES = {
    "email_taken": _l("This email already has an Insurgate access: choose another one."),
    "enterprise_required": _l("This field is required."),
    "enterprise_form": _l("Type the enterprise number as BE0123456789."),
    "enterprise_check_digits": _l("This enterprise number does not exist: check its digits."),
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
