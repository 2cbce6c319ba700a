"""Fake Belgian customers, fast and deterministic: the same seed and options give the
same rows on any day and any machine (one `random.Random(seed)`, dates counted from
`seed.belgium.REFERENCE_DATE` or the `as_of` day of the options, data files shipped in
`seed/data/`; never the machine's today).

`Generator.batch(n)` returns the rows of n customers as tuples in the column order of
`seed.columns`, ids included (contiguous from the first ids it was given), ready for
`executemany`; `seed.bulk.seed_customers` inserts them, `seed.customer.make_customer`
makes one customer through an ORM session, with any field chosen by the caller.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from random import Random, SystemRandom
from typing import Any

from models.brands import brand_values, second_brands
from seed.belgium import (
    LANGUAGES,
    REFERENCE_DATE,
    NationalNumbers,
    expand,
    language_pools,
    mobile_prefixes,
)
from seed.contracts import EMPTY, ContractMaker, Holder
from seed.people import AGES, PersonMaker, age_weights, house_numbers
from seed.products import ONE_PER_CUSTOMER, facts, package_pools, product_pools
from seed.vehicles import covered_pools, kind_pools, models_by_kind

BRANDS = tuple(brand_values())
CONTRACT_COUNTS = ((1, 30), (2, 30), (3, 22), (4, 12), (5, 6))
VEHICLE_PRODUCT = {"car": "car", "motorhome": "car", "motorbike": "motorbike", "moped": "motorbike",
                   "tricycle": "motorbike", "quad": "motorbike"}  # fmt: skip


def parse_mix(text: str | None, allowed: Sequence[str]) -> tuple[tuple[str, float], ...] | None:
    """ "fr=0.4,nl=0.6" -> (("fr", 0.4), ("nl", 0.6)); None for None."""
    if text is None:
        return None
    shares: dict[str, float] = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in allowed:
            raise ValueError(
                f"expected name=share with a name among {', '.join(allowed)}: {part!r}"
            )
        shares[name] = float(value)
        if shares[name] < 0:
            raise ValueError(f"a share cannot be negative: {part!r}")
    if sum(shares.values()) <= 0:
        raise ValueError("the shares add up to nothing")
    return tuple(shares.items())


@dataclass(frozen=True)
class Options:
    """The mix of the generated population; shares need not add up to 1."""

    brand_mix: tuple[tuple[str, float], ...] = tuple((b, 1 / len(BRANDS)) for b in BRANDS)
    language_mix: tuple[tuple[str, float], ...] = (("fr", 0.4), ("nl", 0.6))
    professional_share: float = 0.12
    duplicate_share: float = 0.015
    both_brands_share: float = 0.08
    as_of: date = REFERENCE_DATE  # the day generated dates count from (`--as-of`)


@dataclass
class Batch:
    """The rows of some customers, per table, and what they are made of."""

    people: list[tuple] = field(default_factory=list)
    contracts: list[tuple] = field(default_factory=list)
    components: list[tuple] = field(default_factory=list)
    beneficiaries: list[tuple] = field(default_factory=list)
    documents: list[tuple] = field(default_factory=list)
    customers: int = 0
    duplicates: int = 0
    both_brands: int = 0
    professionals: int = 0
    hidden: int = 0
    products: Counter = field(default_factory=Counter)


class Generator(PersonMaker, ContractMaker):
    """Customers one after the other from one random source."""

    def __init__(self, seed: int, options: Options | None = None,
                 first_ids: Sequence[int] = (1, 1, 1, 1, 1), taken: Any = None) -> None:  # fmt: skip
        self.rng = Random(seed)
        self.options = options or Options()
        self.set_reference(self.options.as_of)
        self.ids = list(first_ids)
        self.numbers = NationalNumbers(taken)
        self.pools = {language: language_pools(language) for language in LANGUAGES}
        self.kinds, self.models, self.covered = kind_pools(), models_by_kind(), covered_pools()
        self.packages, self.products = package_pools(), product_pools()
        known = facts()
        self.lines = {code: f.line for code, f in known.items()}
        self.brands = {code: f.brands for code, f in known.items()}
        self.shown = {(code, s) for code, f in known.items() if f.shown for s in f.segments}
        o = self.options
        self.language_pool = expand(
            [k for k, _ in o.language_mix], [w for _, w in o.language_mix], 1000
        )
        self.brand_pool = expand([k for k, _ in o.brand_mix], [w for _, w in o.brand_mix], 1000)
        self.second_brands = second_brands()  # of a customer of two brands
        self.ages = {s: expand(*age_weights(s), 1000) for s in AGES}
        self.professional_share = o.professional_share
        self.both_brands_share = o.both_brands_share if len(set(self.brand_pool)) > 1 else 0.0
        self.counts = expand([n for n, _ in CONTRACT_COUNTS], [w for _, w in CONTRACT_COUNTS], 100)
        self.houses = {language: house_numbers(language) for language in LANGUAGES}
        self.mobile_prefixes = mobile_prefixes()
        self.portfolios: dict[str, list[int]] = {}  # set by seed.bulk before drawing

    def batch(self, count: int) -> Batch:
        """The rows of the next `count` customers. The cyclic garbage collector pauses
        meanwhile: rows hold no cycles, and it would rescan the growing lists."""
        batch = Batch()
        enabled = gc.isenabled()
        gc.disable()
        try:
            for _ in range(count):
                self.customer(batch)
        finally:
            if enabled:
                gc.enable()
        return batch

    def checkpoint(self) -> tuple:
        """The state the next batch starts from: random source, ids, number counters."""
        return self.rng.getstate(), list(self.ids), self.numbers.counters()

    def restore(self, state: tuple) -> None:
        """Go back to a `checkpoint`: the next batch is drawn again the same way."""
        rng_state, ids, counters = state
        self.rng.setstate(rng_state)
        self.ids = list(ids)
        self.numbers.set_counters(counters)

    def customer(self, batch: Batch, fixed: Mapping[str, Any] = EMPTY) -> list[int]:
        """Append one customer to `batch`; return the ids of its person rows."""
        r = self.rng.random
        person = self._person(fixed)
        segment = person[7]
        pool = self.brand_pool
        brand = str((fixed.get("brand") if fixed else None) or pool[int(r() * len(pool))])
        both = r() < self.both_brands_share
        duplicate = r() < self.options.duplicate_share
        if fixed:
            both, duplicate = fixed.get("both_brands", both), fixed.get("duplicate", duplicate)
        plan = self._plan(
            segment, brand, both, duplicate, fixed.get("contracts") if fixed else None
        )
        holder = Holder(person[0], person[2], person[3], person[6], int(person[4][:4]),
                        f"{person[8]} {person[9]}, {person[10]} {person[11]}")  # fmt: skip
        batch.people.append(person)
        ids = [person[0]]
        if duplicate:
            twin = self._twin(person)
            batch.people.append(twin)
            ids.append(twin[0])
        brands, last = set(), len(plan) - 1
        shown, products = self.shown, batch.products
        for i, (product, contract_brand, spec) in enumerate(plan):
            if duplicate and i == last:
                holder.id = ids[1]
            row = self.contract(batch, holder, contract_brand, product, spec)
            brands.add(row[2])
            products[row[4]] += 1
            if row[6] != "active" or (row[4], segment) not in shown:
                batch.hidden += 1
        batch.customers += 1
        batch.duplicates += duplicate
        batch.both_brands += len(brands) > 1
        batch.professionals += segment == "professional"
        return ids

    def _plan(self, segment: str, brand: str, both: bool, duplicate: bool,
              chosen: list[Mapping] | None) -> list[tuple[str, str, Mapping]]:  # fmt: skip
        """(product, brand, spec) of each contract of the customer: the chosen ones, or
        products drawn from the segment's mix (at most one of some, each sold by its brand)."""
        r = self.rng.random
        held: set[str] = set()
        if chosen:
            plan = []
            for spec in chosen:
                b = str(spec.get("brand") or brand)
                product = str(
                    spec.get("product")
                    or VEHICLE_PRODUCT.get(str(spec.get("vehicle_kind")))
                    or self._draw(segment, b, held)
                )
                held.add(product)
                plan.append((product, b, spec))
            return plan
        count = self.counts[int(r() * len(self.counts))]
        count = max(count, 2) if both or duplicate else count
        other = self.second_brands[brand]
        plan = []
        for i in range(count):
            b = other if both and (i == 1 or (i > 1 and r() < 0.4)) else brand
            product = self._draw(segment, b, held)
            held.add(product)
            plan.append((product, b, EMPTY))
        return plan

    def _draw(self, segment: str, brand: str, held: set[str]) -> str:
        """A product of the segment's mix that `brand` sells, not a second one of those
        a customer holds once."""
        r, pool = self.rng.random, self.products[segment]
        for _ in range(4):
            product = pool[int(r() * len(pool))]
            if brand in self.brands[product] and not (
                product in held and product in ONE_PER_CUSTOMER
            ):
                return product
        return "life_savings"


def random_seed() -> int:
    return SystemRandom().randrange(2**63)
