"""What `POST /sim/api/customers` accepts, checked before anything is generated: every
person field and every contract field (see `portal.sim.contract_input`), within the
columns' lengths, without control characters, a national number whose check digits,
birth date and sex agree (python-stdnum), an adult born from 1900 on. Pure: no
database, `today` is the simulator's date.

`clean_customer(body, today)` returns (seed, overrides for `seed.generator`) or raises
`Refused` naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import phonenumbers
from stdnum.be import nn, vat

from auth.validation import EMAIL
from models.brands import System, brand_of, brand_values, profile
from portal.sim.contract_input import contract
from portal.sim.input_checks import (
    Refused,
    boolean,
    choice,
    clean_fields,
    integer,
    iso_date,
    items,
    text,
)
from seed.belgium import AS_OF_RANGE, locality_by_postcode

ADULT_YEARS = 18
FIRST_BIRTH = date(1900, 1, 1)  # the first birth date a national number encodes
MOST_CONTRACTS = 50
NULLABLE = frozenset({"email", "mobile", "company_number"})
NN_SHAPE = re.compile(r"[0-9][0-9 .-]*[0-9]", re.ASCII)  # digits, dots, dashes, spaces
VAT_SHAPE = re.compile(r"(BE)?[0-9][0-9 .]*[0-9]", re.ASCII)


def national_number(value: Any) -> str:
    """11 digits (dots, dashes and spaces allowed in between) with valid check digits."""
    if not isinstance(value, str) or len(value) > 20 or not NN_SHAPE.fullmatch(value):
        raise Refused("must be the 11 digits of a Belgian national number")
    digits = nn.compact(value)
    if not (digits.isascii() and digits.isdigit() and len(digits) == 11):
        raise Refused("must be the 11 digits of a Belgian national number")
    if not nn.is_valid(digits):
        raise Refused("the check digits do not match: not a valid national number")
    return digits


def postcode(value: Any) -> str:
    code = text(4, r"[0-9]{4}", "must be a Belgian postcode of 4 digits")(value)
    if code not in locality_by_postcode():
        raise Refused("no Belgian municipality has this postcode")
    return code


def email(value: Any) -> str:
    address = text(254)(value)
    if not EMAIL.fullmatch(address):
        raise Refused("is not an email address (no spaces, one @, a domain)")
    return address


def mobile(value: Any) -> str:
    """A Belgian mobile number, stored in E.164 form (+324...)."""
    raw = text(40)(value)
    try:
        number = phonenumbers.parse(raw, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or number.country_code != 32
        or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
    ):
        raise Refused("must be a Belgian mobile number, like 0470 12 34 56")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def company_number(value: Any) -> str:
    """A Belgian enterprise number: 10 digits with a mod-97 check."""
    if not isinstance(value, str) or len(value) > 20 or not VAT_SHAPE.fullmatch(value):
        raise Refused("must be a Belgian enterprise number of 10 digits")
    digits = vat.compact(value)
    if not (digits.isascii() and digits.isdigit() and vat.is_valid(digits)):
        raise Refused("must be a Belgian enterprise number of 10 digits")
    return digits


def latest_birth(today: date) -> date:
    """The last birth date of an adult (ADULT_YEARS old) on `today`: the same day
    ADULT_YEARS earlier (on 29 February, the 28th of a common year)."""
    try:
        return today.replace(year=today.year - ADULT_YEARS)
    except ValueError:  # 29 February, ADULT_YEARS years after a common year
        return date(today.year - ADULT_YEARS, 2, 28)


def _checkers(today: date) -> dict:
    return {
        "seed": integer(0, 2**63 - 1),
        "as_of": iso_date(*AS_OF_RANGE),  # the day generated dates count from
        "national_number": national_number,
        "first_name": text(80),
        "last_name": text(80),
        "birth_date": iso_date(FIRST_BIRTH, latest_birth(today)),
        "sex": choice({"M", "F"}),
        "language": choice({"fr", "nl"}),
        "segment": choice({"private", "professional"}),
        "street": text(120),
        "house_number": text(12),
        "postcode": postcode,
        "city": text(80),
        "email": email,
        "mobile": mobile,
        "company_number": company_number,
        "brand": choice(set(brand_values())),
        "duplicate": boolean,
        "both_brands": boolean,
        "contracts": items(contract(today), MOST_CONTRACTS),
    }


def clean_customer(body: Mapping[str, Any], today: date) -> tuple[int | None, dict]:
    """(seed, overrides): the body checked field by field, then as a whole."""
    values = clean_fields(body, _checkers(today), NULLABLE)
    seed = values.pop("seed", None)
    _agree_with_number(values, today)
    brand = values.get("brand")
    packs = []
    for i, spec in enumerate(values.get("contracts") or ()):
        _sold_by(spec, brand, f"contracts[{i}]")
        if spec.pop("s2_pack", False):
            if (spec.get("brand") or brand) not in (None, brand_of(System.S2PACK)):
                raise Refused(f"the S² Pack is a {_s2_company()} option", f"contracts[{i}].s2_pack")
            packs.append(i)
    if packs:
        values["s2_packs"] = packs  # S2-1: indexes of the contracts taking the pack
    return seed, values


def _s2_company() -> str:
    return profile(brand_of(System.S2PACK)).company


def _agree_with_number(values: dict, today: date) -> None:
    """The birth date and sex a national number encodes are the person's: given ones
    must agree, missing ones follow from the number."""
    number = values.get("national_number")
    if number is None:
        return
    born, sex = nn.get_birth_date(number), nn.get_gender(number)
    if born is None:
        raise Refused("encodes no full birth date: give one with a known birth date",
                      "national_number")  # fmt: skip
    if values.setdefault("birth_date", born) != born:
        raise Refused(f"encodes the birth date {born.isoformat()}, not the birth_date given",
                      "national_number")  # fmt: skip
    if values.setdefault("sex", sex) != sex:
        raise Refused(f"encodes the sex {sex}, not the sex given", "national_number")
    if not FIRST_BIRTH <= born <= latest_birth(today):
        raise Refused(f"encodes the birth date {born.isoformat()}: the customer must be an "
                      f"adult born from {FIRST_BIRTH.year} on", "national_number")  # fmt: skip


def _sold_by(spec: dict, brand: str | None, field: str) -> None:
    """A chosen product must be sold by the contract's brand."""
    from seed.products import facts

    product, contract_brand = spec.get("product"), spec.get("brand") or brand
    if product and contract_brand and contract_brand not in facts()[product].brands:
        raise Refused(f"{product} is not sold by {contract_brand}", f"{field}.product")
