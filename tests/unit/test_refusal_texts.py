"""The console's refusals in the trainer's language (issue 12 follow-up): each code the
console can show has an English, French and Dutch text with the error's details put in;
a code without one, or a detail the error lacks, reads the error's own message."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest

from models import SupportRequest
from models.telematics import S2Box, S2Stage
from portal.backoffice import desk, publishing, s2pack
from portal.backoffice.errors import Conflict, DomainError, Invalid
from portal.i18n import merged_catalog
from portal.sim.refusal_texts import LIMITS, TEXTS, refusal_text

NOW = datetime(2026, 12, 1, 9, 0)
LONG = "x" * (desk.MAX_TEXT + 1)


def translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda message: message
    catalog = merged_catalog(lang)
    return lambda message: catalog.get(message).string


def request(kind: str = "registration_problem", status: str = "open") -> SupportRequest:
    return SupportRequest(kind=kind, status=status, email=None)


def box(stage: S2Stage) -> S2Box:
    return S2Box(stage=stage, sent_at=None, placed_on=None)


# What the services themselves raise, with the details they carry (no database needed).
RAISING: list[Callable[[], object]] = [
    lambda: desk.check_action(request(), "shout"),
    lambda: desk.check_action(request(), "approve"),
    lambda: desk.check_action(request(status="solved"), "merge"),
    lambda: desk.clean_text(None),
    lambda: desk.clean_text(LONG),
    lambda: desk.clean_text(LONG, "note", required=False),
    lambda: desk.clean_text(LONG, "message", required=False),
    lambda: desk.send_email(None, request(), "support_answer", "Hello", NOW),
    lambda: desk.merge(None, request(), {"national_number": "123"}, NOW),
    lambda: desk.merge(None, request(), {"national_number": "12", "keep_person_id": "x"}, NOW),
    lambda: publishing.parse_kinds("policy"),
    lambda: publishing.parse_year(1900, NOW),
    lambda: s2pack.install(None, box(S2Stage.ACTIVE), None, NOW),
    lambda: s2pack.install(None, box(S2Stage.ORDERED), None, NOW),
    lambda: s2pack.regularise(None, box(S2Stage.LAPSED), NOW),
    lambda: s2pack.report_anomaly(None, box(S2Stage.RECEIVED), None, NOW),
    lambda: s2pack.request_theft_tracking(None, box(S2Stage.ANOMALY), NOW),
    lambda: s2pack.battery(None, box(S2Stage.ACTIVE), None, NOW, "flat"),
    lambda: s2pack.change_vehicle(None, box(S2Stage.ACTIVE), None, None, NOW, "TOO-LONG-123"),
    lambda: s2pack.end_pack(None, box(S2Stage.ENDED), None, None, NOW),
    lambda: s2pack.impact(
        None,
        box(S2Stage.ACTIVE),
        None,
        NOW,
        g=99.0,
        in_belgium=True,
        stopped=True,
        answered=False,
        place="",
    ),
]


def raised(work: Callable[[], object]) -> DomainError:
    with pytest.raises(DomainError) as caught:
        work()
    return caught.value


REAL = [raised(work) for work in RAISING]


def test_the_services_raise_the_codes_the_console_has_texts_for():
    codes = [exc.code for exc in REAL]
    assert "wrong_status" in codes and "s2_not_active" in codes and "s2_bad_impact" in codes
    assert set(codes) <= set(TEXTS)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_code_with_a_console_text_has_it_in_french_and_in_dutch(lang):
    catalog = merged_catalog(lang)
    found = {code: catalog.get(msgid) for code, msgid in TEXTS.items()}
    assert [code for code, message in found.items() if not (message and message.string)] == []


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
@pytest.mark.parametrize("exc", REAL, ids=lambda exc: exc.code)
def test_a_real_refusal_reads_its_text_with_its_details_and_its_code(exc, lang):
    shown = refusal_text(exc, translator(lang))
    assert shown.endswith(f" ({exc.code})") and "%(" not in shown
    assert shown.startswith(translator(lang)(TEXTS[exc.code]).split("%(")[0])
    if lang != "en":
        assert exc.message not in shown
    if "%(stage)s" in TEXTS[exc.code]:
        assert f"{exc.details['stage']})" in shown


def test_the_stage_of_the_box_is_put_in_the_text():
    exc = raised(lambda: s2pack.regularise(None, box(S2Stage.LAPSED), NOW))
    assert refusal_text(exc, translator("fr")) == (
        "Le boîtier n'est pas hors service (étape lapsed). (s2_no_anomaly)"
    )
    assert refusal_text(exc, translator("en")).startswith("The box is not out of order")


def test_the_limits_are_put_in_the_text():
    exc = raised(lambda: desk.clean_text(LONG, "note", required=False))
    assert f"{desk.MAX_TEXT} " in refusal_text(exc, translator("nl"))


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_a_text_whose_detail_the_error_lacks_falls_back_to_the_english_message(lang):
    exc = Conflict("s2_not_active", "the box is not installed and working")
    assert refusal_text(exc, translator(lang)) == (
        "the box is not installed and working (s2_not_active)"
    )


def test_a_code_without_a_text_reads_the_errors_own_message():
    exc = Invalid("invalid_field", "g est la force du choc, un nombre.")
    assert "invalid_field" not in TEXTS
    assert (
        refusal_text(exc, translator("fr")) == "g est la force du choc, un nombre. (invalid_field)"
    )


def test_a_text_needs_only_the_limits_unless_a_real_error_brings_its_details():
    """A text naming a detail must be met by a real raised error carrying it."""
    tested = {exc.code for exc in REAL}
    for code, msgid in TEXTS.items():
        needed = set(re.findall(r"%\((\w+)\)s", msgid)) - set(LIMITS)
        assert not needed or code in tested, code


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_text_differs_from_english_in_french_and_dutch(lang):
    translate = translator(lang)
    same = [code for code, msgid in TEXTS.items() if translate(msgid) == msgid]
    assert same == []
