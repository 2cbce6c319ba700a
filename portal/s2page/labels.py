"""What each line of an S² Pack box's timeline says to the broker in V-Connect and on the
customer's pages (S2-5, S2-6): the box's log keeps the back office's own event names
(`box_received`, `s2_delivery_sms`), never shown as they are."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.s2page import bp

NOT_SENT = "_not_sent"  # an SMS the holder could not get: he has no mobile (S2-8)
EVENTS = {
    "subscribed": _l("S² Pack subscribed"),
    "s2_welcome_sms": _l("Welcome SMS with the login"),
    "s2_delivery_sms": _l("SMS: the box is on its way"),
    "box_received": _l("Box received"),
    "s2_reminder_sms": _l("Reminder SMS"),
    "s2_late_reminder_sms": _l("Reminder after the deadline, by SMS"),
    "s2_late_reminder_letter": _l("Reminder after the deadline, by letter"),
    "installed": _l("Box installed"),
    "s2_activation_sms": _l("SMS: the box is active"),
    "vivium_told": _l("VIVIUM informed of the installation"),
    "regularised": _l("Box working again"),
    "s2_premium_adjusted_letter": _l("Letter: premium adjusted"),
    "s2_deinstallation_sms": _l("SMS: how to remove and return the box"),
    "impact": _l("Impact detected"),
    "ecall": _l("Emergency call (e-call)"),
    "assistance_call": _l("Call from the assistance"),
    "tow_truck": _l("Tow truck sent"),
    "no_assistance": _l("No assistance: no mobile number"),
    "s2_ecall_missed_sms": _l("SMS: the emergency call was not answered"),
    "s2_battery_low_sms": _l("SMS: battery low"),
    "s2_battery_disconnected_sms": _l("SMS: battery disconnected"),
    "s2_anomaly_sms": _l("SMS: the box is out of order"),
    "theft_tracking": _l("Tracking after a theft"),
    "box_moved": _l("Box moved to another vehicle"),
    "s2_vehicle_change_sms": _l("SMS: change of vehicle"),
}


@bp.app_template_global()
def s2_event_label(kind: str) -> str:
    """A timeline line in the reader's language; an event this table does not know yet
    reads as a plain "other event", never as its code."""
    if kind in EVENTS:
        return str(EVENTS[kind])
    if kind.endswith(NOT_SENT) and kind.removesuffix(NOT_SENT) in EVENTS:
        what = str(EVENTS[kind.removesuffix(NOT_SENT)])
        return _("%(what)s (not sent: no mobile number)", what=what)
    return _("Other event of the pack")
