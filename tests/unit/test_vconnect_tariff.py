"""The fictitious car tariff file and the premium it gives (VA-6, VA-10)."""

from __future__ import annotations

import pytest

from models.informex import catalogue, lookup, makes, versions_of
from models.tariff_auto import TariffError, default_tariff, parse
from portal.rules.vconnect_tariff import ENGLISH_EXCESS_LINE, Rated, premium_lines

YOUNG = Rated("car", 100, 30_000, 1, "private", 40, 0)


def test_the_tariff_file_loads_and_has_civil_liability_compulsory():
    tariff = default_tariff()
    assert tariff.guarantees["civil_liability"].compulsory
    assert any(c.removed for c in tariff.acceptance)


def test_a_tariff_without_a_number_is_refused_naming_the_entry():
    with pytest.raises(TariffError, match="bonus_malus"):
        parse({"guarantees": {}, "english_excess_standard_percent": 20})


def test_va6_the_english_excess_is_its_own_line_at_the_standard_rate_when_young_and_bm_0():
    lines = premium_lines(default_tariff(), YOUNG, ["civil_liability", "material_damage"], True)
    damage = next(line.cents for line in lines if line.code == "material_damage")
    assert lines[-1].code == ENGLISH_EXCESS_LINE
    assert lines[-1].cents == round(damage * 20 / 100)


def test_va6_the_english_excess_costs_50_percent_of_material_damage_from_2_years():
    older = Rated("car", 100, 30_000, 2, "private", 40, 0)
    lines = premium_lines(default_tariff(), older, ["material_damage"], True)
    assert lines[-1].cents == round(lines[0].cents * 50 / 100)


def test_va6_without_material_damage_there_is_no_english_excess_line():
    lines = premium_lines(default_tariff(), YOUNG, ["civil_liability"], True)
    assert [line.code for line in lines] == ["civil_liability"]


def test_a_higher_bonus_malus_and_a_young_driver_cost_more():
    tariff = default_tariff()
    base = premium_lines(tariff, YOUNG, ["civil_liability"], False)[0].cents
    bm = Rated("car", 100, 30_000, 1, "private", 40, 5)
    young = Rated("car", 100, 30_000, 1, "private", 21, 0)
    assert premium_lines(tariff, bm, ["civil_liability"], False)[0].cents > base
    assert premium_lines(tariff, young, ["civil_liability"], False)[0].cents > base


def test_the_informex_catalogue_is_deterministic_and_large_enough_to_browse():
    rows = catalogue()
    assert len(rows) > 3_000
    first = lookup("IX000001")
    assert first is not None and first.kind == "car" and first.year == 2008
    assert "Volkswagen" in makes("car")
    kinds = {v.kind for v in rows.values()}
    assert kinds == {"car", "van", "motorhome", "motorbike", "moped", "tricycle", "quad"}
    assert versions_of("car", "Renault", "Clio")[0].make == "Renault"


def test_some_informex_motorhomes_are_above_the_va3_limit():
    masses = [v.mass_kg for v in catalogue().values() if v.kind == "motorhome"]
    assert min(masses) <= 5_000 < max(masses)
