"""VA-5: the return slip's term is 30, 45, 60 or 90 days, 30 when the broker leaves it;
the rule and the input reader at their boundaries (forms and JSON read the same)."""

from __future__ import annotations

import pytest

from portal.backoffice.errors import Malformed
from portal.backoffice.vconnect_auto import inputs
from portal.rules.vconnect_auto import DEFAULT_BRB_TERM, term_refusal


@pytest.mark.parametrize("term", [30, 45, 60, 90])
def test_va5_each_of_the_four_terms_is_accepted(term):
    assert term_refusal(term) is None


@pytest.mark.parametrize(
    "term", [0, 29, 31, 44, 46, 89, 91, 120, -30, "30", "abc", None, True, 30.0]
)
def test_va5_any_other_term_is_refused_naming_the_rule(term):
    refusal = term_refusal(term)
    assert refusal is not None and (refusal.rule, refusal.code) == ("VA-5", "term_days_invalid")


def test_va5_the_term_is_30_days_when_the_broker_does_not_choose_one():
    assert DEFAULT_BRB_TERM == 30
    assert inputs.term_days({}) == 30 and inputs.term_days({"term_days": ""}) == 30


@pytest.mark.parametrize(("value", "term"), [("45", 45), (" 60 ", 60), (90, 90), ("30", 30)])
def test_va5_a_term_reads_the_same_from_a_form_and_from_json(value, term):
    assert inputs.term_days({"term_days": value}) == term


@pytest.mark.parametrize(
    "value", ["0", "31", "120", 0, 31, 120, "abc", "4 5", "٤٥", True, 45.0, [45]]
)
def test_va5_a_term_outside_the_four_is_a_malformed_request_on_the_field(value):
    with pytest.raises(Malformed) as refused:
        inputs.term_days({"term_days": value})
    assert refused.value.code == "term_days_invalid"
    assert refused.value.details == {"rule": "VA-5", "field": "term_days"}
