"""The quotes waiting for the company's analysis (VA-8), as the console lists them: only
quotes in analysis, the oldest request first, with what triggered the analysis."""

from __future__ import annotations

from datetime import timedelta

from models.vconnect_auto import QuoteStatus
from portal.backoffice.vconnect_auto import lifecycle, quotes
from portal.backoffice.vconnect_auto.waiting import waiting_for_analysis
from tests.integration.test_vconnect_auto import NOW, TARIFF, broker, customer, draft


def dear_car(db, me, person, plate: str, power_kw: int = 74) -> str:
    """A draft quote for a car of 95,000 € (above the catalogue-value criterion)."""
    quote = draft(db, me, person)
    vehicle = quotes.VehicleInput(
        plate=plate, vin=f"VF1RJA0001{plate}", kind="car", make="Renault",
        model="Espace", year=2025, power_kw=power_kw, value_euro=95_000,
    )  # fmt: skip
    quotes.set_vehicle(db, me, quote.number, vehicle, NOW, informex_up=True, tariff=TARIFF)
    return quote.number


def ask(db, me, number: str, minutes: int) -> None:
    lifecycle.ask_analysis(db, me, number, NOW + timedelta(minutes=minutes), TARIFF)


def test_va8_only_the_quotes_in_analysis_wait_the_oldest_request_first(db):
    me = broker(db)
    person = customer(db, me)
    late, early, decided, plain = (dear_car(db, me, person, f"1ABC{i}") for i in range(4))
    ask(db, me, late, 30)
    ask(db, me, early, 10)
    ask(db, me, decided, 5)
    lifecycle.decide(db, decided, True, NOW + timedelta(minutes=20))
    assert quotes.quote_of(db, me, plain).status == QuoteStatus.DRAFT
    rows = waiting_for_analysis(db).quotes
    assert [r.number for r in rows] == [early, late]
    assert rows[0].since == NOW + timedelta(minutes=10)


def test_va8_a_waiting_quote_names_its_broker_customer_vehicle_and_criteria(db):
    me = broker(db)
    person = customer(db, me)
    number = dear_car(db, me, person, "1ABC9", power_kw=200)
    ask(db, me, number, 0)
    (row,) = waiting_for_analysis(db).quotes
    assert row.broker == "Marc Broker" and row.producer_number == "8000999"
    assert row.customer == f"{person.first_name} {person.last_name}"
    assert row.vehicle == "Renault Espace" and row.plate == "1ABC9"
    assert row.reasons == ["catalogue_value_above_80000", "power_above_180_kw"]


def test_va8_a_quote_asked_again_after_a_change_waits_since_its_latest_request(db):
    me = broker(db)
    person = customer(db, me)
    number = dear_car(db, me, person, "1ABC8")
    ask(db, me, number, 0)
    lifecycle.decide(db, number, True, NOW + timedelta(minutes=1))
    quotes.choose(db, me, number, ["civil_liability"], NOW + timedelta(minutes=2),
                  english_excess=False, s2_pack=False, tariff=TARIFF)  # fmt: skip
    ask(db, me, number, 3)
    (row,) = waiting_for_analysis(db).quotes
    assert row.since == NOW + timedelta(minutes=3)


def test_nothing_waits_when_no_quote_is_in_analysis(db):
    me = broker(db)
    dear_car(db, me, customer(db, me), "1ABC7")
    assert waiting_for_analysis(db).quotes == []
