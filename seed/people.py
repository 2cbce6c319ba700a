"""The person records of a generated customer (a mixin of the generator): language,
address, names, national number and contact details consistent with each other."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from random import Random
from typing import Any

from seed.belgium import (
    EMAIL_DOMAINS,
    LANGUAGES,
    LanguagePools,
    NationalNumbers,
    enterprise_number,
    locality_by_postcode,
    slug,
)
from seed.columns import PERSON_INDEX, override, row_value

AGES = {
    "private": ((18, 24, 0.8), (25, 34, 1.0), (35, 44, 1.1), (45, 54, 1.1), (55, 64, 1.1),
                (65, 74, 0.85), (75, 84, 0.5), (85, 90, 0.2)),
    "professional": ((25, 34, 0.8), (35, 44, 1.1), (45, 54, 1.1), (55, 67, 0.8)),
}  # fmt: skip
ABBREVIATIONS = (("Rue ", "R. "), ("Avenue ", "Av. "), ("Chaussée ", "Chée "), ("straat", "str."))


class PersonMaker:
    """Person rows; the generator provides the random source, pools and ids."""

    rng: Random
    ids: list[int]
    pools: dict[str, LanguagePools]
    numbers: NationalNumbers
    ages: dict[str, list[int]]
    language_pool: list[str]
    professional_share: float
    houses: dict[str, list[str]]
    mobile_prefixes: list[str]
    ref_ordinal: int  # the reference day ages count from (ContractMaker.set_reference)

    def _person(self, fixed: Mapping[str, Any]) -> tuple:
        r = self.rng.random
        segment = str(
            fixed.get("segment") or ("professional" if r() < self.professional_share else "private")
        )
        sex = fixed.get("sex") or ("M" if r() < 0.5 else "F")
        language, postcode, city = self._place(fixed)
        pools = self.pools[language]
        names = pools.male if sex == "M" else pools.female
        first, first_slug = names[int(r() * len(names))]
        last, last_slug = pools.last[int(r() * len(pools.last))]
        if "first_name" in fixed:
            first, first_slug = fixed["first_name"], slug(fixed["first_name"])
        if "last_name" in fixed:
            last, last_slug = fixed["last_name"], slug(fixed["last_name"])
        if fixed.get("birth_date"):
            day = date.fromisoformat(row_value(fixed["birth_date"])).toordinal()
        else:
            ages = self.ages[segment]
            day = self.ref_ordinal - int((ages[int(r() * len(ages))] + r()) * 365.2425)
        if fixed.get("national_number"):
            number = str(fixed["national_number"])
        else:
            number, day = self.numbers.issue(day, sex)
        birth = date.fromordinal(day).isoformat()
        pid = self.ids[0]
        self.ids[0] = pid + 1
        email = None
        if r() < 0.85:  # first.last<id>@example.be: unique
            email = f"{first_slug}.{last_slug}{pid}@{EMAIL_DOMAINS[int(r() * len(EMAIL_DOMAINS))]}"
        mobile = None
        if r() < 0.8:
            prefixes = self.mobile_prefixes
            mobile = f"+32{prefixes[int(r() * len(prefixes))]}{int(r() * 1e6):06d}"
        company = enterprise_number(self.rng) if segment == "professional" and r() < 0.9 else None
        houses = self.houses[language]
        row = (pid, number, first, last, birth, sex, language, segment,
               pools.streets[int(r() * len(pools.streets))], houses[int(r() * len(houses))],
               postcode, city, email, mobile, company)  # fmt: skip
        return override(row, fixed, PERSON_INDEX) if fixed else row

    def _place(self, fixed: Mapping[str, Any]) -> tuple[str, str, str]:
        """Language, postcode and locality, consistent with each other."""
        r = self.rng.random
        language = fixed.get("language")
        language = str(language) if language else None
        postcode = fixed.get("postcode")
        if postcode:
            place = locality_by_postcode().get(str(postcode))
            choices = place.languages() if place else LANGUAGES
            if language is None:
                language = choices[int(r() * len(choices))]
            return language, str(postcode), place.name(language) if place else ""
        language = language or self.language_pool[int(r() * len(self.language_pool))]
        places = self.pools[language].places
        code, city = places[int(r() * len(places))]
        return language, code, city

    def _twin(self, person: tuple) -> tuple:
        """A second record of the same person (RG-5): the address typed differently,
        no e-mail address."""
        street, house = person[8], person[9]
        for long, short in ABBREVIATIONS:
            street = street.replace(long, short)
        if house.isdigit():
            house = f"{house}/{1 + int(self.rng.random() * 5)}"
        pid = self.ids[0]
        self.ids[0] = pid + 1
        return (pid, *person[1:8], street, house, *person[10:12], None, *person[13:])


@cache
def house_numbers(language: str, size: int = 4096) -> list[str]:
    """A pool of house numbers (the same on every run): mostly low numbers, some with a
    letter or a box ("bus" in Dutch, "bte" in French)."""
    box = "bus" if language == "nl" else "bte"
    r = Random(f"house numbers {language}").random
    pool = []
    for _ in range(size):
        y = r()
        number, x = str(1 + int(y * y * 200)), r()
        if x >= 0.95:
            number = f"{number} {box} {1 + int(r() * 12)}"
        elif x >= 0.9:
            number += "ABC"[int(r() * 3)]
        pool.append(number)
    return pool


def age_weights(segment: str) -> tuple[list[int], list[float]]:
    """Every age of the segment with its weight."""
    ages, weights = [], []
    for low, high, weight in AGES[segment]:
        for age in range(low, high + 1):
            ages.append(age)
            weights.append(weight)
    return ages, weights
