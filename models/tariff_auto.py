"""The fictitious V-Connect Auto tariff, read from `tariff_auto.toml` (a data file a
trainer can edit; `PORTAL_TARIFF_AUTO` points at another one). Checked when loaded: an
unknown key or a missing number fails at start-up with the entry's name."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).with_name("tariff_auto.toml")


class TariffError(ValueError):
    """The tariff file is not usable; the message names the faulty entry."""


@dataclass(frozen=True)
class GuaranteeRate:
    code: str
    base: int
    per_kw: int
    value_permille: int
    bm: bool
    depreciates: bool
    compulsory: bool


@dataclass(frozen=True)
class AcceptanceCriterion:
    name: str
    fact: str
    limit: float
    removed: bool


@dataclass(frozen=True)
class Tariff:
    english_excess_standard_percent: int
    guarantees: dict[str, GuaranteeRate]
    kinds: dict[str, float]
    uses: dict[str, float]
    driver_ages: tuple[tuple[int, float], ...]
    bm_lowest: int
    bm_highest: int
    bm_at_zero: float
    bm_step: float
    depreciation_per_year: float
    depreciation_floor: float
    acceptance: tuple[AcceptanceCriterion, ...]


def _number(table: dict[str, Any], key: str, where: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TariffError(f"{where}.{key} must be a number")
    return value


def _rate(code: str, row: dict[str, Any]) -> GuaranteeRate:
    where = f"guarantees.{code}"
    return GuaranteeRate(
        code=code,
        base=int(_number(row, "base", where)),
        per_kw=int(_number(row, "per_kw", where)),
        value_permille=int(_number(row, "value_permille", where)),
        bm=bool(row.get("bm", False)),
        depreciates=bool(row.get("depreciates", False)),
        compulsory=bool(row.get("compulsory", False)),
    )


def _factors(raw: dict[str, Any], name: str) -> dict[str, float]:
    table = raw.get(name)
    if not isinstance(table, dict) or not table:
        raise TariffError(f"[{name}] is missing")
    return {key: float(_number(table, key, name)) for key in table}


def parse(raw: dict[str, Any]) -> Tariff:
    try:
        bm, dep = raw["bonus_malus"], raw["depreciation"]
        ages = tuple(
            (int(_number(r, "up_to", "driver_ages")), float(_number(r, "factor", "driver_ages")))
            for r in raw["driver_ages"]
        )
        criteria = tuple(
            AcceptanceCriterion(
                str(r["name"]), str(r["fact"]), _number(r, "limit", "acceptance"),
                bool(r.get("removed", False)),
            )
            for r in raw.get("acceptance", ())
        )  # fmt: skip
        return Tariff(
            english_excess_standard_percent=int(
                _number(raw, "english_excess_standard_percent", "tariff")
            ),
            guarantees={code: _rate(code, row) for code, row in raw["guarantees"].items()},
            kinds=_factors(raw, "kinds"),
            uses=_factors(raw, "uses"),
            driver_ages=ages,
            bm_lowest=int(_number(bm, "lowest", "bonus_malus")),
            bm_highest=int(_number(bm, "highest", "bonus_malus")),
            bm_at_zero=float(_number(bm, "at_zero", "bonus_malus")),
            bm_step=float(_number(bm, "step", "bonus_malus")),
            depreciation_per_year=float(_number(dep, "per_year", "depreciation")),
            depreciation_floor=float(_number(dep, "floor", "depreciation")),
            acceptance=criteria,
        )
    except (KeyError, TypeError) as exc:
        raise TariffError(f"the tariff file lacks {exc}") from None


@cache
def default_tariff() -> Tariff:
    path = Path(os.environ.get("PORTAL_TARIFF_AUTO") or DEFAULT_PATH)
    with path.open("rb") as handle:
        return parse(tomllib.load(handle))
