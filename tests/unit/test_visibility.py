"""Which contracts a customer sees, and why not (BR-1, CT-1, CT-2, CT-4)."""

from __future__ import annotations

import pytest

from models.catalogue import load_catalogue
from models.enums import Brand, ContractStatus, Segment
from portal.rules.visibility import catalogue_overview, hidden_reason, visible_contracts
from tests.unit.fakes import FakeContract

CAT = load_catalogue()


@pytest.mark.parametrize("segment", list(Segment))
def test_ct1_life_contracts_are_shown_to_every_segment(segment):
    contract = FakeContract("life_plci")
    assert hidden_reason(contract, segment, CAT) is None


def test_ct1_non_life_contracts_are_shown_to_private_customers():
    assert hidden_reason(FakeContract("car"), Segment.PRIVATE, CAT) is None


def test_ct1_non_life_contracts_of_professional_customers_are_hidden_with_reason():
    assert hidden_reason(FakeContract("car"), Segment.PROFESSIONAL, CAT) == "professional_non_life"


@pytest.mark.parametrize(
    ("product", "reason"),
    [
        ("life_death_standalone", "expected_2025"),
        ("life_income_standalone", "expected_2025"),
        ("workers_compensation", "workers_compensation"),
        ("car_legacy", "legacy_car"),
        ("bike", "bike"),
        ("hunting_liability", "niche"),
        ("niche_other", "niche"),
    ],
)
def test_ct2_products_not_shown_yet_get_their_catalogue_reason(product, reason):
    assert hidden_reason(FakeContract(product), Segment.PRIVATE, CAT) == reason


def test_ct1_ended_contracts_are_not_shown():
    contract = FakeContract("car", status=ContractStatus.ENDED)
    assert hidden_reason(contract, Segment.PRIVATE, CAT) == "ended"


def test_a_product_missing_from_the_catalogue_is_explained_as_niche():
    assert hidden_reason(FakeContract("zeppelin"), Segment.PRIVATE, CAT) == "niche"


def test_br1_contracts_of_the_other_brand_are_neither_shown_nor_explained():
    contracts = [
        FakeContract("car", brand=Brand.PV, number="pv-car"),
        FakeContract("life_savings", brand=Brand.VIVIUM, number="viv-life"),
        FakeContract("bike", brand=Brand.VIVIUM, number="viv-bike"),
    ]
    result = visible_contracts(contracts, Brand.PV, Segment.PRIVATE, CAT)
    assert [c.number for c in result.shown] == ["pv-car"]
    assert result.hidden == []


def test_ct4_hidden_contracts_keep_their_order_and_reason():
    contracts = [
        FakeContract("hunting_liability", number="1"),
        FakeContract("car", number="2"),
        FakeContract("bike", number="3"),
    ]
    result = visible_contracts(contracts, Brand.PV, Segment.PRIVATE, CAT)
    assert [(h.contract.number, h.reason) for h in result.hidden] == [("1", "niche"), ("3", "bike")]


def test_the_general_list_only_names_products_of_that_brand():
    pv = catalogue_overview(CAT, Brand.PV)
    vivium = catalogue_overview(CAT, Brand.VIVIUM)
    assert "workers_compensation" in {p.code for p in vivium.not_shown}
    assert "workers_compensation" not in {p.code for p in pv.not_shown}
    assert {p.code for p in pv.shown_non_life} >= {"car", "motorbike", "fire"}
