"""An intermediary's own portfolio in Connect 360 (P&V agents) and V-Connect (Vivium
brokers): sign-in, search, a customer's account and a policy (BK-1, BK-2, BK-3, PD-2).

An intermediary sees his own customers and contracts only: anybody else's answers
NotFound, the same as a customer who does not exist (BK-2: never less than the
customer, not everybody's customers). Services flush only; callers commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Integer, Select, String, and_, bindparam, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from auth.validation import normalise_contract_number
from auth.watching import Seen
from models import Account, AutoQuote, Contract, Document, Intermediary, Person, ToolSeen
from models.catalogue import Catalogue
from models.enums import Brand, Language
from models.sim import ClockState, remember_clock
from portal import queries
from portal.backoffice import broker
from portal.backoffice.desk import printable
from portal.backoffice.errors import Forbidden, NotFound
from portal.backoffice.portfolio_listing import (  # noqa: F401  (the portfolio's API)
    LISTINGS,
    PAGES,
    SEARCH_LIMIT,
    Customer,
    Hit,
    page,
    portfolio_size,
    search,
)
from portal.rules.documents import is_available
from portal.rules.portfolio import PolicyCounts, active_policy_counts
from portal.rules.visibility import visible_contracts

PICK_LIMIT = 40
DUMMY_HASH = "scrypt:32768:8:1$x$" + "0" * 128


def intermediary(db: Session, brand: Brand, intermediary_id: object) -> Intermediary:
    """The signed-in intermediary of this tool's brand, or NotFound."""
    row = db.get(Intermediary, intermediary_id) if isinstance(intermediary_id, int) else None
    if row is None or row.brand != brand:
        raise NotFound("intermediary_not_found", "No such intermediary in this tool.")
    return row


def choices(db: Session, brand: Brand, first: object = None) -> list[Intermediary]:
    """The single sign-on stub's list: the brand's intermediaries, demo ones first, and
    the one the console asked for (`first`, an id) at the top."""
    rows = list(
        db.scalars(
            select(Intermediary)
            .where(Intermediary.brand == brand)
            .order_by(Intermediary.producer_number)
            .limit(PICK_LIMIT)
        )
    )
    try:
        wanted = intermediary(db, brand, first)
    except NotFound:
        return rows
    return [wanted, *(r for r in rows if r.id != wanted.id)]


def sign_in(db: Session, brand: Brand, producer_number: str, password: str) -> Intermediary:
    """Producer number and password; one refusal for both wrong (no enumeration)."""
    number = "".join(ch for ch in printable(producer_number or "") if ch.isdigit())[:10]
    row = db.scalars(
        select(Intermediary).where(
            Intermediary.brand == brand, Intermediary.producer_number == number
        )
    ).one_or_none()
    stored = row.password_hash if row is not None and row.password_hash else DUMMY_HASH
    if not check_password_hash(stored, password or "") or row is None:
        raise Forbidden("wrong_credentials", "Wrong producer number or password.")
    return row


class SignedIn(NamedTuple):
    """The intermediary signed in to his tool, as its pages read him: his columns, no ORM
    entity (issue 12)."""

    id: int
    brand: Brand
    producer_number: str
    first_name: str
    last_name: str
    office: str
    city: str
    language: Language
    email: str
    phone: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _signed_in() -> Select:
    """The intermediary of a tool's session with his `tool_seen` row of that tool and the
    simulated clock's row, in one statement: every signed-in page shows the first two and
    reads the clock (issue 19, issue 12; models.sim.remember_clock)."""
    people, seen, clock = Intermediary.__table__, ToolSeen.__table__, ClockState.__table__
    found = and_(seen.c.space == bindparam("space", type_=String), seen.c.subject_id == people.c.id)
    return (
        select(
            *(people.c[name] for name in SignedIn._fields),
            seen.c.last_path,
            seen.c.watched_until,
            clock.c.offset_seconds,
            clock.c.frozen_at,
        )
        .select_from(people.outerjoin(seen, found).outerjoin(clock, clock.c.id == 1))
        .where(people.c.id == bindparam("id", type_=Integer), people.c.brand == bindparam("brand"))
    )


SIGNED_IN = _signed_in()


def signed_in(
    db: Session, brand: Brand, intermediary_id: object, space: str
) -> tuple[SignedIn, Seen]:
    """The signed-in intermediary of this tool's brand and what he last saw in `space`,
    or NotFound."""
    row = None
    if isinstance(intermediary_id, int):
        values = {"id": intermediary_id, "brand": brand, "space": space}
        row = db.connection().execute(SIGNED_IN, values).first()
    if row is None:
        raise NotFound("intermediary_not_found", "No such intermediary in this tool.")
    remember_clock(db, row[-2], row[-1])
    return SignedIn(*row[:-4]), Seen(*row[-4:-2])


@dataclass(frozen=True)
class Account360:
    """A customer's account in the tool: the customer's own view (BK-2) with the counts
    and the portals' onboarding flags (BK-1)."""

    view: broker.BrokerView
    counts: PolicyCounts
    accounts: dict[Brand, Account | None]  # BK-1: empty for a tool without the flag


def check_holds(db: Session, me: Intermediary, person_id: int) -> None:
    """BK-3: NotFound unless the customer is in the intermediary's portfolio."""
    held = db.scalar(
        select(Contract.id)
        .where(Contract.holder_id == person_id, Contract.intermediary_id == me.id)
        .limit(1)
    )
    if held is None:
        raise NotFound("customer_not_found", "No such customer in this portfolio.")


def held_customer(db: Session, me: Intermediary, person_id: int) -> tuple[Person, list[Contract]]:
    """BK-3: the customer with his contracts of the brand, or NotFound unless one of them
    is in the intermediary's portfolio."""
    person, contracts = broker.customer(db, me.brand, person_id)
    if not any(c.intermediary_id == me.id for c in contracts):
        raise NotFound("customer_not_found", "No such customer in this portfolio.")
    return person, contracts


def customer(
    db: Session, me: Intermediary, person_id: int, now: datetime, catalogue: Catalogue
) -> Account360:
    """BK-2 and BK-3: the customer's view for his intermediary, or NotFound (held: his
    contracts of the brand, read for the view, include one of the portfolio's)."""
    person, contracts = held_customer(db, me, person_id)
    view = broker.view_of(db, me.brand, person, contracts, now, catalogue)
    accounts = view.accounts if view.tool.shows_onboarding else {}  # Connect 360 (seed 001)
    return Account360(view, active_policy_counts(view.contracts), accounts)


#: A policy's holder and whether it came from the intermediary's own V-Connect Auto
#: quote (VA-10), in one statement built once (issue 12).
_POLICY = select(
    Contract.holder_id,
    select(AutoQuote.id)
    .where(
        AutoQuote.contract_id == Contract.id,
        AutoQuote.intermediary_id == bindparam("intermediary_id"),
    )
    .exists(),
).where(
    Contract.number == bindparam("number"), Contract.intermediary_id == bindparam("intermediary_id")
)


class Policy(NamedTuple):
    account: Account360
    contract: Contract
    in_vconnect_auto: bool  # VA-10: issued through one of this intermediary's quotes


def policy(
    db: Session, me: Intermediary, number: str, now: datetime, catalogue: Catalogue
) -> Policy:
    """One policy of the portfolio with its holder's view, or NotFound; the same
    statement tells whether the intermediary issued it in V-Connect Auto (VA-10)."""
    wanted = normalise_contract_number(number or "") or ""
    found = db.execute(_POLICY, {"number": wanted, "intermediary_id": me.id}).first()
    if found is None:
        raise NotFound("contract_not_found", "No such contract in this portfolio.")
    account = customer(db, me, found[0], now, catalogue)
    contract = next(c for c in account.view.contracts if c.number == wanted)
    return Policy(account, contract, bool(found[1]))


def document(
    db: Session,
    me: Intermediary,
    person_id: int,
    document_id: int,
    today: date,
    catalogue: Catalogue,
) -> tuple[Person, Document]:
    """BK-2, BK-3, DC-1: a document of a customer of the portfolio, exactly when the
    customer's own Documents page offers it (a life document of a contract he sees,
    issued by `today`), else NotFound."""
    person, contracts = held_customer(db, me, person_id)
    shown = visible_contracts(contracts, me.brand, person.segment, catalogue).shown
    found = queries.document_of(db, person.id, me.brand, document_id)
    if found is None or not is_available(found, {c.id for c in shown}, today):
        raise NotFound("document_not_found", "No such document for this customer.")
    return person, found
