"""The S² Pack's life on a real session: subscribing, the clock's steps, installation,
impacts, battery, anomaly, theft, vehicle change and the end (S2-2..S2-8)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from models import Brand, Language, OutboxMessage
from models.telematics import S2Event, S2Stage
from portal.backoffice import s2pack
from portal.backoffice.errors import Conflict, Invalid
from seed import build

SIGNED = datetime(2026, 3, 10, 10, 0)


@pytest.fixture
def car(db):
    holder = build.add_person(
        db, first_name="Lotte", last_name="Claes", language=Language.NL, mobile="+32470112233"
    )
    contract = build.add_contract(
        db,
        holder,
        "car",
        brand=Brand.VIVIUM,
        annual_premium_cents=90_000,
        covered=["civil_liability", "material_damage"],
        vehicle_plate="1ABC234",
    )
    db.flush()
    return contract


def messages(db) -> list[OutboxMessage]:
    return list(db.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def kinds(db) -> list[str]:
    return [m.kind for m in messages(db)]


def subscribed(db, car):
    box = s2pack.add_s2_pack(db, car, SIGNED, password="abc234defg", hash_method="pbkdf2:sha256:1")
    return box, car.holder


def test_subscribing_sends_the_welcome_sms_with_login_and_password_in_dutch_s2_6(db, car):
    box, _ = subscribed(db, car)
    (welcome,) = messages(db)
    assert welcome.kind == "s2_welcome_sms" and welcome.recipient == "+32470112233"
    assert box.login in welcome.body and "abc234defg" in welcome.body
    assert "wachtwoord" in welcome.body
    logged = db.scalars(select(S2Event.details).where(S2Event.kind == "s2_welcome_sms")).one()
    assert "password" not in logged


def test_only_an_active_vivium_car_contract_takes_the_pack_once_s2_1(db, car):
    subscribed(db, car)
    with pytest.raises(Conflict) as again:
        s2pack.add_s2_pack(db, car, SIGNED)
    assert again.value.code == "s2_pack_exists"
    life = build.add_contract(db, car.holder, "life_pension_savings", brand=Brand.VIVIUM)
    with pytest.raises(Invalid) as wrong:
        s2pack.add_s2_pack(db, life, SIGNED)
    assert wrong.value.code == "s2_not_vivium_car"


def test_the_clock_plays_delivery_reminders_and_the_premium_adjustment_s2_5_s2_6(db, car):
    box, _ = subscribed(db, car)
    s2pack.play_due(db, SIGNED + timedelta(days=5))
    assert box.stage == S2Stage.RECEIVED and box.received_at == SIGNED + timedelta(days=5)
    assert kinds(db) == ["s2_welcome_sms", "s2_delivery_sms"]
    s2pack.play_due(db, datetime(2026, 4, 5, 23, 59))  # day 21 after receipt: in time
    assert kinds(db)[2:] == []
    played = s2pack.play_due(db, datetime(2026, 5, 4))
    assert [p.step for p in played] == [
        "late_reminder",
        "month_reminder",
        "late_reminder",
        "premium_adjusted",
    ]
    assert kinds(db)[2:] == [
        "s2_late_reminder_sms",
        "s2_late_reminder_letter",
        "s2_reminder_sms",
        "s2_late_reminder_sms",
        "s2_late_reminder_letter",
        "s2_premium_adjusted_letter",
    ]
    assert box.stage == S2Stage.LAPSED and car.annual_premium_cents == 99_000
    letter = messages(db)[-1]
    assert "materiële schade" in letter.body and "990,00" in letter.body
    assert messages(db)[2].posted_at == datetime(2026, 4, 6)


def test_an_installation_gives_the_activation_sms_and_tells_vivium_s2_5_s2_6(db, car):
    box, holder = subscribed(db, car)
    s2pack.play_due(db, SIGNED + timedelta(days=5))
    s2pack.install(db, box, holder, SIGNED + timedelta(days=6), by="customer")
    assert box.stage == S2Stage.ACTIVE and box.placed_on == date(2026, 3, 16)
    assert kinds(db)[-1] == "s2_activation_sms"
    logged = set(db.scalars(select(S2Event.kind)))
    assert {"installed", "vivium_told"} <= logged
    assert s2pack.play_due(db, SIGNED + timedelta(days=90)) == []


def active(db, car, **holder_fields):
    box, holder = subscribed(db, car)
    for name, value in holder_fields.items():
        setattr(holder, name, value)
    s2pack.play_due(db, SIGNED + timedelta(days=5))
    s2pack.install(db, box, holder, SIGNED + timedelta(days=6))
    return box, holder


def hit(db, box, holder, g, **flags):
    values = {"in_belgium": True, "stopped": True, "answered": True, "place": "Gent"}
    return s2pack.impact(db, box, holder, SIGNED + timedelta(days=7), g=g, **{**values, **flags})


def test_an_unanswered_e_call_sends_an_sms_and_above_4_g_a_tow_truck_s2_2(db, car):
    box, holder = active(db, car)
    assert hit(db, box, holder, 4.01, answered=False) == {
        "ecall": True,
        "call": True,
        "sms": True,
        "tow": True,
    }
    assert kinds(db)[-1] == "s2_ecall_missed_sms"
    logged = list(db.scalars(select(S2Event.kind).order_by(S2Event.id)))
    assert logged[-5:] == ["impact", "ecall", "assistance_call", "s2_ecall_missed_sms", "tow_truck"]


def test_an_impact_abroad_is_recorded_without_an_e_call_s2_2(db, car):
    box, holder = active(db, car)
    assert hit(db, box, holder, 6.0, in_belgium=False)["ecall"] is False
    assert kinds(db)[-1] == "s2_activation_sms"


def test_a_customer_without_a_mobile_gets_no_assistance_and_no_sms_s2_8(db, car):
    box, holder = active(db, car, mobile=None)
    assert hit(db, box, holder, 5.0, answered=False)["ecall"] is False
    assert "no_assistance" in set(db.scalars(select(S2Event.kind)))
    assert kinds(db) == ["s2_welcome_sms"]


def test_battery_sms_for_a_power_drop_and_a_disconnection_s2_4(db, car):
    box, holder = active(db, car)
    s2pack.battery(db, box, holder, SIGNED + timedelta(days=8), "low")
    s2pack.battery(db, box, holder, SIGNED + timedelta(days=8), "disconnected")
    assert kinds(db)[-2:] == ["s2_battery_low_sms", "s2_battery_disconnected_sms"]
    with pytest.raises(Invalid):
        s2pack.battery(db, box, holder, SIGNED, "flat")


@pytest.mark.parametrize(
    ("placed", "phone"), [(date(2015, 9, 14), "071 528 747"), (date(2015, 11, 3), "02 420 43 82")]
)
def test_the_anomaly_sms_gives_the_number_that_fits_the_box_s2_7(db, car, placed, phone):
    box, holder = active(db, car)
    box.placed_on = placed
    assert s2pack.report_anomaly(db, box, holder, SIGNED + timedelta(days=8)) == phone
    assert phone in messages(db)[-1].body


def test_an_anomaly_without_regularisation_adjusts_the_premium_s2_7(db, car):
    box, holder = active(db, car)
    s2pack.report_anomaly(db, box, holder, SIGNED + timedelta(days=8))
    s2pack.play_due(db, SIGNED + timedelta(days=38))
    assert box.stage == S2Stage.LAPSED and kinds(db)[-1] == "s2_premium_adjusted_letter"


def test_a_regularised_anomaly_keeps_the_premium_s2_7(db, car):
    box, holder = active(db, car)
    s2pack.report_anomaly(db, box, holder, SIGNED + timedelta(days=8))
    s2pack.regularise(db, box, SIGNED + timedelta(days=9))
    s2pack.play_due(db, SIGNED + timedelta(days=90))
    assert box.stage == S2Stage.ACTIVE and car.annual_premium_cents == 90_000


def test_theft_tracking_only_on_a_working_box_on_request_s2_3(db, car):
    box, holder = subscribed(db, car)
    with pytest.raises(Conflict):
        s2pack.request_theft_tracking(db, box, SIGNED)
    s2pack.play_due(db, SIGNED + timedelta(days=5))
    s2pack.install(db, box, holder, SIGNED + timedelta(days=6))
    steps = s2pack.request_theft_tracking(db, box, SIGNED + timedelta(days=7))
    assert steps[0] == "control_room:0800-12.414"


def test_a_vehicle_change_sends_the_sms_and_moves_the_box_s2_6_s2_7(db, car):
    box, holder = active(db, car)
    s2pack.change_vehicle(db, box, car, holder, SIGNED + timedelta(days=9), "2xyz987")
    assert car.vehicle_plate == "2XYZ987" and "2XYZ987" in messages(db)[-1].body
    with pytest.raises(Invalid):
        s2pack.change_vehicle(db, box, car, holder, SIGNED, "١٢٣")


def test_ending_the_pack_sends_the_de_installation_sms_and_adjusts_the_discount_s2_8(db, car):
    box, holder = active(db, car)
    s2pack.end_pack(db, box, car, holder, SIGNED + timedelta(days=30))
    sms, letter = messages(db)[-2:]
    assert sms.kind == "s2_deinstallation_sms" and "Koningsstraat 151" in sms.body
    assert letter.kind == "s2_premium_adjusted_letter" and "stopgezet" in letter.body
    assert box.stage == S2Stage.ENDED and car.annual_premium_cents == 99_000
    with pytest.raises(Conflict):
        s2pack.end_pack(db, box, car, holder, SIGNED + timedelta(days=31))
