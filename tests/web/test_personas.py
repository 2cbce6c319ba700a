"""The demo personas: deterministic, valid Belgian data, and every catalogue product used."""

from __future__ import annotations

import hashlib
import re

import phonenumbers
from sqlalchemy import select
from stdnum.be import nn

from models import Base, Contract, Person
from models.catalogue import load_catalogue
from models.enums import VehicleKind
from seed.demo import load_demo

PLATE = re.compile(r"^[A-Z0-9]{1,8}$")
VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
NO_ACCIDENT_ASSISTANCE = {VehicleKind.MOPED, VehicleKind.TRICYCLE, VehicleKind.QUAD}


def _dump(db) -> str:
    """A hash of every column of every back-office table, row by row."""
    rows = []
    for table in Base.metadata.sorted_tables:
        for row in db.execute(select(table).order_by(*table.primary_key.columns)):
            rows.append(f"{table.name}:{tuple(row)}")
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def test_personas_are_the_same_every_time(db):
    load_demo(db)
    first = _dump(db)
    load_demo(db, reset=True)
    assert _dump(db) == first


def test_personas_have_valid_national_numbers_matching_birth_date_and_sex(db, personas):
    for person in db.scalars(select(Person)):
        assert nn.is_valid(person.national_number), person.full_name
        assert nn.get_birth_date(person.national_number) == person.birth_date
        assert nn.get_gender(person.national_number) == person.sex


def test_personas_have_belgian_mobile_numbers(db, personas):
    for person in db.scalars(select(Person).where(Person.mobile.is_not(None))):
        parsed = phonenumbers.parse(person.mobile)
        assert phonenumbers.is_valid_number(parsed) and parsed.country_code == 32
        assert phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


def test_persona_vehicles_obey_the_v_connect_rules(db, personas):
    vehicles = db.scalars(select(Contract).where(Contract.vehicle_kind.is_not(None))).all()
    assert vehicles
    for c in vehicles:
        if c.vehicle_plate:
            assert PLATE.match(c.vehicle_plate), c.number
        if c.vehicle_vin:
            assert VIN.match(c.vehicle_vin), c.number
        if c.vehicle_kind in NO_ACCIDENT_ASSISTANCE:
            assert "accident_assistance" not in c.covered, c.number
        if c.vehicle_kind == VehicleKind.MOTORBIKE and "accident_assistance" in c.covered:
            assert 2026 - c.vehicle_year <= 8, c.number
        if c.vehicle_kind == VehicleKind.MOTORHOME:
            assert c.vehicle_mass_kg <= 5000


def test_personas_hold_every_product_of_the_catalogue_but_one_vivium_only(db, personas):
    held = {(c.product, c.brand) for c in db.scalars(select(Contract))}
    products = {p for p, _ in held}
    missing = set(load_catalogue().products) - products
    assert missing == set(), missing


def test_persona_covered_guarantees_exist_in_their_products_set(db, personas):
    cat = load_catalogue()
    for c in db.scalars(select(Contract)):
        product = cat.products[c.product]
        offered = set()
        if product.guarantees:
            offered = {g for group in cat.guarantee_sets[product.guarantees] for g in group.items}
        assert set(c.covered) <= offered, c.number


def test_one_persona_is_recorded_twice(db, personas):
    numbers = [p.national_number for p in db.scalars(select(Person))]
    doubles = {n for n in numbers if numbers.count(n) > 1}
    assert len(doubles) == 1
