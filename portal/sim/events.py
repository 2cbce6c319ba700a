"""The next scheduled events of the simulated world, so that a trainer knows what
moving the clock will do: letters (and any message) arriving, activation and SMS codes
expiring, sessions ending after their idle time or their whole lifetime.

`upcoming_events` is a pure function of rows and `now`; `scheduled_events` reads the
rows. An event's `at` is the first moment it has happened: moving the clock there
makes it so (a letter is in the letterbox, a code refused, a session logged out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auth.settings import AuthSettings
from models import Account, ActivationCode, OutboxMessage, Person, PortalSession, SmsChallenge
from models.brands import System, brand_of
from portal.backoffice.s2pack import due_events as s2_due_events
from portal.sim.console_labels import N_

# A session ends once its idle time or lifetime is exceeded (strictly), so one second
# after the limit on the simulated clock, which counts in seconds.
JUST_AFTER = timedelta(seconds=1)
ROWS_PER_KIND = 200


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str  # letter_delivery, sms_delivery, email_delivery, activation_code_expiry,
    #            sms_code_expiry, session_idle_expiry, session_expiry
    brand: str
    text: str  # the English description with %(name)s placeholders, a console msgid
    ref: str  # the row it comes from: "outbox_message:12", "portal_session:ab12cd34"
    values: tuple[tuple[str, object], ...] = ()  # the placeholders' values

    @property
    def what(self) -> str:
        """The description in English, as the API and the command line give it."""
        return self.text % dict(self.values)

    def described(self, gettext: Callable[..., str]) -> str:
        """The description in the trainer's language (the console's `_`)."""
        return gettext(self.text, **dict(self.values))

    def as_json(self) -> dict:
        return {
            "at": self.at.isoformat(),
            "kind": self.kind,
            "brand": self.brand,
            "what": self.what,
            "ref": self.ref,
        }


def _deliveries(messages: Iterable, now: datetime) -> Iterable[Event]:
    """RG-1, RG-6: messages in transit arrive at `deliver_at` (lost ones never do)."""
    for m in messages:
        if not m.lost and m.deliver_at > now:
            yield Event(
                m.deliver_at,
                f"{m.channel.value}_delivery",
                m.brand.value,
                N_("%(kind)s to %(recipient)s is delivered"),
                f"outbox_message:{m.id}",
                (("kind", m.kind), ("recipient", m.recipient)),
            )


def _code_expiries(codes, challenges, now, rules, names) -> Iterable[Event]:
    """RG-6: an activation code expires after 30 days; RG-2: an SMS code after 10
    minutes. Used, replaced and blocked codes have nothing left to expire."""
    for c in codes:
        usable = c.used_at is None and c.voided_at is None
        if usable and c.failed_attempts < rules.activation_max_attempts and c.expires_at > now:
            who = names.get(c.person_id, f"person {c.person_id}")
            yield Event(
                c.expires_at,
                "activation_code_expiry",
                c.brand.value,
                N_("activation code of %(who)s expires"),
                f"activation_code:{c.id}",
                (("who", who),),
            )
    for s in challenges:
        if s.used_at is None and s.failed_attempts < rules.sms_max_attempts and s.expires_at > now:
            yield Event(
                s.expires_at,
                "sms_code_expiry",
                s.brand.value,
                N_("%(purpose)s SMS code sent to %(mobile)s expires"),
                f"sms_challenge:{s.id}",
                (("purpose", s.purpose), ("mobile", s.mobile)),
            )


def _session_ends(sessions, now, rules, emails) -> Iterable[Event]:
    """Sessions end after 30 minutes without activity or 12 hours in all, whichever
    comes first."""
    idle = timedelta(minutes=rules.session_idle_minutes)
    lifetime = timedelta(hours=rules.session_max_hours)
    for s in sessions:
        if s.ended_at is not None:
            continue
        who = emails.get(s.account_id, f"account {s.account_id}")
        end = s.created_at + lifetime + JUST_AFTER
        idle_end = (s.seen_at or s.created_at) + idle + JUST_AFTER
        ref = f"portal_session:{s.token_hash[:8]}"
        if idle_end < end and idle_end > now:
            what = N_("session of %(who)s ends after %(minutes)s minutes idle")
            values = (("who", who), ("minutes", rules.session_idle_minutes))
            yield Event(idle_end, "session_idle_expiry", s.brand.value, what, ref, values)
        elif end > now and idle_end >= end:
            what = N_("session of %(who)s ends after %(hours)s hours")
            values = (("who", who), ("hours", rules.session_max_hours))
            yield Event(end, "session_expiry", s.brand.value, what, ref, values)


def upcoming_events(
    now: datetime,
    rules: AuthSettings,
    *,
    messages: Iterable = (),
    codes: Iterable = (),
    challenges: Iterable = (),
    sessions: Iterable = (),
    names: Mapping[int, str] | None = None,
    emails: Mapping[int, str] | None = None,
) -> list[Event]:
    """Every event strictly after `now`, earliest first (`names`: person id -> name,
    `emails`: account id -> email, for the descriptions)."""
    events = [
        *_deliveries(messages, now),
        *_code_expiries(codes, challenges, now, rules, names or {}),
        *_session_ends(sessions, now, rules, emails or {}),
    ]
    return sorted(events, key=lambda e: (e.at, e.kind, e.ref))


def scheduled_events(db: Session, now: datetime, rules: AuthSettings, limit: int = 20) -> list:
    """The next `limit` events of the database's rows (a bounded number of each kind)."""
    messages = db.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.lost.is_(False), OutboxMessage.deliver_at > now)
        .order_by(OutboxMessage.deliver_at)
        .limit(ROWS_PER_KIND)
    )
    codes = list(
        db.scalars(
            select(ActivationCode)
            .where(
                ActivationCode.used_at.is_(None),
                ActivationCode.voided_at.is_(None),
                ActivationCode.expires_at > now,
            )
            .order_by(ActivationCode.expires_at)
            .limit(ROWS_PER_KIND)
        )
    )
    challenges = db.scalars(
        select(SmsChallenge)
        .where(SmsChallenge.used_at.is_(None), SmsChallenge.expires_at > now)
        .order_by(SmsChallenge.expires_at)
        .limit(ROWS_PER_KIND)
    )
    oldest = now - timedelta(hours=rules.session_max_hours) - JUST_AFTER
    sessions = list(
        db.scalars(
            select(PortalSession)
            .where(PortalSession.ended_at.is_(None), PortalSession.created_at >= oldest)
            .order_by(PortalSession.created_at)
            .limit(ROWS_PER_KIND)
        )
    )
    names = _names(db, {c.person_id for c in codes})
    emails = dict(
        db.execute(
            select(Account.id, Account.email).where(
                Account.id.in_({s.account_id for s in sessions})
            )
        ).all()
    )
    events = upcoming_events(
        now,
        rules,
        messages=messages,
        codes=codes,
        challenges=challenges,
        sessions=sessions,
        names=names,
        emails=emails,
    )
    events += _s2_steps(db, now)
    return sorted(events, key=lambda e: (e.at, e.kind, e.ref))[:limit]


def _s2_steps(db: Session, now: datetime) -> list[Event]:
    """S2-5, S2-6, S2-7: each S² Pack box's next step (the box sent or received, a
    reminder, the premium adjusted); moving the clock there plays it."""
    return [
        Event(
            due.at,
            f"s2_{due.step.value}",
            brand_of(System.S2PACK).value,
            N_("S² Pack of %(number)s: %(step)s"),
            f"s2_box:{number}",
            (("number", number), ("step", due.step.value)),
        )
        for due, number in s2_due_events(db, now)
    ]


def _names(db: Session, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    rows = db.execute(
        select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(person_ids))
    )
    return {pid: f"{first} {last}" for pid, first, last in rows}
