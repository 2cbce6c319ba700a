"""Who a V-Connect Auto quote is for: a customer of the broker's own portfolio, or a new
customer whose identity is checked the way the back office does (national number with
valid check digits, birth date and sex from it, a Belgian address). VA-10: a quote can
be made for an existing customer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session
from stdnum.be import nn

from models import AutoQuote, Contract, Intermediary, Person
from models.enums import Language, Segment
from portal.backoffice.errors import Conflict, Invalid, NotFound

POSTCODE = re.compile(r"[1-9][0-9]{3}", re.ASCII)
NAME = re.compile(r"[^\x00-\x1f\x7f]{1,80}")


@dataclass(frozen=True)
class NewCustomer:
    national_number: str
    first_name: str
    last_name: str
    street: str
    house_number: str
    postcode: str
    city: str
    email: str
    language: Language


def in_portfolio(me: Intermediary):
    """The SQL condition "this person is a customer of this broker"."""
    return or_(
        exists().where(Contract.holder_id == Person.id, Contract.intermediary_id == me.id),
        exists().where(AutoQuote.person_id == Person.id, AutoQuote.intermediary_id == me.id),
    )


def existing(db: Session, me: Intermediary, person_id: int) -> Person:
    """A customer of the broker's portfolio; anybody else's is NotFound (BK-2)."""
    person = db.scalars(
        select(Person).where(Person.id == person_id, in_portfolio(me))
    ).one_or_none()
    if person is None:
        raise NotFound("customer_not_found", "No such customer in your portfolio.")
    return person


def _field(value: str, name: str, limit: int, pattern: re.Pattern = NAME) -> str:
    value = (value or "").strip()
    if len(value) > limit or not pattern.fullmatch(value):
        raise Invalid(f"{name}_invalid", f"The {name} is missing or not valid.", field=name)
    return value


def checked_national_number(raw: str) -> str:
    digits = nn.compact(raw or "")
    if not (digits.isascii() and digits.isdigit() and len(digits) == 11 and nn.is_valid(digits)):
        raise Invalid(
            "national_number_invalid",
            "Not a valid Belgian national number (11 digits, check digits).",
            field="national_number",
        )
    return digits


def new_customer(db: Session, me: Intermediary, data: NewCustomer) -> Person:
    """A new customer after the identity check; a national number already known in the
    broker's portfolio gives that customer, one known elsewhere is refused."""
    number = checked_national_number(data.national_number)
    known = db.scalars(select(Person).where(Person.national_number == number)).first()
    if known is not None:
        mine = db.scalars(select(Person.id).where(Person.id == known.id, in_portfolio(me))).first()
        if mine is None:
            raise Conflict(
                "customer_of_another_intermediary",
                "This person is known to the back office with another intermediary.",
                field="national_number",
            )
        return known
    birth = nn.get_birth_date(number)
    if birth is None:
        raise Invalid("national_number_invalid", "No birth date in this national number.")
    person = Person(
        national_number=number,
        first_name=_field(data.first_name, "first_name", 80),
        last_name=_field(data.last_name, "last_name", 80),
        birth_date=birth,
        sex="M" if nn.get_gender(number) == "M" else "F",
        language=data.language,
        segment=Segment.PRIVATE,
        street=_field(data.street, "street", 120),
        house_number=_field(data.house_number, "house_number", 12),
        postcode=_field(data.postcode, "postcode", 4, POSTCODE),
        city=_field(data.city, "city", 80),
        email=_email(data.email),
    )
    db.add(person)
    db.flush()
    return person


def _email(raw: str) -> str:
    value = (raw or "").strip()
    if len(value) > 254 or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise Invalid("email_invalid", "The customer's email address is needed to sign.",
                      field="email")  # fmt: skip
    return value
