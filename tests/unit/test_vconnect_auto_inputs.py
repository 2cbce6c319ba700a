"""V-Connect Auto's input reader (forms and JSON alike): whatever the mapping holds, it
gives plain values or a named refusal (Invalid) with the field, never another error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.backoffice.errors import Invalid
from portal.backoffice.vconnect_auto import inputs

FIELDS = ["plate", "vin", "informex_code", "kind", "make", "model", "year", "power_kw",
          "value_euro", "mass_kg", "accessories_euro", "national_number", "first_name",
          "last_name", "street", "house_number", "postcode", "city", "email", "language"]  # fmt: skip
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=60),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers()),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), VALUES))
def test_any_vehicle_or_customer_input_is_read_or_refused_by_name(data):
    for read in (inputs.vehicle, inputs.new_customer):
        try:
            read(data)
        except Invalid as refused:
            assert refused.code == "invalid_field" and refused.details["field"] in FIELDS


@pytest.mark.parametrize("value", ["12", 12, " 12 "])
def test_a_number_reads_the_same_from_a_form_and_from_json(value):
    assert inputs.integer({"year": value}, "year", 1, 100) == 12


@pytest.mark.parametrize("value", ["١٢", True, 1.5, "12a", 101])
def test_other_digits_booleans_and_out_of_range_numbers_are_refused(value):
    with pytest.raises(Invalid):
        inputs.integer({"year": value}, "year", 1, 100)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=30), st.lists(st.text(max_size=50), max_size=30),
                 st.lists(st.integers(), max_size=3)))  # fmt: skip
def test_a_guarantee_list_is_a_short_list_of_short_names_or_refused(value):
    try:
        names = inputs.names(value)
    except Invalid:
        return
    assert len(names) <= inputs.MOST_GUARANTEES and all(len(n) <= 40 for n in names)
