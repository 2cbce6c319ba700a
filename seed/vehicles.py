"""Vehicles for the generator, following the V-Connect Auto release note (docs/RULES.md):
plates of at most 8 upper-case alphanumerics, 17-character VINs without I, O or Q,
motorhomes up to 5,000 kg, no accident assistance on mopeds, tricycles and quads nor on
motorbikes older than 8 years."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from math import sqrt
from random import Random

from models.catalogue import default_catalogue
from seed.belgium import REFERENCE_DATE, expand, read_rows

NO_ACCIDENT_ASSISTANCE = frozenset({"moped", "tricycle", "quad"})
MOTORBIKE_ASSISTANCE_MAX_AGE = 8
# The vehicle kinds each product insures, with their shares.
KINDS = {
    "car": (("car", 95), ("motorhome", 5)),
    "motorbike": (("motorbike", 70), ("moped", 18), ("tricycle", 5), ("quad", 7)),
    "car_legacy": (("car", 1),),
}
MAX_AGE = {"car": 20, "motorhome": 20, "motorbike": 25, "moped": 12, "tricycle": 12, "quad": 15}
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q: valid both on plates and in VINs
VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5,
                                                 7, 9, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))  # fmt: skip
VIN_VALUES.update({str(d): d for d in range(10)})
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model years 1980..2009, then again from 2010
# The serial's part of the check digit's weighted sum, three digits at a time: its digits
# from the last one weigh 2, 3, 4 (SERIAL_LOW, the last three) and 5, 6, 7 (SERIAL_HIGH).
SERIAL_LOW = tuple(n % 10 * 2 + n // 10 % 10 * 3 + n // 100 * 4 for n in range(1000))
SERIAL_HIGH = tuple(n % 10 * 5 + n // 10 % 10 * 6 + n // 100 * 7 for n in range(1000))
COVER_LEVELS = (
    (("civil_liability",), 25, 40),
    (("civil_liability", "driver_protection", "legal_assistance"), 30, 40),
    (
        (
            "civil_liability",
            "driver_protection",
            "legal_assistance",
            "glass",
            "fire",
            "nature",
            "theft",
        ),
        25,
        15,
    ),
    (
        (
            "civil_liability",
            "driver_protection",
            "legal_assistance",
            "glass",
            "fire",
            "nature",
            "theft",
            "material_damage",
        ),
        20,
        5,
    ),
)  # fmt: skip  (items, weight for a vehicle up to 8 years old, weight when older)
ASSISTANCE = (
    ((), 30),
    (("breakdown_assistance",), 25),
    (("accident_assistance", "breakdown_assistance"), 15),
    (("accident_assistance", "breakdown_assistance", "person_assistance"), 20),
    (("accident_assistance", "breakdown_assistance", "person_assistance", "theft_assistance",
      "vehicle_upgrade"), 7),
    (("accident_assistance", "breakdown_assistance", "person_assistance", "theft_assistance",
      "vehicle_upgrade", "tyres"), 3),
)  # fmt: skip


@dataclass(frozen=True)
class Model:
    kind: str
    make: str
    model: str
    power_kw: int
    prefix: str  # world manufacturer identifier and vehicle descriptor: VIN characters 1-8
    mass_kg: int | None
    prefix_sum: int  # the prefix's part of the weighted sum of the VIN check digit


@cache
def models_by_kind() -> dict[str, list[Model]]:
    """Weighted pools of models, per vehicle kind."""
    rows = read_rows("vehicles.csv")
    pools: dict[str, list[Model]] = {}
    for kind in {r["kind"] for r in rows}:
        chosen = [r for r in rows if r["kind"] == kind]
        items = [
            Model(
                kind, r["make"], r["model"], int(r["power_kw"]), r["wmi"] + r["vds"],
                int(r["mass_kg"]) if r["mass_kg"] else None,
                sum(VIN_VALUES[ch] * w for ch, w in zip(r["wmi"] + r["vds"], VIN_WEIGHTS[:8], strict=True)),
            )
            for r in chosen
        ]  # fmt: skip
        pools[kind] = expand(items, [int(r["weight"]) for r in chosen], 1024)
    return pools


@cache
def kind_pools() -> dict[str, list[str]]:
    return {p: expand([k for k, _ in ks], [w for _, w in ks], 100) for p, ks in KINDS.items()}


def accident_assistance_allowed(kind: str, year: int) -> bool:
    """The V-Connect rule on the "accident assistance" guarantee."""
    if kind in NO_ACCIDENT_ASSISTANCE:
        return False
    return kind != "motorbike" or REFERENCE_DATE.year - year <= MOTORBIKE_ASSISTANCE_MAX_AGE


def _order() -> dict[str, int]:
    groups = default_catalogue().guarantee_sets["vehicle"]
    items = [item for group in groups for item in group.items]
    return {item: i for i, item in enumerate(items)}


@cache
def covered_pools() -> dict[tuple[str, bool], list[str]]:
    """JSON lists of covered guarantees per (vehicle kind, older than 8 years), ready for
    the `covered` column; every list respects the accident-assistance rule."""
    order = _order()
    pools = {}
    for kind in MAX_AGE:
        contents = "rider_equipment" if kind in ("motorbike", *NO_ACCIDENT_ASSISTANCE) else (
            "private_contents")  # fmt: skip
        for old in (False, True):
            allowed = accident_assistance_allowed(kind, REFERENCE_DATE.year - (9 if old else 0))
            items, weights = [], []
            for level, young_w, old_w in COVER_LEVELS:
                for extra, assist_w in ASSISTANCE:
                    for with_contents, contents_w in ((False, 4), (True, 1)):
                        chosen = set(level) | set(extra) | ({contents} if with_contents else set())
                        if not allowed:
                            chosen.discard("accident_assistance")
                        items.append(json.dumps(sorted(chosen, key=order.__getitem__)))
                        weights.append((old_w if old else young_w) * assist_w * contents_w)
            pools[kind, old] = expand(items, weights, 2048)
    return pools


def plate(kind: str, year: int, rng: Random) -> str:
    """A Belgian number plate: 1ABC234 (2ABC234 since 2019), ABC123 before 2010, and
    S + 2 letters + 3 digits for mopeds."""
    r = rng.random
    a, b, c = LETTERS[int(r() * 23)], LETTERS[int(r() * 23)], LETTERS[int(r() * 23)]
    digits = f"{int(r() * 1000):03d}"
    if kind == "moped":
        return f"S{a}{b}{digits}"
    if year < 2010 and r() < 0.5:
        return f"{a}{b}{c}{digits}"
    first = "2" if year >= 2019 and r() < 0.6 else "1"
    return f"{first}{a}{b}{c}{digits}"


def vin(model: Model, year: int, rng: Random) -> str:
    """A 17-character VIN: manufacturer and descriptor, check digit (ISO 3779 / North
    American rule), model year, plant, serial; digits and letters other than I, O, Q."""
    r = rng.random
    code, plant, serial = YEAR_CODES[(year - 1980) % 30], LETTERS[int(r() * 23)], int(r() * 1e6)
    total = model.prefix_sum + VIN_VALUES[code] * 9 + VIN_VALUES[plant] * 8
    check = (total + SERIAL_HIGH[serial // 1000] + SERIAL_LOW[serial % 1000]) % 11
    return f"{model.prefix}{'X' if check == 10 else check}{code}{plant}{serial:06d}"


def vehicle_year(kind: str, rng: Random, reference_year: int) -> int:
    """A model year up to `reference_year`: young vehicles are the most common
    (x * sqrt(x) rather than x ** 1.5, whose last bit may differ between machines)."""
    x = rng.random()
    return reference_year - int(x * sqrt(x) * (MAX_AGE[kind] + 1))
