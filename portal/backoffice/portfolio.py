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

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    String,
    any_,
    bindparam,
    cast,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from auth.validation import normalise_contract_number
from models import Account, AutoQuote, Contract, Document, Intermediary, Person
from models.catalogue import Catalogue
from models.enums import Brand
from portal import queries
from portal.backoffice import broker
from portal.backoffice.desk import printable
from portal.backoffice.errors import Forbidden, NotFound
from portal.backoffice.search import escape_like
from portal.rules.documents import is_available
from portal.rules.portfolio import PolicyCounts, active_policy_counts, normalise_plate
from portal.rules.visibility import visible_contracts

PICK_LIMIT = 40
SEARCH_LIMIT = 25
DUMMY_HASH = "scrypt:32768:8:1$x$" + "0" * 128
PERSON_TABLE, CONTRACT_TABLE = Person.__table__, Contract.__table__
PERSON, CONTRACT = PERSON_TABLE.c, CONTRACT_TABLE.c
CUSTOMER_COLUMNS = (
    PERSON.id,
    PERSON.first_name,
    PERSON.last_name,
    PERSON.national_number,
    PERSON.postcode,
    PERSON.city,
)


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


class Customer(NamedTuple):
    """A customer as the portfolio list shows him: the few columns it reads (issue 12:
    plain rows, no ORM entity per line)."""

    id: int
    first_name: str
    last_name: str
    national_number: str
    postcode: str
    city: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Hit(NamedTuple):
    person: Customer
    contracts: int


def portfolio_size(db: Session, me: Intermediary) -> int:
    return (
        db.scalar(
            select(func.count(func.distinct(Contract.holder_id))).where(
                Contract.intermediary_id == me.id
            )
        )
        or 0
    )


def _person_matches(sqlite: bool) -> ColumnElement[bool]:
    """BK-3: the name ("first last" or "last first") contains the text (`like`), letter
    case aside, or the national number is its digits. SQLite's LIKE already ignores the
    case of exactly the letters its lower() folds (ASCII), so there the pattern goes
    without lower() on every row; PostgreSQL's ILIKE folds every letter."""
    like = bindparam("like", type_=String)
    names = (PERSON.first_name + " " + PERSON.last_name, PERSON.last_name + " " + PERSON.first_name)
    found = [n.like(like, escape="\\") if sqlite else n.ilike(like, escape="\\") for n in names]
    return or_(*found, PERSON.national_number == bindparam("digits", type_=String))


def _in_portfolio(held: Select, sqlite: bool) -> ColumnElement[bool]:
    """The person is a holder of the portfolio (`held`: its contracts' holders). SQLite
    reads `IN (subquery)` from the portfolio index, then each person by primary key.
    PostgreSQL's planner hashes such a subquery and scans every person (20 ms with
    100,000 customers); given the portfolio as one array, read once, it reads each
    holder by primary key instead (2 to 3 ms) (issue 12)."""
    if sqlite:
        return PERSON.id.in_(held)
    holders = held.with_only_columns(func.array_agg(CONTRACT.holder_id)).scalar_subquery()
    return PERSON.id == any_(cast(holders, ARRAY(Integer)))


def _listing(by_text: bool, sqlite: bool) -> Select:
    """BK-3: the page of the portfolio's customers (of those matching the text when
    `by_text`), each with his number of policies: all his contracts of the portfolio
    when he matches, else those whose number or plate does. The customers come from the
    index of the portfolio's contracts; each count, from that index, for the page's rows
    only (issue 12). Built once: a request only binds its values."""
    me = bindparam("me", type_=Integer)
    held = select(CONTRACT.holder_id).where(CONTRACT.intermediary_id == me)
    theirs = CONTRACT_TABLE.alias("theirs")
    count = select(func.count()).where(
        theirs.c.holder_id == PERSON.id, theirs.c.intermediary_id == me
    )
    query = select(*CUSTOMER_COLUMNS).where(_in_portfolio(held, sqlite))
    if by_text:
        person = _person_matches(sqlite)
        number, plate = bindparam("number", type_=String), bindparam("plate", type_=String)
        count = count.where(or_(person, theirs.c.number == number, theirs.c.vehicle_plate == plate))
        by_contract = held.where(or_(CONTRACT.number == number, CONTRACT.vehicle_plate == plate))
        query = query.where(or_(person, PERSON.id.in_(by_contract)))
    return (
        query.add_columns(count.correlate(PERSON_TABLE).scalar_subquery())
        .order_by(PERSON.last_name, PERSON.first_name, PERSON.id)
        .limit(SEARCH_LIMIT)
    )


LISTINGS = {(t, s): _listing(t, s) for t in (False, True) for s in (False, True)}


def search(db: Session, me: Intermediary, text: str) -> list[Hit]:
    """BK-3: the intermediary's own customers by name, national number, contract number
    or plate; without a query, the first of his portfolio (see `_listing`)."""
    q = " ".join(printable(text or "").split())[:80]
    values: dict[str, object] = {"me": me.id}
    if q:
        values["like"] = f"%{escape_like(q)}%"
        values["digits"] = "".join(ch for ch in q if ch.isdigit())
        values["number"] = normalise_contract_number(q) or q
        values["plate"] = normalise_plate(q)
    statement = LISTINGS[bool(q), db.get_bind().dialect.name == "sqlite"]
    return [Hit(Customer(*row[:-1]), row[-1]) for row in db.execute(statement, values)]


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
    from_auto = (
        select(AutoQuote.id)
        .where(AutoQuote.contract_id == Contract.id, AutoQuote.intermediary_id == me.id)
        .exists()
    )
    found = db.execute(
        select(Contract.holder_id, from_auto).where(
            Contract.number == wanted, Contract.intermediary_id == me.id
        )
    ).first()
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
