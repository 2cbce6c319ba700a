"""Searching the back office by a text typed by a person (a name, an address part), and
the console's customer search (BK-3)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, String, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from auth.validation import normalise_contract_number
from models import Contract, Person
from models.backoffice import PERSON_NAME_KEYS
from models.enums import Brand
from portal.backoffice.desk import printable


def escape_like(text: str) -> str:
    """The text as a literal inside a LIKE pattern (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fold(text: str, dialect: str) -> str:
    """The text lower-cased as the database's lower() does it: SQLite's only folds ASCII
    letters, PostgreSQL's every letter."""
    if dialect == "sqlite":
        return "".join(ch.lower() if ch.isascii() else ch for ch in text)
    return text.lower()


def name_starts_with(text: str, dialect: str) -> ColumnElement[bool]:
    """People whose "first last" or "last first" name starts with `text`, letter case
    aside: a range on each of the two name indexes (PERSON_NAME_KEYS), exact for a
    prefix because both databases compare these keys by code point (SQLite's BINARY
    collation, PostgreSQL's C.UTF-8)."""
    low = fold(text, dialect)
    high = low[:-1] + chr(ord(low[-1]) + 1)
    return or_(*(and_(key >= low, key < high) for key in PERSON_NAME_KEYS))


# --- the console's customer search (BK-3) ------------------------------------------------

SEARCH_LIMIT = 20
PERSON, CONTRACT = Person.__table__.c, Contract.__table__.c


class Found(NamedTuple):
    """A customer as the console's search lists him: the columns it shows, a plain row
    (issue 12: no ORM entity per hit)."""

    id: int
    first_name: str
    last_name: str
    national_number: str
    birth_date: date
    street: str
    house_number: str
    postcode: str
    city: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Hit(NamedTuple):
    person: Found
    brands: list[str]  # the brands he holds a contract of, in the profiles' order


def _by_text(letters: bool) -> Select:
    """The search's one statement, built once: the people whose name starts with the
    text (`letters`, a range on each name index) or whose national number is its digits,
    or the holder of the contract of that number (a scalar subquery, one index lookup:
    PostgreSQL reads it once and then the person by primary key, where IN (subquery)
    made it hash and scan); each with, per brand, whether he holds one of its contracts
    (read from the contract index on holder and brand, for the 20 rows kept only)."""
    holder = select(CONTRACT.holder_id).where(CONTRACT.number == bindparam("number"))
    if letters:
        low, high = bindparam("low", type_=String), bindparam("high", type_=String)
        text = or_(*(and_(key >= low, key < high) for key in PERSON_NAME_KEYS))
    else:
        text = PERSON.national_number == bindparam("digits", type_=String)
    page = (
        select(*(PERSON[name] for name in Found._fields))
        .where(or_(text, PERSON.id == holder.scalar_subquery()))
        .order_by(PERSON.last_name, PERSON.id)
        .limit(SEARCH_LIMIT)
        .subquery("page")
    )
    held = [
        select(CONTRACT.holder_id)
        .where(CONTRACT.holder_id == page.c.id, CONTRACT.brand == brand)
        .exists()
        for brand in BRANDS
    ]
    return select(*page.c, *held).order_by(page.c.last_name, page.c.id)


BRANDS = sorted(Brand, key=lambda b: b.value, reverse=True)
SEARCHES = {letters: _by_text(letters) for letters in (False, True)}


def customers(db: Session, text: str) -> list[Hit]:
    """Customers by name, national number or contract number, at most SEARCH_LIMIT, in
    one statement: a name as "first last" or "last first" starting with the text,
    letter case aside ("peeters", "Louise Pee"); without letters, the national number
    of its digits; either way the holder of the contract of that number."""
    q = " ".join(printable(text or "").split())[:80]
    if len(q) < 2:
        return []
    digits = "".join(ch for ch in q if ch.isdigit())
    letters = any(ch.isalpha() for ch in q)
    values: dict[str, object] = {}
    if letters:
        values["low"] = fold(q, db.get_bind().dialect.name)
        values["high"] = values["low"][:-1] + chr(ord(values["low"][-1]) + 1)
        values["number"] = normalise_contract_number(q) or q
    else:
        values["digits"] = digits
        values["number"] = digits or q
    width = len(Found._fields)
    return [
        Hit(
            Found(*row[:width]),
            [b.value for b, held in zip(BRANDS, row[width:], strict=True) if held],
        )
        for row in db.execute(SEARCHES[letters], values)
    ]
