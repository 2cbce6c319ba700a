"""The intermediary's view of one customer, as P&V's Connect 360 and Vivium's V-Connect
show it (BK-1, BK-2, BK-3, PD-2), the customer search, and what an intermediary asks
support for (portal/backoffice/broker_requests.py). Services flush; the unit of work of
the request commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import segno
from sqlalchemy import Select, bindparam, or_, select
from sqlalchemy.orm import Session, selectinload

from auth.validation import normalise_contract_number
from models import (
    Account,
    ContactChange,
    Contract,
    Document,
    PaperException,
    Person,
    SupportRequest,
)
from models.brands import PROFILES, IntermediaryTool
from models.catalogue import Catalogue
from models.enums import Brand
from portal import queries
from portal.backoffice.delivery import Delivery, account_in, delivery_mode, exceptions_of
from portal.backoffice.desk import printable
from portal.backoffice.errors import NotFound
from portal.backoffice.search import name_starts_with
from portal.rules.contacts import ContactDetails, intermediary_view
from portal.rules.documents import portal_documents
from portal.rules.guarantees import GuaranteeBlock, guarantee_table
from portal.rules.themes import ThemeGroup, group_by_theme
from portal.rules.visibility import HiddenContract, visible_contracts

SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Onboarding:
    registered: bool
    since: datetime | None


@dataclass(frozen=True)
class BrokerView:
    brand: Brand
    tool: IntermediaryTool
    person: Person
    contracts: list[Contract]
    onboarding: Onboarding | None
    contact: ContactDetails
    groups: list[ThemeGroup]
    guarantees: dict[int, list[GuaranteeBlock]]
    hidden: list[HiddenContract]
    documents: list[Document]
    delivery: Delivery
    exceptions: list[PaperException]
    requests: list[SupportRequest]
    qr_svg: str | None
    today: date  # the simulated clock's, for what is worked out when shown (CT-3)
    accounts: dict[Brand, Account | None]  # BK-1: both portals' where the tool flags them


def onboarding(tool: IntermediaryTool, account: Account | None) -> Onboarding | None:
    """BK-1: P&V's tool flags the customer's MyP&V onboarding with its date (the account's
    creation); Vivium brokers are not told of a registration at all."""
    if not tool.shows_onboarding:
        return None
    return Onboarding(account is not None, account.created_at if account else None)


@lru_cache(maxsize=16)
def qr_svg(url: str | None) -> str | None:
    """BK-1: an inline SVG QR code to the landing page, for the agent to show the customer."""
    if not url:
        return None
    return segno.make(url, error="m").svg_inline(scale=4, title="QR code: " + url)


# The statements of a customer's view, built once with bound parameters: built per
# request, their construction and cache keys were a fifth of a V-Connect policy page
# (issue 12).
_HOLDER = {"person_id": bindparam("person_id"), "brand": bindparam("brand")}
_CONTRACTS_WITH_PARTS = (
    select(Contract)
    .options(selectinload(Contract.components), selectinload(Contract.beneficiaries))
    .where(Contract.holder_id == _HOLDER["person_id"], Contract.brand == _HOLDER["brand"])
    .order_by(Contract.id)
)
CONTACT_CHANGES = (
    select(ContactChange)
    .where(ContactChange.person_id == _HOLDER["person_id"], ContactChange.brand == _HOLDER["brand"])
    .order_by(ContactChange.changed_at, ContactChange.id)
)
_REQUESTS = (
    select(SupportRequest)
    .where(
        SupportRequest.person_id == _HOLDER["person_id"], SupportRequest.brand == _HOLDER["brand"]
    )
    .order_by(SupportRequest.created_at.desc(), SupportRequest.id.desc())
    .limit(20)
)
_ACCOUNTS = select(Account).where(Account.person_id == bindparam("person_id"))


def customer(db: Session, brand: Brand, person_id: int) -> tuple[Person, list[Contract]]:
    """A customer of this brand with every contract of this brand, or NotFound."""
    person = db.get(Person, person_id)
    holder = {"person_id": person_id, "brand": brand}
    contracts = list(db.scalars(_CONTRACTS_WITH_PARTS, holder))
    if person is None or not contracts:
        raise NotFound("customer_not_found", f"No {brand.value} customer {person_id}.")
    return person, contracts


def accounts_of(
    db: Session, tool: IntermediaryTool, brand: Brand, person_id: int
) -> dict[Brand, Account | None]:
    """The customer's portal account of this brand; of both brands in one statement where
    the tool flags the onboarding on both portals (BK-1, seed 001)."""
    if not tool.shows_onboarding:
        return {brand: account_in(db, brand, person_id)}
    rows = db.scalars(_ACCOUNTS, {"person_id": person_id}).all()
    return {b: next((a for a in rows if a.brand == b), None) for b in Brand}


def build_view(
    db: Session, brand: Brand, person_id: int, now: datetime, catalogue: Catalogue
) -> BrokerView:
    """BK-2 for a customer of this brand, or NotFound (see `view_of`)."""
    person, contracts = customer(db, brand, person_id)
    return view_of(db, brand, person, contracts, now, catalogue)


def view_of(
    db: Session,
    brand: Brand,
    person: Person,
    contracts: list[Contract],
    now: datetime,
    catalogue: Catalogue,
) -> BrokerView:
    """BK-2: exactly what the customer's portal shows (the same rules on the same rows),
    plus the hidden contracts marked with their reason; PD-2: contact details as they
    reached the intermediary's tool by now; BK-1: the onboarding flag where the tool has it."""
    tool = PROFILES[brand].tool
    visibility = visible_contracts(contracts, brand, person.segment, catalogue)
    shown_ids = {c.id for c in visibility.shown}
    holder = {"person_id": person.id, "brand": brand}
    changes = db.scalars(CONTACT_CHANGES, holder).all()
    accounts = accounts_of(db, tool, brand, person.id)
    account = accounts[brand]
    exceptions = exceptions_of(db, brand, person.id)
    requests = db.scalars(_REQUESTS, holder).all()
    return BrokerView(
        brand=brand,
        tool=tool,
        person=person,
        contracts=contracts,
        onboarding=onboarding(tool, account),
        contact=intermediary_view(person, changes, now),
        groups=group_by_theme(visibility.shown, catalogue),
        guarantees={c.id: guarantee_table(c.product, c.covered, catalogue) for c in contracts},
        hidden=visibility.hidden,
        documents=portal_documents(queries.life_documents(db, shown_ids), shown_ids, now.date()),
        delivery=delivery_mode(account, exceptions),
        exceptions=exceptions,
        requests=list(requests),
        qr_svg=qr_svg(tool.landing_qr),
        today=now.date(),
        accounts=accounts,
    )


@dataclass(frozen=True)
class Hit:
    person: Person
    brands: list[str]


def holder_of(number: str) -> Select:
    """The holder of the contract of this number (an index lookup)."""
    return select(Contract.holder_id).where(Contract.number == number)


def search(db: Session, text: str, limit: int = SEARCH_LIMIT) -> list[Hit]:
    """Customers by name, national number or contract number; at most `limit` of them.
    The person records alone are searched (no join to every contract): the holder of a
    contract number looked up first (inside the OR, PostgreSQL would read every record),
    then a national number or a name through their indexes, a name as "first last" or
    "last first" starting with the text, letter case aside ("peeters", "Louise Pee"; no
    longer a piece from the middle of a name)."""
    q = " ".join(printable(text or "").split())[:80]
    if len(q) < 2:
        return []
    digits = "".join(ch for ch in q if ch.isdigit())
    if not any(ch.isalpha() for ch in q):
        holders = list(db.scalars(holder_of(digits or q)))
        where = or_(Person.national_number == digits, Person.id.in_(holders))
    else:
        holders = list(db.scalars(holder_of(normalise_contract_number(q) or q)))
        where = or_(name_starts_with(q, db.get_bind().dialect.name), Person.id.in_(holders))
    query = select(Person).where(where).order_by(Person.last_name, Person.id).limit(limit)
    people = list(db.scalars(query))
    brands: dict[int, set[str]] = {p.id: set() for p in people}
    rows = db.execute(
        select(Contract.holder_id, Contract.brand).where(Contract.holder_id.in_(list(brands)))
    )
    for holder_id, brand in rows:
        brands[holder_id].add(brand.value)
    return [Hit(p, sorted(brands[p.id], reverse=True)) for p in people]
