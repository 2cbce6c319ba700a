"""Belgian data for the customer generator, read once from `seed/data/` into pools.

Real postcodes with their postal locality and language region, first and last names
with their Statbel frequencies, common street names, and the identifiers: national
register number, enterprise (VAT) number, mobile number and e-mail address. Nothing
in `seed/` reads a clock: generated ages and dates count from `REFERENCE_DATE`, a fixed
day (or the day `portal-sim seed --as-of` gives, within `AS_OF_RANGE`), so the same seed
gives the same data on any day and any machine. What depends on today (a contract's next
renewal, an age) is worked out when shown, from the simulated clock.
"""

from __future__ import annotations

import csv
import unicodedata
from array import array
from collections.abc import Container, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from random import Random

from seed.identifiers import national_number

DATA = Path(__file__).with_name("data")
REFERENCE_DATE = date(2026, 3, 1)
AS_OF_RANGE = (date(2000, 1, 1), date(2098, 12, 31))  # births, contracts and renewals fit
LANGUAGES = ("fr", "nl")
# Where the speakers of each language live: the rest of Belgium's French speakers live
# in Wallonia, the Dutch speakers in Flanders (German-speaking Belgium is left out).
REGION_SHARES = {
    "nl": {"flanders": 0.95, "brussels": 0.05},
    "fr": {"wallonia": 0.78, "brussels": 0.22},
}
BRUSSELS_FRENCH = 0.85  # share of French speakers among Brussels residents
MOBILE_PREFIXES = (
    ("456", 2), ("460", 3), ("465", 1), ("466", 1), ("467", 1), ("468", 2),
    ("470", 6), ("471", 6), ("472", 6), ("473", 6), ("474", 6), ("475", 6), ("476", 6),
    ("477", 6), ("478", 6), ("479", 6), ("483", 2), ("484", 4), ("485", 4), ("486", 4),
    ("487", 4), ("488", 4), ("489", 2), ("490", 2), ("491", 4), ("492", 4), ("493", 4),
    ("494", 5), ("495", 5), ("496", 5), ("497", 5), ("498", 5), ("499", 5),
)  # fmt: skip
EMAIL_DOMAINS = ("example.be", "example.be", "example.be", "example.com")


@dataclass(frozen=True)
class Locality:
    """A postcode and its postal locality; Brussels localities have both names."""

    postcode: str
    name_fr: str
    name_nl: str
    province: str
    region: str
    weight: int

    def name(self, language: str) -> str:
        """The locality's name in `language`, or in its region's language."""
        wanted = self.name_nl if language == "nl" else self.name_fr
        return wanted or self.name_nl or self.name_fr

    def languages(self) -> tuple[str, ...]:
        return {"flanders": ("nl",), "wallonia": ("fr",)}.get(self.region, LANGUAGES)


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV data file; lines starting with # are comments."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def read_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def localities() -> tuple[Locality, ...]:
    return tuple(
        Locality(
            r["postcode"], r["locality_fr"], r["locality_nl"], r["province"], r["region"],
            int(r["weight"]),
        )
        for r in read_rows("postcodes.csv")
    )  # fmt: skip


@cache
def locality_by_postcode() -> dict[str, Locality]:
    return {loc.postcode: loc for loc in localities()}


def expand(items: Sequence, weights: Sequence[float], size: int) -> list:
    """A pool of about `size` entries in which each item appears in proportion to its
    weight (at least once if its weight is positive): picking uniformly from it is a cheap weighted choice."""
    total = float(sum(weights))
    pool = []
    for item, weight in zip(items, weights, strict=True):
        if weight > 0:
            pool.extend([item] * max(1, round(size * weight / total)))
    return pool


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits only: "D'Hondt" -> "dhondt"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


@dataclass(frozen=True)
class LanguagePools:
    """What a customer of one language is made of; names are (name, e-mail slug)."""

    male: list[tuple[str, str]]
    female: list[tuple[str, str]]
    last: list[tuple[str, str]]
    streets: list[str]
    places: list[tuple[str, str]]  # (postcode, locality name in this language)


@cache
def language_pools(language: str) -> LanguagePools:
    rows = read_rows(f"names_{language}.csv")

    def names(kind: str, size: int) -> list[tuple[str, str]]:
        chosen = [r for r in rows if r["kind"] == kind]
        items = [(r["name"], slug(r["name"])) for r in chosen]
        return expand(items, [int(r["weight"]) for r in chosen], size)

    shares = REGION_SHARES[language]
    places = [loc for loc in localities() if loc.region in shares]
    totals = {region: sum(p.weight for p in places if p.region == region) for region in shares}
    weights = [p.weight * shares[p.region] / totals[p.region] for p in places]
    return LanguagePools(
        male=names("male", 8192),
        female=names("female", 8192),
        last=names("last", 8192),
        streets=read_lines(f"streets_{language}.txt"),
        places=expand([(p.postcode, p.name(language)) for p in places], weights, 8192),
    )


@cache
def mobile_prefixes() -> list[str]:
    return expand([p for p, _ in MOBILE_PREFIXES], [w for _, w in MOBILE_PREFIXES], 512)


def enterprise_number(rng: Random) -> str:
    """A Belgian enterprise (VAT) number, 10 digits: 0, 7 digits, a mod-97 check."""
    base = 2_000_000 + int(rng.random() * 7_999_999)
    return f"0{base:07d}{97 - base % 97:02d}"


class NationalNumbers:
    """Hands out national register numbers that are unique for this generator (and
    unlike any in `taken`): the k-th person of one sex born on a day gets a serial from
    a fixed permutation of the 499 serials of that sex, so numbers never repeat. The
    counters sit in one preallocated array over 1900-2099 (the years a national number
    can encode): memory does not grow with the number of people."""

    FIRST = date(1900, 1, 1).toordinal()
    LAST = date(2099, 12, 31).toordinal()

    def __init__(self, taken: Container[str] | None = None) -> None:
        self.taken = taken if taken is not None else frozenset()
        self._issued = array("H", bytes(2 * 2 * (self.LAST - self.FIRST + 1)))

    def counters(self) -> array:
        """A copy of the counters, to go back to with `set_counters`."""
        return array("H", self._issued)

    def set_counters(self, counters: array) -> None:
        self._issued = array("H", counters)

    def issue(self, ordinal: int, sex: str) -> tuple[str, int]:
        """A fresh number for someone born on day `ordinal` (date.toordinal), and the
        birth day it encodes: the same day unless all 499 serials of it are used."""
        if not self.FIRST <= ordinal <= self.LAST:
            raise ValueError("a national number encodes a birth date from 1900 to 2099")
        odd = sex == "M"
        issued = self._issued
        while True:
            key = (ordinal - self.FIRST) * 2 + odd
            k = issued[key]
            if k >= 499:
                ordinal += 1
                continue
            issued[key] = k + 1
            serial = 2 * ((k * 211 + ordinal) % 499) + (1 if odd else 2)
            number = national_number(date.fromordinal(ordinal), serial)
            if number not in self.taken:
                return number, ordinal
