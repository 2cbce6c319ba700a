"""Rules behind the FAQ fixes: the Documents tab order (DC-1, DC-2) and the masked
national number of a support request (RG-5)."""

from __future__ import annotations

from datetime import date

import pytest

from models.enums import DocumentKind
from models.portal import SupportRequest, mask_national_number
from portal.rules.documents import portal_documents
from tests.unit.fakes import FakeDocument


def test_dc1_documents_of_one_year_come_newest_issue_date_first():
    docs = [
        FakeDocument(1, DocumentKind.PREMIUM_PROOF, 2024, date(2024, 12, 20)),
        FakeDocument(1, DocumentKind.TAX_CERTIFICATE, 2024, date(2025, 2, 15)),
        FakeDocument(2, DocumentKind.PREMIUM_PROOF, 2024, date(2025, 3, 3)),
        FakeDocument(1, DocumentKind.ANNUAL_STATEMENT, 2024, date(2025, 1, 31)),
        FakeDocument(1, DocumentKind.ANNUAL_STATEMENT, 2025, date(2026, 1, 31)),
        FakeDocument(1, DocumentKind.PREMIUM_PROOF, 2023, date(2023, 12, 20)),
    ]
    listed = portal_documents(docs, {1, 2}, date(2026, 3, 1))
    assert [(d.year, d.issued_on) for d in listed] == [
        (2025, date(2026, 1, 31)),
        (2024, date(2025, 3, 3)),
        (2024, date(2025, 2, 15)),
        (2024, date(2025, 1, 31)),
        (2024, date(2024, 12, 20)),
        (2023, date(2023, 12, 20)),
    ]


def test_dc1_documents_issued_the_same_day_keep_a_stable_order():
    day = date(2025, 1, 31)
    docs = [
        FakeDocument(2, DocumentKind.TAX_CERTIFICATE, 2024, day),
        FakeDocument(1, DocumentKind.TAX_CERTIFICATE, 2024, day),
        FakeDocument(1, DocumentKind.ANNUAL_STATEMENT, 2024, day),
    ]
    listed = portal_documents(docs, {1, 2}, date(2026, 3, 1))
    assert [(d.kind, d.contract_id) for d in listed] == [
        (DocumentKind.ANNUAL_STATEMENT, 1),
        (DocumentKind.TAX_CERTIFICATE, 1),
        (DocumentKind.TAX_CERTIFICATE, 2),
    ]


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("85073003328", "**.**.**-*33.28"),
        ("85.07.30-033.28", "**.**.**-*33.28"),
        ("123", "**.**.**-***.**"),
        ("", "**.**.**-***.**"),
        ("８５０７３００３３２８", "**.**.**-***.**"),
    ],
)
def test_rg5_a_national_number_is_masked_but_its_last_four_digits(number, masked):
    assert mask_national_number(number) == masked


def test_rg5_a_request_without_a_proven_number_has_no_masked_number():
    assert SupportRequest(national_number=None).national_number_masked is None
    assert SupportRequest(national_number="85073003328").national_number_masked == (
        "**.**.**-*33.28"
    )


def test_hp1_an_faq_id_appears_once_per_portal():
    from models import Brand
    from portal.faq import faq_for

    for brand in Brand:
        ids = [q.id for s in faq_for(brand) for q in s.questions]
        assert len(ids) == len(set(ids)), brand


def test_hp1_two_entries_with_one_id_in_one_portal_are_refused():
    from models import Brand
    from portal.faq import FaqError, _claim

    seen: dict = {}
    _claim(seen, "missing-contract", frozenset({Brand.VIVIUM}))
    _claim(seen, "missing-contract", frozenset({Brand.PV}))
    with pytest.raises(FaqError, match="missing-contract"):
        _claim(seen, "missing-contract", None)


def test_ct5_one_theme_page_holds_its_contracts_and_total_only():
    from models.catalogue import load_catalogue
    from portal.rules.themes import theme_group
    from tests.unit.fakes import FakeContract

    cat = load_catalogue()
    shown = [
        FakeContract("life_pension_savings", number="ps", savings_cents=1_234_567),
        FakeContract("car", number="car"),
        FakeContract("life_plci", number="plci", savings_cents=911_436),
    ]
    pension = theme_group(shown, cat, "pension")
    assert [c.number for c in pension.contracts] == ["ps", "plci"]
    assert pension.total_savings_cents == 2_146_003
    home = theme_group(shown, cat, "home")
    assert home.contracts == [] and home.total_savings_cents is None
    assert theme_group(shown, cat, "unknown") is None


def test_rg5_every_reportable_refusal_is_a_known_report_code():
    """A report of an unknown code is refused; every refusal that offers the report form
    must therefore be one the report accepts."""
    import auth.errors
    import auth.limits  # its refusals subclass AuthRefusal
    from portal.refusals import REFUSALS

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    reportable = {c.code for c in subclasses(auth.errors.AuthRefusal) if c.reportable}
    assert reportable <= set(REFUSALS)
