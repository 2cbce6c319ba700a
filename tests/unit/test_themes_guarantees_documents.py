"""Home page themes (CT-5), guarantee tables (CT-3) and the documents tab (DC-1, DC-2)."""

from __future__ import annotations

from datetime import date

from models.catalogue import load_catalogue
from models.enums import DocumentKind
from portal.rules.documents import is_available, portal_documents
from portal.rules.guarantees import guarantee_table
from portal.rules.themes import group_by_theme
from tests.unit.fakes import FakeContract, FakeDocument

CAT = load_catalogue()
TODAY = date(2026, 3, 1)


def test_ct5_contracts_are_grouped_by_theme_in_catalogue_order():
    contracts = [
        FakeContract("car", number="car"),
        FakeContract("life_pension_savings", number="ps", savings_cents=1_234_567),
        FakeContract("fire", number="fire"),
        FakeContract("life_plci", number="plci", savings_cents=911_436),
    ]
    groups = group_by_theme(contracts, CAT)
    assert [g.theme.code for g in groups] == ["pension", "mobility", "home"]
    assert [c.number for c in groups[0].contracts] == ["ps", "plci"]


def test_ct5_pension_theme_totals_the_savings_built_up():
    contracts = [
        FakeContract("life_pension_savings", savings_cents=1_234_567),
        FakeContract("life_plci", savings_cents=911_436),
        FakeContract("life_death", savings_cents=None),
    ]
    (pension,) = group_by_theme(contracts, CAT)
    assert pension.total_savings_cents == 2_146_003


def test_ct5_themes_without_savings_have_no_total_and_empty_themes_are_left_out():
    (mobility,) = group_by_theme([FakeContract("car")], CAT)
    assert mobility.theme.code == "mobility"
    assert mobility.total_savings_cents is None


def test_ct3_car_guarantees_are_grouped_with_covered_and_not_covered():
    table = guarantee_table("car", ["civil_liability", "accident_assistance"], CAT)
    titles = [block.title.nl for block in table]
    assert titles == [
        "Passagiers, anderen en bestuurder",
        "Voertuig",
        "Mobiliteit",
        "Inhoud - activiteiten",
    ]
    people = {line.code: line.covered for line in table[0].lines}
    assert people == {
        "civil_liability": True,
        "driver_protection": False,
        "legal_assistance": False,
    }
    mobility = {line.code: line.covered for line in table[2].lines}
    assert mobility["accident_assistance"] is True
    assert mobility["tyres"] is False


def test_ct3_life_products_have_no_guarantee_table_and_unknown_codes_are_ignored():
    assert guarantee_table("life_savings", ["x"], CAT) == []
    table = guarantee_table("family_liability", ["meteorites", "pets"], CAT)
    assert [(line.code, line.covered) for line in table[0].lines] == [
        ("private_life_liability", False),
        ("pets", True),
        ("legal_assistance", False),
    ]


def test_dc1_only_life_documents_of_shown_contracts_are_available():
    shown = {1}
    assert is_available(FakeDocument(1, DocumentKind.TAX_CERTIFICATE, 2024), shown, TODAY)
    assert not is_available(FakeDocument(1, DocumentKind.INSURANCE_CARD, 2024), shown, TODAY)
    assert not is_available(FakeDocument(1, DocumentKind.CLAIMS_CERTIFICATE, 2024), shown, TODAY)
    assert not is_available(FakeDocument(1, DocumentKind.POLICY, 2024), shown, TODAY)
    assert not is_available(FakeDocument(2, DocumentKind.TAX_CERTIFICATE, 2024), shown, TODAY)


def test_dc2_documents_tab_lists_newest_year_first():
    docs = [
        FakeDocument(1, DocumentKind.PREMIUM_PROOF, 2023),
        FakeDocument(1, DocumentKind.TAX_CERTIFICATE, 2025),
        FakeDocument(1, DocumentKind.POLICY, 2026),
        FakeDocument(1, DocumentKind.ANNUAL_STATEMENT, 2025),
        FakeDocument(1, DocumentKind.ANNUAL_STATEMENT, 2024),
    ]
    listed = portal_documents(docs, {1}, TODAY)
    assert [(d.year, d.kind) for d in listed] == [
        (2025, DocumentKind.ANNUAL_STATEMENT),
        (2025, DocumentKind.TAX_CERTIFICATE),
        (2024, DocumentKind.ANNUAL_STATEMENT),
        (2023, DocumentKind.PREMIUM_PROOF),
    ]
