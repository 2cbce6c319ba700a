"""What a story step can do (issue 19): each action calls the same service a user's or a
trainer's action calls (registration, the SMS login, the profile, publishing, the
intermediaries' requests, the clock and the faults), inside the story's own world.

An action takes the step's `Context` and its parameters, flushes (the player commits the
world's session once the step is done) and raises the service's own named refusal when
the service refuses; a step that expects that refusal names its code (`expect`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auth import accounts, activation, registration
from auth.errors import AttemptUnknown, NoActiveContract
from auth.settings import AuthSettings
from models import Account, Contract, DocumentKind, Language, OutboxMessage, Person
from models.catalogue import Catalogue
from models.enums import Brand
from models.intermediary import Intermediary
from models.outbox import Channel
from models.sim import advance_clock, set_clock, set_fault
from portal import profile
from portal.backoffice import broker_requests, publishing
from portal.backoffice.intermediary_requests import report_registration
from seed.identifiers import national_number
from seed.personas import load_definitions

STORY_PASSWORD = "Story-password-2026"


def persona_main(key: str) -> dict:
    """The first back-office record of a demo persona, as personas.toml gives it."""
    return next(p for p in load_definitions() if p["key"] == key)["people"][0]


def persona_birth_date(key: str) -> date:
    raw = persona_main(key)["birth_date"]
    return raw if isinstance(raw, date) else date.fromisoformat(raw)


def persona_number(key: str) -> str:
    return national_number(persona_birth_date(key), persona_main(key)["serial"])


@dataclass
class Context:
    """What a step acts on: the world's session, the time of the step, the settings, and
    the story's customer (a persona of the demo set) in the story's brand."""

    db: Session
    now: datetime
    rules: AuthSettings
    catalogue: Catalogue
    secret: str
    persona: str
    brand: Brand
    lang: str

    def persona_data(self) -> dict:
        return persona_main(self.persona)

    def birth_date(self) -> date:
        return persona_birth_date(self.persona)

    def national_number(self) -> str:
        return persona_number(self.persona)

    def person(self) -> Person:
        return self.db.scalars(
            select(Person)
            .where(Person.national_number == self.national_number())
            .order_by(Person.id)
        ).first()

    def contract(self, number: str | None = None) -> Contract:
        people = select(Person.id).where(Person.national_number == self.national_number())
        query = select(Contract).where(Contract.holder_id.in_(people), Contract.brand == self.brand)
        if number:
            query = query.where(Contract.number == number)
        found = self.db.scalars(query.order_by(Contract.id)).first()
        if found is None:
            raise NoActiveContract()
        return found

    def account(self) -> Account:
        found = accounts.account_of(self.db, self.brand, self.person().id)
        if found is None:
            raise AttemptUnknown()
        return found

    def latest(self, channel: Channel, kind: str | None = None) -> OutboxMessage | None:
        query = select(OutboxMessage).where(
            OutboxMessage.person_id == self.person().id,
            OutboxMessage.brand == self.brand,
            OutboxMessage.channel == channel,
        )
        if kind:
            query = query.where(OutboxMessage.kind == kind)
        return self.db.scalars(query.order_by(OutboxMessage.id.desc())).first()


@dataclass(frozen=True)
class Action:
    run: Callable[[Context, dict], None]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


def _clock_set(ctx: Context, p: dict) -> None:
    set_clock(ctx.db, datetime.fromisoformat(p["at"]), frozen=True)


def _clock_advance(ctx: Context, p: dict) -> None:
    advance_clock(ctx.db, timedelta(days=p.get("days", 0), hours=p.get("hours", 0)))


def _wait_for_mail(ctx: Context, p: dict) -> None:
    """The clock moves on to the moment the customer's latest letter (or SMS, email)
    reaches him; a lost one never does, and the clock stays."""
    message = ctx.latest(Channel(p.get("channel", "letter")))
    if message is not None and not message.lost and message.deliver_at > ctx.now:
        advance_clock(ctx.db, message.deliver_at - ctx.now)


def _fault(ctx: Context, p: dict) -> None:
    set_fault(ctx.db, p["name"], bool(p.get("on", True)))


def _request_letter(ctx: Context, p: dict) -> None:
    """RG-1 step 1: contract number and birth date, the activation letter posted."""
    number = p.get("contract") or ctx.contract().number
    activation.request_letter(ctx.db, ctx.brand, number, ctx.birth_date(), ctx.now, ctx.rules)


def _request_new_code(ctx: Context, p: dict) -> None:
    """RG-6: "send me a new code" from the registration page."""
    number = p.get("contract") or ctx.contract().number
    activation.request_replacement(ctx.db, ctx.brand, number, ctx.birth_date(), ctx.now, ctx.rules)


def _register(ctx: Context, p: dict) -> None:
    """RG-1 steps 2 and 3: the code of the letter in his letterbox, email, password and
    mobile, then the SMS code back (a letter not delivered yet: the code is refused)."""
    letter = ctx.latest(Channel.LETTER, "activation_letter")
    code = letter.code if letter is not None and letter.delivered(ctx.now) else "000000"
    data = ctx.persona_data()
    started = registration.start_activation(
        ctx.db, ctx.brand, contract_number=p.get("contract") or ctx.contract().number,
        code=code or "", email=p.get("email", data["email"]), password=STORY_PASSWORD,
        mobile=p.get("mobile", data["mobile"]), language=Language(ctx.lang), now=ctx.now,
        rules=ctx.rules,
    )  # fmt: skip
    sms = ctx.latest(Channel.SMS)
    typed = sms.code if sms is not None and sms.delivered(ctx.now) else "000000"
    token = started.challenge.attempt_token
    registration.confirm_mobile(ctx.db, ctx.brand, token, typed or "", ctx.now, ctx.rules)


def _register_identity(ctx: Context, p: dict) -> None:
    """RG-1, RG-3: itsme or the eID card proves who he is; he chooses the email."""
    provider = p.get("provider", "itsme")
    person = accounts.resolve_person(ctx.db, ctx.brand, ctx.national_number())
    subject = accounts.subject_for(ctx.secret, ctx.brand, provider, ctx.national_number())
    email = p.get("email", ctx.persona_data()["email"])
    accounts.create_identity_account(
        ctx.db, ctx.brand, person.id, provider, subject, email, Language(ctx.lang), ctx.now
    )


def _change_email(ctx: Context, p: dict) -> None:
    profile.change_email(ctx.db, ctx.account(), p["email"], ctx.now)


def _change_address(ctx: Context, p: dict) -> None:
    """PD-1, PD-2: the new address in the portal, not on the contracts."""
    profile.change_address(
        ctx.db, ctx.account(), p["street"], p["number"], p["postcode"], p["city"], ctx.now
    )


def _publish(ctx: Context, p: dict) -> None:
    """DC-1, DC-3: the back office publishes life documents of one year."""
    kinds = [DocumentKind(k) for k in p.get("kinds", ["tax_certificate"])]
    publishing.publish_documents(
        ctx.db, ctx.contract(p.get("contract")), kinds, p.get("year", ctx.now.year), ctx.now,
        ctx.catalogue, ctx.rules.letter_business_days,
    )  # fmt: skip


def _paper_exception(ctx: Context, p: dict) -> None:
    """DC-3: the intermediary asks support for paper mail."""
    body = {"message": p.get("message", "")}
    broker_requests.request_paper(ctx.db, ctx.brand, ctx.person().id, body, ctx.now)


def _missing_document(ctx: Context, p: dict) -> None:
    """DC-2: the intermediary asks the internal service for a document."""
    body = {
        "contract_number": ctx.contract(p.get("contract")).number,
        "document_kind": p["kind"],
        "year": p.get("year", ctx.now.year),
    }
    broker_requests.request_document(ctx.db, ctx.brand, ctx.person().id, body, ctx.now)


def _report_problem(ctx: Context, p: dict) -> None:
    """RG-5: the customer's intermediary mails support about a failed registration."""
    contract = ctx.contract()
    me = ctx.db.get(Intermediary, contract.intermediary_id)
    email = p.get("email", ctx.persona_data()["email"])
    message = p.get("message", "")
    report_registration(ctx.db, me, contract.holder_id, email, message, None, ctx.now)


def _show(ctx: Context, p: dict) -> None:
    """Nothing changes: the step only turns the audience to a page."""


ACTIONS: dict[str, Action] = {
    "show": Action(_show),
    "clock_set": Action(_clock_set, ("at",)),
    "clock_advance": Action(_clock_advance, (), ("days", "hours")),
    "wait_for_mail": Action(_wait_for_mail, (), ("channel",)),
    "fault": Action(_fault, ("name",), ("on",)),
    "request_letter": Action(_request_letter, (), ("contract",)),
    "request_new_code": Action(_request_new_code, (), ("contract",)),
    "register": Action(_register, (), ("contract", "email", "mobile")),
    "register_identity": Action(_register_identity, (), ("provider", "email")),
    "change_email": Action(_change_email, ("email",)),
    "change_address": Action(_change_address, ("street", "number", "postcode", "city")),
    "publish": Action(_publish, (), ("contract", "kinds", "year")),
    "paper_exception": Action(_paper_exception, (), ("message",)),
    "report_problem": Action(_report_problem, (), ("email", "message")),
    "missing_document": Action(_missing_document, ("kind",), ("contract", "year")),
}

# The other seeds' systems (issue 19): their actions use Context and Action above.
from portal.stories.actions_ig import IG_ACTIONS  # noqa: E402
from portal.stories.actions_s2 import S2_ACTIONS  # noqa: E402
from portal.stories.actions_vca import VCA_ACTIONS  # noqa: E402

ACTIONS.update(S2_ACTIONS)
ACTIONS.update(VCA_ACTIONS)
ACTIONS.update(IG_ACTIONS)
