"""The contracts of a generated customer, with their life components, beneficiaries and
documents, as rows in the column order of `seed.columns` (a mixin of the generator).

Written for speed: rows are tuples built in place, random draws index pre-built pools,
and a contract `spec` (chosen values, see `make_customer`) is only read when given."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from math import sqrt
from random import Random
from typing import Any

from models.brands import PROFILES
from seed.belgium import REFERENCE_DATE, LanguagePools
from seed.columns import CONTRACT_INDEX, override, row_value
from seed.products import LEGAL_HEIRS, LIFE, PREMIUMS, RISK_NOTES
from seed.vehicles import plate, vehicle_year, vin

MONTH_DAYS = tuple(f"-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29))
EMPTY: Mapping[str, Any] = {}
SAVINGS_LIFE = frozenset(LIFE) - {"life_death"}
VEHICLE_PRODUCTS = frozenset({"car", "motorbike", "car_legacy"})
CONTRACT_PREFIXES = {str(brand): p.contract_prefix for brand, p in PROFILES.items()}
DOC_DATES = {year: (f"{year}-12-20", f"{year + 1}-02-15", f"{year + 1}-01-31") for year in
             range(1900, 2100)}  # fmt: skip


class Holder:
    """The customer record a contract belongs to, as the contract rows need it."""

    __slots__ = ("address", "birth_year", "first", "id", "language", "last", "name")

    def __init__(self, id_: int, first: str, last: str, language: str, birth_year: int,
                 address: str) -> None:  # fmt: skip
        self.id, self.first, self.last, self.name = id_, first, last, f"{first} {last}"
        self.language, self.birth_year, self.address = language, birth_year, address


class ContractMaker:
    """Contract rows; the generator provides the random source, pools and ids."""

    rng: Random
    ids: list[int]  # next id of: person, contract, life_component, beneficiary, document
    pools: dict[str, LanguagePools]
    kinds: dict[str, list[str]]
    models: dict[str, list]
    covered: dict[tuple[str, bool], list[str]]
    packages: dict[str, list[str]]
    lines: dict[str, str]
    ref_year: int
    ref_month_day: tuple[int, int]
    ref_day: int  # index in MONTH_DAYS of the reference's day (or of the 28th before it)
    open_days: int  # start days of the reference year before the reference's month
    ref_ordinal: int
    portfolios: dict[str, list[int]]  # BK-3: the generated intermediaries' ids by brand

    def intermediary_of(self, brand: str, holder_id: int) -> int | None:
        """BK-3: the intermediary of a holder's contracts of a brand, the holder's id modulo
        the brand's portfolios (`seed.intermediaries.plan_portfolios`); None without."""
        ids = self.portfolios.get(brand)
        return ids[holder_id % len(ids)] if ids else None

    def set_reference(self, day: date = REFERENCE_DATE) -> None:
        """The fixed day the generated dates count from (`seed.belgium.REFERENCE_DATE`
        unless `--as-of` moves it): contracts start by then, renew after it, documents
        are issued up to it; never the machine's today."""
        self.ref_year, self.ref_month_day = day.year, (day.month, day.day)
        self.ref_day = (day.month - 1) * 28 + min(day.day, 28) - 1
        self.open_days = (day.month - 1) * 28
        self.ref_ordinal = day.toordinal()  # for PersonMaker: ages count from it

    def contract(self, batch, holder: Holder, brand: str, product: str, spec=EMPTY) -> tuple:
        """Append one contract (and its life rows) to `batch`; return the row."""
        r = self.rng.random
        ids = self.ids
        cid = ids[1]
        ids[1] = cid + 1
        life = product in LIFE
        earliest, floor = holder.birth_year + 18, 1990 if life else 2000
        if earliest < floor:
            earliest = floor
        ref_year = latest = self.ref_year
        # BK-3, as `intermediary_of` (inlined: one per contract): the tail's last column
        portfolio = self.portfolios.get(brand)
        broker = portfolio[holder.id % len(portfolio)] if portfolio else None
        tail = None  # covered ... risk note, and the intermediary: 14 columns
        if product in VEHICLE_PRODUCTS:
            tail = self._vehicle(holder, product, spec, broker)
            if product == "car_legacy":  # still in the old system: started long ago
                latest = max(earliest, 2008)
            elif earliest < tail[7] - 1:
                earliest = tail[7] - 1
        status = (spec.get("status") if spec else None) or (
            "ended" if not life and r() < 0.017 and earliest <= ref_year - 2 else "active"
        )  # fmt: skip
        if status != "active":
            latest = min(latest, ref_year - 2)
        year, start, renewal, end = self._dates(earliest, latest, status, spec)
        low, high = PREMIUMS[product]
        premium = (spec.get("annual_premium_cents") if spec else None) or low + int(
            r() * (high - low)
        )
        if tail is None:
            if life:
                saved = self._life(batch, holder, product, cid, premium, year, spec)
                tail = ("[]", saved, None, None, None, None, None, None, None, None, None,
                        None, None, broker)  # fmt: skip
            else:
                tail = self._risk(holder, product, broker)
        # the brand's prefix, the id, a check digit: unique, and unlike the personas'
        number = f"{CONTRACT_PREFIXES[brand]}{cid:08d}{cid % 7}"
        head = (cid, number, brand, holder.id, product, self.lines[product], status, start,
                renewal, end, premium)  # fmt: skip
        row = head + tail  # one copy of both; unpacking would build a list first
        if spec:
            row = override(row, {k: v for k, v in spec.items() if k != "holder_id"}, CONTRACT_INDEX)
        batch.contracts.append(row)
        return row

    def _dates(self, earliest: int, latest: int, status: str, spec) -> tuple:
        """Start year, then start, renewal and end dates (ISO); recent years are the most
        common, an active contract renews on its next anniversary."""
        r, ref_year = self.rng.random, self.ref_year
        if spec and spec.get("start_date"):
            start = str(row_value(spec["start_date"]))
            year, month_day = int(start[:4]), start[4:]
            later = (int(start[5:7]), int(start[8:10])) > self.ref_month_day
        else:
            earliest = min(earliest, latest)
            x = r()  # x * sqrt(x), not x ** 1.5: sqrt is exact on every machine, pow is not
            year = latest - int(x * sqrt(x) * (latest - earliest + 1))
            i = int(r() * (self.open_days if year == ref_year else len(MONTH_DAYS)))
            month_day, later = MONTH_DAYS[i], i > self.ref_day
            start = f"{year}{month_day}"
        if status == "active":
            return year, start, f"{ref_year if later else ref_year + 1}{month_day}", None
        return year, start, None, f"{min(ref_year - 1, year + 1 + int(r() * 6))}{month_day}"

    def _vehicle(self, holder: Holder, product: str, spec: Mapping, broker) -> tuple:
        """covered, savings and the vehicle columns, main driver, risk address and note,
        then the intermediary."""
        rng = self.rng
        r = rng.random
        kind = spec.get("vehicle_kind") if spec else None
        if kind:
            kind = getattr(kind, "value", kind)
        else:
            kinds = self.kinds[product]
            kind = kinds[int(r() * len(kinds))]
        models = self.models[kind]
        model = models[int(r() * len(models))]
        legacy = product == "car_legacy"
        year = (spec.get("vehicle_year") if spec else None) or (
            1996 + int(r() * 13) if legacy else vehicle_year(kind, rng, self.ref_year)
        )
        if legacy:
            covered, chassis = "[]", vin(model, year, rng) if r() < 0.5 else None
        else:
            pool = self.covered[kind, self.ref_year - year > 8]
            covered, chassis = pool[int(r() * len(pool))], vin(model, year, rng)
        driver = holder.name if r() < 0.92 else None
        return (covered, None, kind, model.make, model.model, plate(kind, year, rng), chassis,
                year, model.power_kw, model.mass_kg, driver, None, None, broker)  # fmt: skip

    def _risk(self, holder: Holder, product: str, broker) -> tuple:
        """covered, savings ... risk note of a product neither life nor vehicle, then the
        intermediary."""
        pool = self.packages.get(product)
        if pool is not None:
            address = holder.address if product == "fire" else None
            return (pool[int(self.rng.random() * len(pool))], None, None, None, None, None,
                    None, None, None, None, None, address, None, broker)  # fmt: skip
        notes = RISK_NOTES.get(product)
        note = None if notes is None else notes[holder.language]
        note = note and note[int(self.rng.random() * len(note))]
        return ("[]", None, None, None, None, None, None, None, None, None, None, None, note,
                broker)  # fmt: skip

    def _life(self, batch, holder, product: str, cid: int, premium: int, start: int, spec):
        """Add the composition, beneficiaries and documents of a shown life contract;
        return its savings (None for a death cover)."""
        r = self.rng.random
        ref_year = self.ref_year
        years = ref_year - start if start < ref_year else 0
        saved = int(premium * years * (1 + 0.012 * years))
        if product == "life_investment":
            saved = int(saved * (0.85 + r() * 0.4))
        if spec and spec.get("components"):
            parts = [
                (p["kind"], p.get("savings_cents"), p.get("insured_cents"))
                for p in spec["components"]
            ]
        else:
            parts = self._components(product, saved)
        self._append(batch.components, 2, cid, parts)
        if spec and spec.get("beneficiaries"):
            who = [
                (b["event"], b["name"], b.get("share_percent", 100)) for b in spec["beneficiaries"]
            ]
        else:
            who = self._beneficiaries(holder, product)
        self._append(batch.beneficiaries, 3, cid, who)
        years_ = spec.get("life_documents") if spec else None
        if years_ is None:
            first = ref_year - 1 - int(r() * 4)
            years_ = range(start if start > first else first, ref_year)
        self._documents(batch.documents, cid, premium, saved, years_)
        return saved if product in SAVINGS_LIFE else None

    def _append(self, rows: list, table: int, cid: int, items: list[tuple]) -> None:
        """Child rows (id, contract_id, position, *item) of 3-item `items`, with the next
        ids of `table`."""
        ids = self.ids
        first = ids[table]
        position = 0
        for a, b, c in items:
            rows.append((first + position, cid, position, a, b, c))
            position += 1
        ids[table] = first + position

    def _components(self, product: str, saved: int) -> list[tuple]:
        """(kind, savings, insured) of each part: the main one, then the options."""
        r = self.rng.random
        main, options = LIFE[product]
        if main == "death_cover":
            parts = [(main, None, 2_500_000 + int(r() * 22_500_000))]
        else:
            parts = [(main, saved, None)]
        for kind, p in options:
            if r() >= p:
                continue
            if kind == "death_cover":
                parts.append((kind, None, 2_500_000 + int(r() * 22_500_000)))
            elif kind == "guaranteed_income":
                parts.append((kind, None, 1_200_000 + int(r() * 3_600_000)))
            else:  # a second fund: the savings are split
                first = int(saved * (0.5 + r() * 0.4))
                parts[0] = (main, first, None)
                parts.append((kind, saved - first, None))
        return parts

    def _beneficiaries(self, holder: Holder, product: str) -> list[tuple]:
        """(event, name, share) of each beneficiary: often the holder in life, relatives
        or the legal heirs in death."""
        r = self.rng.random
        who = [("life", holder.name, 100)] if product in SAVINGS_LIFE and r() < 0.6 else []
        x = r()
        if x < 0.15:
            who.append(("death", LEGAL_HEIRS[holder.language], 100))
            return who
        pools = self.pools[holder.language]
        shares = (
            (100,) if x < 0.65 else (50, 50) if x < 0.82 else (60, 40) if x < 0.92 else (40, 30, 30)
        )
        for share in shares:
            names = pools.female if r() < 0.5 else pools.male
            last = holder.last if r() < 0.7 else pools.last[int(r() * len(pools.last))][0]
            who.append(("death", f"{names[int(r() * len(names))][0]} {last}", share))
        return who

    def _documents(self, docs: list, cid: int, premium: int, saved: int, years) -> None:
        """The three life documents of each year (DC-1), issued on or before the
        reference date, with the amounts of seed.build.add_life_documents."""
        tax = premium if premium < 101_000 else 101_000
        ids = self.ids
        next_id, last = ids[4], self.ref_year - 1
        extend = docs.extend
        for year in years:
            factor = 1 - 0.08 * (last - year)
            proof, certificate, statement = DOC_DATES[year]
            extend((
                (next_id, cid, "premium_proof", year, proof, premium),
                (next_id + 1, cid, "tax_certificate", year, certificate, tax),
                (next_id + 2, cid, "annual_statement", year, statement,
                 int(saved * (factor if factor > 0.4 else 0.4))),
            ))  # fmt: skip
            next_id += 3
        ids[4] = next_id
