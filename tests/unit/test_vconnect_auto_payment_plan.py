"""VA-8: the payment plan is changed without the company's approval; only an unknown
plan is refused. The instalment of each plan, to the cent."""

from __future__ import annotations

import pytest

from portal.rules.vconnect_auto import (
    DEFAULT_PAYMENT_PLAN,
    PAYMENT_PLANS,
    instalment_cents,
    payment_plan_refusal,
)


@pytest.mark.parametrize("plan", ["annual", "half_yearly", "quarterly", "monthly"])
def test_va8_every_known_plan_passes_without_the_company(plan):
    assert payment_plan_refusal(plan) is None


@pytest.mark.parametrize("plan", ["", "weekly", "Monthly", "monthly ", "12"])
def test_va8_an_unknown_plan_is_refused_naming_the_rule(plan):
    refusal = payment_plan_refusal(plan)
    assert refusal is not None
    assert (refusal.rule, refusal.code) == ("VA-8", "payment_plan_unknown")


def test_va8_a_new_quote_is_paid_once_a_year():
    assert DEFAULT_PAYMENT_PLAN == "annual"
    assert PAYMENT_PLANS == {"annual": 1, "half_yearly": 2, "quarterly": 4, "monthly": 12}


@pytest.mark.parametrize(
    ("premium", "plan", "instalment"),
    [
        (60000, "annual", 60000),
        (60000, "half_yearly", 30000),
        (60001, "half_yearly", 30001),  # 300.005 euro: half a cent up
        (60000, "quarterly", 15000),
        (60002, "quarterly", 15001),  # 150.005 up
        (60001, "quarterly", 15000),  # 150.0025 down
        (60000, "monthly", 5000),
        (60006, "monthly", 5001),  # 50.005 up
        (60005, "monthly", 5000),  # 50.00416 down
        (0, "monthly", 0),
    ],
)
def test_va8_one_instalment_is_the_annual_premium_shared_to_the_nearest_cent(
    premium, plan, instalment
):
    assert instalment_cents(premium, plan) == instalment
