"""The VIVIUM S² Pack's pure rules at their boundaries (S2-2..S2-8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from portal.rules import s2pack
from portal.rules.s2pack import Stage, Step

SIGNED = datetime(2026, 3, 10, 10, 0)


@dataclass
class Box:
    stage: str = Stage.ORDERED
    subscribed_at: datetime = SIGNED
    sent_at: datetime | None = None
    received_at: datetime | None = None
    installed_at: datetime | None = None
    anomaly_at: datetime | None = None
    month_reminded_at: datetime | None = None
    late_reminders: int = 0


def impact(g: float, **overrides: bool) -> s2pack.ImpactResponse:
    flags = {"in_belgium": True, "stopped": True, "answered": True, "has_mobile": True}
    return s2pack.impact_response(g, **{**flags, **overrides})


def test_an_impact_of_2_49_g_calls_no_assistance_s2_2():
    assert impact(2.49) == s2pack.ImpactResponse(False, False, False, False)


def test_an_impact_of_2_5_g_with_the_car_stopped_in_belgium_is_an_e_call_s2_2():
    response = impact(2.5)
    assert response.ecall and response.call and not response.sms and not response.tow


def test_an_impact_abroad_or_with_the_car_still_moving_is_no_e_call_s2_2():
    assert not impact(3.0, in_belgium=False).ecall
    assert not impact(3.0, stopped=False).ecall


def test_a_customer_who_does_not_answer_gets_an_sms_s2_2():
    assert impact(2.5, answered=False).sms


def test_a_tow_truck_comes_above_4_g_and_not_at_4_0_g_s2_2():
    assert not impact(4.0).tow
    assert impact(4.01).tow


def test_a_customer_without_a_mobile_gets_no_assistance_s2_8():
    assert impact(6.0, has_mobile=False) == s2pack.ImpactResponse(False, False, False, False)


def test_installing_on_day_21_after_receipt_is_in_time_and_day_22_is_late_s2_5():
    received = date(2026, 3, 15)
    assert s2pack.installation_deadline(received) == date(2026, 4, 5)
    assert not s2pack.installation_late(received, received + timedelta(days=21))
    assert s2pack.installation_late(received, received + timedelta(days=22))


def test_the_reminder_sms_comes_one_month_after_the_contract_s2_6():
    assert s2pack.month_reminder_at(SIGNED) == datetime(2026, 4, 10, 10, 0)
    assert s2pack.month_reminder_at(datetime(2026, 1, 31)) == datetime(2026, 2, 28)
    assert s2pack.month_reminder_at(datetime(2026, 12, 15)) == datetime(2027, 1, 15)


def test_a_box_placed_in_september_2015_sends_to_the_mobile_installer_s2_7():
    assert s2pack.anomaly_number(date(2015, 9, 30)) == "071 528 747"


def test_a_box_placed_in_november_2015_sends_to_the_technical_helpdesk_s2_7():
    assert s2pack.anomaly_number(date(2015, 11, 2)) == "02 420 43 82"
    assert s2pack.anomaly_number(date(2015, 10, 1)) == "02 420 43 82"


def test_the_premium_adjustment_takes_material_damage_only_when_taken_s2_5_s2_8():
    assert s2pack.adjusted_guarantees(["civil_liability"]) == ["civil_liability"]
    both = ["civil_liability", "theft", "material_damage"]
    assert s2pack.adjusted_guarantees(both) == ["civil_liability", "material_damage"]


def test_theft_tracking_only_on_request_and_on_a_working_box_s2_3():
    assert s2pack.theft_tracking(requested=True, stage=Stage.ACTIVE)
    assert not s2pack.theft_tracking(requested=False, stage=Stage.ACTIVE)
    assert not s2pack.theft_tracking(requested=True, stage=Stage.LAPSED)


def test_the_box_is_sent_two_days_after_the_contract_then_received_s2_6():
    assert s2pack.next_step(Box(), SIGNED) == s2pack.Due(SIGNED + timedelta(days=2), Step.BOX_SENT)
    sent = Box(stage=Stage.SENT, sent_at=SIGNED + timedelta(days=2))
    assert s2pack.next_step(sent, SIGNED).step == Step.BOX_RECEIVED


def test_nothing_is_due_before_its_time_and_everything_due_after_it():
    assert s2pack.due_steps(Box(), SIGNED + timedelta(days=2) - timedelta(seconds=1)) == []
    assert [d.step for d in s2pack.due_steps(Box(), SIGNED + timedelta(days=2))] == [Step.BOX_SENT]


def received_box(**overrides) -> Box:
    fields = {
        "stage": Stage.RECEIVED,
        "sent_at": SIGNED + timedelta(days=2),
        "received_at": datetime(2026, 3, 15, 11, 0),
    }
    return Box(**{**fields, **overrides})


def test_the_first_late_reminder_comes_on_day_22_after_receipt_s2_5():
    box = received_box(month_reminded_at=SIGNED)
    assert s2pack.next_step(box, SIGNED) == s2pack.Due(datetime(2026, 4, 6), Step.LATE_REMINDER, 1)


def test_after_two_reminders_the_premium_is_adjusted_s2_5():
    box = received_box(month_reminded_at=SIGNED, late_reminders=1)
    second = s2pack.next_step(box, SIGNED)
    assert (second.step, second.number, second.at) == (Step.LATE_REMINDER, 2, datetime(2026, 4, 20))
    box.late_reminders = 2
    assert s2pack.next_step(box, SIGNED) == s2pack.Due(datetime(2026, 5, 4), Step.PREMIUM_ADJUSTED)


def test_the_month_reminder_and_the_late_reminders_both_run_earliest_first_s2_5_s2_6():
    steps = s2pack.pending_steps(received_box())
    assert [d.step for d in steps] == [Step.LATE_REMINDER, Step.MONTH_REMINDER]
    assert [d.at.date() for d in steps] == [date(2026, 4, 6), date(2026, 4, 10)]


@pytest.mark.parametrize("stage", [Stage.LAPSED, Stage.ENDED])
def test_a_lapsed_or_ended_box_has_nothing_left_to_do_s2_5_s2_8(stage):
    assert s2pack.pending_steps(received_box(stage=stage)) == []


def test_an_installed_box_gets_no_reminders_s2_5():
    box = received_box(stage=Stage.ACTIVE, installed_at=datetime(2026, 3, 20))
    assert s2pack.pending_steps(box) == []


def test_an_anomaly_without_regularisation_adjusts_the_premium_after_30_days_s2_7():
    at = datetime(2026, 6, 1, 8, 0)
    box = received_box(stage=Stage.ANOMALY, installed_at=datetime(2026, 3, 20), anomaly_at=at)
    assert s2pack.pending_steps(box) == [s2pack.Due(at + timedelta(days=30), Step.PREMIUM_ADJUSTED)]


def test_only_an_installed_box_gives_the_advantages_s2_1():
    assert s2pack.has_advantages(Stage.ACTIVE)
    assert not s2pack.has_advantages(Stage.RECEIVED)
