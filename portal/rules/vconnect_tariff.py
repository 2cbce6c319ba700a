"""The premium of a V-Connect Auto quote from the tariff file (VA-6, VA-10). Pure: the
tariff, the vehicle, the driver and the choices come in as plain values."""

from __future__ import annotations

from dataclasses import dataclass

from models.tariff_auto import Tariff
from portal.rules.vconnect_auto import english_excess_surcharge_percent

ENGLISH_EXCESS_LINE = "english_excess"


@dataclass(frozen=True)
class Rated:
    """The facts the tariff prices."""

    kind: str
    power_kw: int
    value_euro: int
    age_years: int
    use: str
    driver_age: int
    bonus_malus: int


@dataclass(frozen=True)
class PremiumLine:
    code: str  # a guarantee, or ENGLISH_EXCESS_LINE
    cents: int


def driver_factor(tariff: Tariff, age: int) -> float:
    for up_to, factor in tariff.driver_ages:
        if age <= up_to:
            return factor
    return tariff.driver_ages[-1][1]


def bm_factor(tariff: Tariff, degree: int) -> float:
    degree = min(max(degree, tariff.bm_lowest), tariff.bm_highest)
    return tariff.bm_at_zero + tariff.bm_step * degree


def guarantee_cents(tariff: Tariff, code: str, r: Rated) -> int:
    rate = tariff.guarantees[code]
    amount = rate.base + rate.per_kw * r.power_kw + rate.value_permille * r.value_euro / 1000
    amount *= tariff.kinds.get(r.kind, 1.0) * tariff.uses.get(r.use, 1.0)
    amount *= driver_factor(tariff, r.driver_age)
    if rate.bm:
        amount *= bm_factor(tariff, r.bonus_malus)
    if rate.depreciates:
        amount *= max(tariff.depreciation_floor, 1 - tariff.depreciation_per_year * r.age_years)
    return round(amount)


def premium_lines(
    tariff: Tariff, r: Rated, chosen: list[str], english_excess: bool
) -> list[PremiumLine]:
    """One line per chosen guarantee in the tariff's order, then the English excess
    surcharge as its own line when asked for with material damage (VA-6). The total
    is always the sum of the latest choices (VA-10)."""
    lines = [
        PremiumLine(code, guarantee_cents(tariff, code, r))
        for code in tariff.guarantees
        if code in chosen
    ]
    damage = next((line.cents for line in lines if line.code == "material_damage"), None)
    if english_excess and damage is not None:
        percent = english_excess_surcharge_percent(
            r.age_years, r.bonus_malus, tariff.english_excess_standard_percent
        )
        lines.append(PremiumLine(ENGLISH_EXCESS_LINE, round(damage * percent / 100)))
    return lines
