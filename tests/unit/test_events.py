"""The next scheduled events as a pure rule of rows and `now` (RG-1, RG-2, RG-6;
sessions: 30 minutes idle, 12 hours in all): what moving the clock will do."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace as Row

from auth.settings import AuthSettings
from models.enums import Brand
from models.outbox import Channel, DeliveryStatus, delivery_status
from portal.sim.events import upcoming_events

NOW = datetime(2026, 11, 23, 9, 0)
RULES = AuthSettings()


def letter(i, deliver_at, lost=False, channel=Channel.LETTER):
    return Row(
        id=i,
        channel=channel,
        brand=Brand.PV,
        kind="activation_letter",
        recipient="Louise Peeters",
        deliver_at=deliver_at,
        lost=lost,
    )


def code(i, expires_at, used_at=None, voided_at=None, failed_attempts=0):
    return Row(
        id=i,
        brand=Brand.VIVIUM,
        person_id=7,
        expires_at=expires_at,
        used_at=used_at,
        voided_at=voided_at,
        failed_attempts=failed_attempts,
    )


def session(created_at, seen_at=None, ended_at=None):
    return Row(
        token_hash="abcdef0123456789",
        account_id=3,
        brand=Brand.PV,
        created_at=created_at,
        seen_at=seen_at,
        ended_at=ended_at,
    )


def test_delivery_status_of_each_channel_and_fault():
    at = NOW + timedelta(days=2)
    assert delivery_status(Channel.LETTER, False, at, NOW) == DeliveryStatus.IN_TRANSIT
    assert delivery_status(Channel.LETTER, False, at, at) == DeliveryStatus.DELIVERED
    assert delivery_status(Channel.LETTER, True, at, at) == DeliveryStatus.LOST
    assert delivery_status(Channel.SMS, True, NOW, NOW) == DeliveryStatus.NOT_DELIVERED
    assert delivery_status(Channel.EMAIL, False, NOW, NOW) == DeliveryStatus.DELIVERED


def test_letters_in_transit_are_events_lost_and_delivered_ones_are_not():
    arrives = datetime(2026, 11, 25, 8, 0)
    events = upcoming_events(
        NOW,
        RULES,
        messages=[letter(1, arrives), letter(2, arrives, lost=True), letter(3, NOW)],
    )
    assert [(e.kind, e.at, e.ref) for e in events] == [
        ("letter_delivery", arrives, "outbox_message:1")
    ]
    assert "Louise Peeters" in events[0].what and events[0].brand == "pv"


def test_only_codes_that_can_still_expire_are_listed_earliest_first():
    expires = NOW + timedelta(days=30)
    sms = Row(
        id=5,
        brand=Brand.PV,
        purpose="login",
        mobile="+32470123456",
        expires_at=NOW + timedelta(minutes=10),
        used_at=None,
        failed_attempts=0,
    )
    events = upcoming_events(
        NOW,
        RULES,
        codes=[
            code(1, expires),
            code(2, expires, used_at=NOW),
            code(3, expires, voided_at=NOW),
            code(4, expires, failed_attempts=5),
            code(6, NOW),  # expired right now: nothing left to happen
        ],
        challenges=[sms, Row(**{**vars(sms), "id": 6, "failed_attempts": 5})],
        names={7: "Marc Dubois"},
    )
    assert [(e.kind, e.ref) for e in events] == [
        ("sms_code_expiry", "sms_challenge:5"),
        ("activation_code_expiry", "activation_code:1"),
    ]
    assert events[1].what == "activation code of Marc Dubois expires"


def test_a_session_ends_just_after_30_minutes_idle_or_12_hours_whichever_comes_first():
    idle = upcoming_events(NOW, RULES, sessions=[session(NOW - timedelta(minutes=5))])
    assert [(e.kind, e.at) for e in idle] == [
        ("session_idle_expiry", NOW + timedelta(minutes=25, seconds=1))
    ]
    started = NOW - timedelta(hours=11, minutes=50)
    late = upcoming_events(
        NOW, RULES, sessions=[session(started, seen_at=NOW - timedelta(minutes=1))]
    )
    assert [(e.kind, e.at) for e in late] == [
        ("session_expiry", started + timedelta(hours=12, seconds=1))
    ]


def test_sessions_ended_or_already_idle_have_no_event():
    ended = session(NOW - timedelta(minutes=5), ended_at=NOW)
    idle = session(NOW - timedelta(hours=1), seen_at=NOW - timedelta(minutes=31))
    assert upcoming_events(NOW, RULES, sessions=[ended, idle]) == []


def test_events_are_sorted_by_time_then_kind():
    at = NOW + timedelta(hours=1)
    events = upcoming_events(
        NOW,
        RULES,
        messages=[letter(2, at + timedelta(hours=1)), letter(1, at, channel=Channel.EMAIL)],
        codes=[code(1, at)],
    )
    assert [e.kind for e in events] == [
        "activation_code_expiry",
        "email_delivery",
        "letter_delivery",
    ]
