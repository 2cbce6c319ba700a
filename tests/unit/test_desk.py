"""Pure functions of the support desk, the broker view and publishing (RG-5, DC-2, DC-3,
BK-1)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from models.brands import PROFILES
from models.enums import Brand, DocumentKind
from models.paper import PaperStatus
from portal.backoffice import broker, delivery, desk, publishing
from portal.backoffice.desk import SupportFilter
from portal.backoffice.errors import DomainError
from portal.errors import status_of

NOW = datetime(2026, 11, 23, 9, 0)


def request(kind: str, status: str = "open"):
    return SimpleNamespace(kind=kind, status=status, handled_at=None)


def exception(status: PaperStatus, decided_at=None, id=1):
    return SimpleNamespace(status=status, decided_at=decided_at, requested_at=NOW, id=id)


def test_desk_actions_follow_the_kind_and_status_of_a_request():
    assert desk.allowed_actions("registration_problem", "open") == ("answer", "merge")
    assert desk.allowed_actions("paper_exception", "open") == ("answer", "approve", "refuse")
    assert desk.allowed_actions("paper_exception", "approved") == ("answer", "revoke")
    assert desk.allowed_actions("paper_exception", "refused") == ("answer",)
    assert desk.allowed_actions("missing_document", "answered") == ("answer", "sent")
    assert desk.allowed_actions("missing_document", "sent") == ("answer",)


@pytest.mark.parametrize(
    ("kind", "status", "action", "code", "http"),
    [
        ("paper_exception", "open", "merge", "wrong_kind", 422),
        ("paper_exception", "refused", "approve", "wrong_status", 409),
        ("registration_problem", "open", "teleport", "unknown_action", 404),
        ("missing_document", "sent", "sent", "wrong_status", 409),
    ],
)
def test_desk_refuses_an_action_that_does_not_apply(kind, status, action, code, http):
    with pytest.raises(DomainError) as caught:
        desk.check_action(request(kind, status), action)
    assert (caught.value.code, status_of(caught.value)) == (code, http)


def test_every_action_records_its_status_and_the_time_it_was_handled():
    req = request("paper_exception")
    desk.record(req, "approve", NOW)
    assert (req.status, req.handled_at) == ("approved", NOW)
    answered = request("missing_document")
    desk.record(answered, "answer", NOW)
    assert answered.status == "answered"
    desk.record(answered, "sent", NOW)
    assert answered.status == "sent"
    desk.record(answered, "answer", NOW)  # answering again keeps the outcome
    assert answered.status == "sent"


def test_support_filter_reads_query_arguments_and_names_the_bad_one():
    f = SupportFilter.parse({"brand": "pv", "kind": "missing_document", "status": "open"})
    assert (f.brand, f.kind, f.status, f.limit) == (Brand.PV, "missing_document", "open", 100)
    assert SupportFilter.parse({}) == SupportFilter()
    for args, field in [
        ({"brand": "axa"}, "brand"),
        ({"kind": "complaint"}, "kind"),
        ({"status": "lost"}, "status"),
        ({"limit": "0"}, "limit"),
        ({"limit": "ten"}, "limit"),
    ]:
        with pytest.raises(ValueError, match=field):
            SupportFilter.parse(args)


def test_desk_texts_are_checked():
    assert desk.clean_text("  thanks  ") == "thanks"
    assert desk.clean_text(None, required=False) is None
    for bad in (None, "   ", 12, "x" * (desk.MAX_TEXT + 1)):
        with pytest.raises(DomainError):
            desk.clean_text(bad)


def test_dc3_delivery_is_digital_from_the_consent_and_paper_with_an_approved_exception():
    account = SimpleNamespace(digital_consent_at=NOW)
    assert delivery.delivery_mode(account, []) == delivery.Delivery("digital", NOW, "consent")
    requested = [exception(PaperStatus.REQUESTED)]
    assert delivery.delivery_mode(account, requested).mode == "digital"
    later = datetime(2026, 12, 1, 10, 0)
    approved = [exception(PaperStatus.REFUSED, NOW), exception(PaperStatus.APPROVED, later, 2)]
    assert delivery.delivery_mode(account, approved) == delivery.Delivery(
        "paper", later, "exception"
    )
    assert delivery.delivery_mode(account, [exception(PaperStatus.REVOKED, NOW)]).mode == (
        "digital"
    )
    assert delivery.delivery_mode(None, []) == delivery.Delivery("paper", None, "no_account")


def test_dc1_only_life_kinds_are_published_and_all_three_by_default():
    assert publishing.parse_kinds(None) == [
        DocumentKind.PREMIUM_PROOF,
        DocumentKind.TAX_CERTIFICATE,
        DocumentKind.ANNUAL_STATEMENT,
    ]
    assert publishing.parse_kinds("tax_certificate") == [DocumentKind.TAX_CERTIFICATE]
    for bad in ("policy", ["insurance_card"], [], 3):
        with pytest.raises(DomainError, match="kind"):
            publishing.parse_kinds(bad)


@pytest.mark.parametrize("raw", [None, "", "soon", 1989, 2028, True, 2025.5, [2025]])
def test_a_document_year_is_a_plausible_whole_year(raw):
    with pytest.raises(DomainError) as caught:
        publishing.parse_year(raw, NOW)
    assert caught.value.code == "invalid_year"


def test_a_document_year_may_be_given_as_text_or_number():
    assert publishing.parse_year("2025", NOW) == publishing.parse_year(2025, NOW) == 2025
    assert publishing.parse_year(2027, NOW) == 2027


def test_new_documents_carry_the_amounts_of_their_kind():
    contract = SimpleNamespace(annual_premium_cents=150_000, savings_cents=2_000_000)
    assert publishing.document_amount(DocumentKind.PREMIUM_PROOF, contract) == 150_000
    assert publishing.document_amount(DocumentKind.TAX_CERTIFICATE, contract) == 101_000
    assert publishing.document_amount(DocumentKind.ANNUAL_STATEMENT, contract) == 2_000_000


def test_bk1_only_the_pv_tool_shows_the_onboarding_flag_and_date():
    account = SimpleNamespace(created_at=NOW)
    pv, vivium = PROFILES[Brand.PV].tool, PROFILES[Brand.VIVIUM].tool
    assert broker.onboarding(pv, account) == broker.Onboarding(True, NOW)
    assert broker.onboarding(pv, None) == broker.Onboarding(False, None)
    assert broker.onboarding(vivium, account) is None
    assert (pv.name, vivium.name) == ("Connect 360", "V-Connect")


def test_bk1_the_qr_code_is_an_inline_svg_of_the_landing_page():
    svg = broker.qr_svg(PROFILES[Brand.PV].tool.landing_qr)
    assert svg.startswith("<svg") and "https://my.pv.be/" in svg
    assert broker.qr_svg(PROFILES[Brand.VIVIUM].tool.landing_qr) is None
