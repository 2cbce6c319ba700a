"""A simulated Informex, the vehicle database V-Connect Auto looks vehicles up in (VA-4).

Deterministic: the same makes, models, versions, years, powers and catalogue values on
every machine and in every world (figures from CRC-32, not from a random generator).
About 3,400 entries: make -> model -> version -> model year. It lives in `models/`
because the back-office services read it and it needs the standard library only. The
fault `informex_unavailable` (models.sim) makes it answer nothing; a vehicle missing
from it is typed in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from zlib import crc32

FIRST_YEAR = 2008
LAST_YEAR = 2026
MODELS: dict[str, dict[str, tuple[str, ...]]] = {
    "car": {
        "Volkswagen": ("Golf", "Polo", "Passat", "Tiguan", "ID.3"),
        "Renault": ("Clio", "Megane", "Captur", "Zoe"),
        "Peugeot": ("208", "308", "3008", "5008"),
        "BMW": ("Série 1", "Série 3", "X1", "i4"),
        "Toyota": ("Yaris", "Corolla", "RAV4", "C-HR"),
        "Skoda": ("Fabia", "Octavia", "Kodiaq"),
        "Tesla": ("Model 3", "Model Y"),
    },
    "van": {
        "Ford": ("Transit", "Transit Custom"),
        "Mercedes-Benz": ("Sprinter", "Vito"),
        "Renault": ("Trafic", "Master"),
    },
    "motorhome": {
        "Hymer": ("B-Klasse", "Exsis"),
        "Knaus": ("Sky TI", "Van TI"),
        "Fiat": ("Ducato Camper",),
    },
    "motorbike": {
        "Yamaha": ("MT-07", "Tracer 9", "XSR700"),
        "Honda": ("CB500F", "Africa Twin", "NC750X"),
        "BMW Motorrad": ("R 1250 GS", "F 900 R"),
        "Kawasaki": ("Z650", "Ninja 650"),
    },
    "moped": {
        "Piaggio": ("Zip", "Liberty"),
        "Peugeot": ("Kisbee", "Tweet"),
        "Vespa": ("Primavera 50",),
    },
    "tricycle": {"Piaggio": ("MP3 300", "MP3 500"), "Can-Am": ("Spyder", "Ryker")},
    "quad": {"Polaris": ("Sportsman 570",), "Can-Am": ("Outlander 650",), "Kymco": ("MXU 300",)},
}
VERSIONS = ("Base", "Comfort", "Sport")
# Power range (kW) and catalogue value range (euro) per kind.
POWER = {"car": (55, 160), "van": (75, 140), "motorhome": (100, 130), "motorbike": (35, 100),
         "moped": (2, 4), "tricycle": (20, 45), "quad": (20, 40)}  # fmt: skip
VALUE = {"car": (15_000, 65_000), "van": (28_000, 55_000), "motorhome": (55_000, 120_000),
         "motorbike": (6_000, 22_000), "moped": (2_000, 4_500), "tricycle": (8_000, 25_000),
         "quad": (7_000, 16_000)}  # fmt: skip
MASS = (3_300, 5_400)  # motorhomes: maximum authorised mass (kg), some above VA-3's limit


@dataclass(frozen=True)
class Vehicle:
    code: str  # "IX" + 6 digits
    kind: str
    make: str
    model: str
    version: str
    year: int
    power_kw: int
    value_euro: int
    mass_kg: int | None


def _spread(key: str, low: int, high: int) -> int:
    return low + crc32(key.encode()) % (high - low + 1)


@cache
def catalogue() -> dict[str, Vehicle]:
    """Every entry by its code, in browsing order."""
    rows: dict[str, Vehicle] = {}
    for kind, makes in MODELS.items():
        for make, models in makes.items():
            for model in models:
                for step, version in enumerate(VERSIONS):
                    name = f"{kind}/{make}/{model}"
                    power = _spread(name, *POWER[kind]) + step * 8
                    for year in range(FIRST_YEAR, LAST_YEAR + 1):
                        code = f"IX{len(rows) + 1:06d}"
                        value = _spread(f"{name}/{version}", *VALUE[kind]) * (100 + 4 * step)
                        value = round(value / 100 * (1 + (year - FIRST_YEAR) * 0.015), -2)
                        mass = _spread(f"{name}/{version}", *MASS) if kind == "motorhome" else None
                        rows[code] = Vehicle(
                            code, kind, make, model, version, year, power, int(value), mass
                        )
    return rows


def makes(kind: str) -> list[str]:
    return sorted(MODELS.get(kind, {}))


def models_of(kind: str, make: str) -> list[str]:
    return list(MODELS.get(kind, {}).get(make, ()))


def versions_of(kind: str, make: str, model: str) -> list[Vehicle]:
    """The entries of one model: every version and model year."""
    return [v for v in catalogue().values() if (v.kind, v.make, v.model) == (kind, make, model)]


def lookup(code: str) -> Vehicle | None:
    return catalogue().get(code)
