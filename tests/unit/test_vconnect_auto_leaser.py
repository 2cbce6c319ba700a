"""VA-8: a leaser in the contract no longer needs the company's analysis (release note
11, the V-Connect Auto seed): the criterion is in the tariff, removed, so a quote with a
leaser and nothing else above a limit goes to its offer without analysis."""

from __future__ import annotations

from models import AutoQuote
from models.tariff_auto import default_tariff
from portal.backoffice.vconnect_auto.lifecycle import reasons
from portal.rules.vconnect_auto import Criterion, analysis_reasons


def quote(**fields) -> AutoQuote:
    values = {"vehicle_value_euro": 21_000, "vehicle_power_kw": 74, "bonus_malus": 0,
              "accessories_euro": 0, "leaser": None} | fields  # fmt: skip
    return AutoQuote(**values)


def test_va8_the_tariff_keeps_the_leaser_criterion_as_removed():
    found = [c for c in default_tariff().acceptance if c.fact == "leaser"]
    assert [(c.name, c.limit, c.removed) for c in found] == [("leaser_in_contract", 0, True)]


def test_va8_a_leaser_alone_asks_for_no_analysis():
    assert reasons(quote(leaser="Athlon Car Lease"), default_tariff()) == []


def test_va8_a_leaser_does_not_hide_a_criterion_still_in_force():
    found = reasons(quote(leaser="Athlon Car Lease", vehicle_value_euro=80_001), default_tariff())
    assert found == ["catalogue_value_above_80000"]


def test_the_leaser_fact_is_one_with_a_leaser_and_zero_without():
    """Were the criterion still in force, a leaser would ask for analysis, no leaser not."""
    in_force = [Criterion("leaser_in_contract", "leaser", 0)]
    assert analysis_reasons({"leaser": 1}, in_force) == ["leaser_in_contract"]
    assert analysis_reasons({"leaser": 0}, in_force) == []
