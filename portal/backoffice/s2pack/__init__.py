"""The VIVIUM S² Pack in the back office (S2-1..S2-8): subscribe, the clock's steps,
installation, impacts, battery, anomaly, theft, vehicle change and the end of the pack.
Services take a session, `now` and plain values, flush, and raise named errors."""

from portal.backoffice.s2pack.clock import any_open_box, due_events, play_due
from portal.backoffice.s2pack.incidents import (
    battery,
    change_vehicle,
    impact,
    report_anomaly,
    request_theft_tracking,
)
from portal.backoffice.s2pack.life import end_pack, install, regularise
from portal.backoffice.s2pack.subscribe import add_s2_pack, box_of, box_of_id

__all__ = [
    "add_s2_pack",
    "any_open_box",
    "battery",
    "box_of",
    "box_of_id",
    "change_vehicle",
    "due_events",
    "end_pack",
    "impact",
    "install",
    "play_due",
    "regularise",
    "report_anomaly",
    "request_theft_tracking",
]
