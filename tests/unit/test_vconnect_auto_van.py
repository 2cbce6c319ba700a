"""The van, one of the vehicle kinds of issue 16: in Informex (VA-4), priced by the
tariff's own factor (VA-10), accident assistance allowed at any age (VA-9), no mass
needed (VA-3 is for motorhomes), and the commercial line only for mixed and
professional use like any vehicle (VA-7)."""

from __future__ import annotations

from models.informex import catalogue, makes, models_of, versions_of
from models.tariff_auto import default_tariff
from portal.backoffice.vconnect_auto.quotes import KINDS
from portal.rules.vconnect_auto import (
    accident_assistance_refusal,
    commercial_use_refusal,
    motorhome_refusal,
)
from portal.rules.vconnect_tariff import Rated, premium_lines


def test_informex_browses_vans_by_make_and_model():
    assert makes("van") == ["Ford", "Mercedes-Benz", "Renault"]
    assert models_of("van", "Mercedes-Benz") == ["Sprinter", "Vito"]
    transits = versions_of("van", "Ford", "Transit")
    assert len(transits) == 3 * 19 and {v.kind for v in transits} == {"van"}
    assert all(v.mass_kg is None and 75 <= v.power_kw <= 156 for v in transits)


def test_the_vans_of_informex_are_the_same_on_every_load():
    vans = [v for v in catalogue().values() if v.kind == "van"]
    assert len(vans) == 6 * 3 * 19
    assert vans[0] == catalogue()[vans[0].code]
    assert all(28_000 <= v.value_euro <= 55_000 * 1.08 * 1.27 for v in vans)


def test_the_tool_the_api_and_the_tariff_know_the_van():
    assert "van" in KINDS
    assert default_tariff().kinds["van"] == 1.25


def test_a_van_costs_its_kind_factor_more_than_the_same_car():
    tariff = default_tariff()
    car = Rated("car", 96, 38_000, 3, "mixed_professional", 40, 2)
    van = Rated("van", 96, 38_000, 3, "mixed_professional", 40, 2)
    car_cents = premium_lines(tariff, car, ["civil_liability"], False)[0].cents
    van_cents = premium_lines(tariff, van, ["civil_liability"], False)[0].cents
    assert van_cents > car_cents and abs(van_cents - car_cents * 1.25) <= 1


def test_va9_a_van_keeps_accident_assistance_at_any_age():
    assert accident_assistance_refusal("van", 0) is None
    assert accident_assistance_refusal("van", 9) is None
    assert accident_assistance_refusal("van", 30) is None


def test_va3_a_van_needs_no_maximum_authorised_mass():
    assert motorhome_refusal("van", None) is None
    assert motorhome_refusal("van", 7_500) is None


def test_va7_a_van_on_the_commercial_line_is_quoted_only_for_mixed_and_professional_use():
    assert commercial_use_refusal("commercial", "mixed_professional") is None
    refusal = commercial_use_refusal("commercial", "own_account_transport")
    assert refusal is not None and refusal.rule == "VA-7"
