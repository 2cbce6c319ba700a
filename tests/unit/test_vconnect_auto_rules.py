"""The V-Connect Auto checks at their boundaries (VA-1..VA-9, release note 11)."""

from __future__ import annotations

from datetime import date

import pytest

from portal.rules.vconnect_auto import (
    Criterion,
    accident_assistance_refusal,
    analysis_reasons,
    brb_deadline,
    cancellation_refusal,
    claims_certificate_due,
    commercial_use_refusal,
    english_excess_surcharge_percent,
    manual_entry_needed,
    motorhome_refusal,
    plate_refusal,
    vehicle_age,
    vin_refusal,
)


def test_va1_a_plate_of_8_upper_case_characters_passes():
    assert plate_refusal("1ABC2345") is None


def test_va1_a_plate_of_9_characters_is_refused_naming_the_rule():
    refusal = plate_refusal("1ABC23456")
    assert refusal is not None and refusal.rule == "VA-1"


@pytest.mark.parametrize("plate", ["1abc234", "1-ABC-234", "", "1ÀBC234", "１ABC234"])
def test_va1_a_plate_in_lower_case_or_with_other_characters_is_refused(plate):
    assert plate_refusal(plate).code == "plate_invalid"


def test_va2_a_vin_of_17_characters_passes():
    assert vin_refusal("WVWZZZ1KZ8W000001") is None


def test_va2_a_vin_of_18_characters_is_refused():
    assert vin_refusal("WVWZZZ1KZ8W0000012").rule == "VA-2"


@pytest.mark.parametrize("letter", ["I", "O", "Q"])
def test_va2_a_vin_with_i_o_or_q_is_refused(letter):
    assert vin_refusal(f"WVWZZZ1KZ8W00000{letter}").code == "vin_invalid"


def test_va2_a_vin_in_lower_case_is_refused():
    assert vin_refusal("wvwzzz1kz8w000001") is not None


def test_va3_a_motorhome_of_5000_kg_is_quoted_online():
    assert motorhome_refusal("motorhome", 5_000) is None


def test_va3_a_motorhome_of_5001_kg_is_referred_to_the_signed_proposal():
    assert motorhome_refusal("motorhome", 5_001).code == "mtm_above_limit"


def test_va3_a_motorhome_needs_its_maximum_authorised_mass():
    assert motorhome_refusal("motorhome", None).code == "mtm_missing"


def test_va3_the_mass_does_not_matter_for_a_car():
    assert motorhome_refusal("car", 9_000) is None


@pytest.mark.parametrize(
    ("available", "found", "manual"),
    [(True, True, False), (False, True, True), (True, False, True), (False, False, True)],
)
def test_va4_informex_down_or_vehicle_missing_asks_for_manual_entry(available, found, manual):
    assert manual_entry_needed(available, found) is manual


def test_va5_a_30_day_term_due_04_04_gives_30_05():
    assert brb_deadline(date(2026, 4, 4), 30) == date(2026, 5, 30)


def test_va5_a_30_day_term_due_31_01_gives_02_03_in_a_common_year():
    assert brb_deadline(date(2026, 1, 31), 30) == date(2026, 3, 2)


def test_va5_a_30_day_term_due_31_01_gives_01_03_in_a_leap_year():
    assert brb_deadline(date(2024, 1, 31), 30) == date(2024, 3, 1)


def test_va5_a_30_day_term_due_in_february_of_a_leap_year_counts_from_the_29th():
    assert brb_deadline(date(2024, 2, 10), 30) == date(2024, 3, 30)
    assert brb_deadline(date(2025, 2, 10), 30) == date(2025, 3, 30)
    assert brb_deadline(date(2024, 2, 1), 30) != brb_deadline(date(2024, 2, 1), 45)


@pytest.mark.parametrize(("term", "deadline"), [(45, date(2026, 5, 19)), (60, date(2026, 6, 3)),
                                                (90, date(2026, 7, 3))])  # fmt: skip
def test_va5_45_60_90_day_terms_add_the_term_to_the_due_date(term, deadline):
    assert brb_deadline(date(2026, 4, 4), term) == deadline


def test_va5_an_unknown_term_is_an_error():
    with pytest.raises(ValueError):
        brb_deadline(date(2026, 4, 4), 31)


def test_va6_a_vehicle_of_1_year_and_bm_0_keeps_the_standard_rate():
    assert english_excess_surcharge_percent(1, 0, 20) == 20


def test_va6_a_vehicle_of_2_years_pays_50_percent():
    assert english_excess_surcharge_percent(2, 0, 20) == 50


def test_va6_a_driver_at_bm_1_pays_50_percent():
    assert english_excess_surcharge_percent(1, 1, 20) == 50


def test_vehicle_age_counts_whole_model_years():
    assert vehicle_age(2024, date(2026, 1, 1)) == 2
    assert vehicle_age(2027, date(2026, 1, 1)) == 0


@pytest.mark.parametrize("use", ["driving_school", "loan_car", "own_account_transport", "private"])
def test_va7_the_commercial_line_refers_other_uses_to_the_back_office(use):
    assert commercial_use_refusal("commercial", use).rule == "VA-7"


def test_va7_the_commercial_line_quotes_mixed_and_professional_use():
    assert commercial_use_refusal("commercial", "mixed_professional") is None
    assert commercial_use_refusal("private", "private") is None


CRITERIA = [
    Criterion("value", "catalogue_value", 80_000),
    Criterion("accessories", "accessories_percent", 10, removed=True),
]


def test_va8_removed_criteria_never_ask_for_analysis():
    assert analysis_reasons({"catalogue_value": 30_000, "accessories_percent": 40}, CRITERIA) == []


def test_va8_a_criterion_in_force_asks_for_analysis_above_its_limit_only():
    assert analysis_reasons({"catalogue_value": 80_000}, CRITERIA) == []
    assert analysis_reasons({"catalogue_value": 80_001}, CRITERIA) == ["value"]


@pytest.mark.parametrize(
    "ground", ["refusal_no_follow_up", "mutual_agreement", "conditions_or_tariff_changed",
               "due_date", "vehicle_sold"],
)  # fmt: skip
def test_va8_these_grounds_cancel_without_company_approval(ground):
    assert cancellation_refusal(ground) is None


def test_va8_an_unknown_ground_or_one_after_a_claim_is_refused():
    assert cancellation_refusal("because").code == "cancellation_ground_unknown"
    assert cancellation_refusal("after_claim").code == "cancellation_needs_company"


def test_va10_a_cancellation_at_the_due_date_makes_the_claims_certificate():
    assert claims_certificate_due("due_date")
    assert not claims_certificate_due("mutual_agreement")


@pytest.mark.parametrize("kind", ["moped", "tricycle", "quad"])
def test_va9_no_accident_assistance_for_mopeds_tricycles_and_quads(kind):
    assert accident_assistance_refusal(kind, 0).code == "accident_assistance_kind"


def test_va9_a_motorbike_of_8_years_may_have_accident_assistance():
    assert accident_assistance_refusal("motorbike", 8) is None


def test_va9_a_motorbike_of_9_years_may_not():
    assert accident_assistance_refusal("motorbike", 9).code == "accident_assistance_motorbike_age"


def test_va9_a_car_of_any_age_may_have_accident_assistance():
    assert accident_assistance_refusal("car", 20) is None
