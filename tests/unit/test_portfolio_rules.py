"""The intermediary tools' pure rules and content: policy counts (BK-2), the portfolio
(BK-3), plates, the intermediaries' FAQ of both brands, generated intermediaries."""

from __future__ import annotations

from types import SimpleNamespace

from models.enums import Brand, ContractStatus, Line
from portal.intermediary.faq import faq_of
from portal.rules.portfolio import active_policy_counts, in_portfolio, normalise_plate
from seed.intermediaries import generated, producer_number


def contract(line=Line.NON_LIFE, status=ContractStatus.ACTIVE, intermediary_id=1):
    return SimpleNamespace(line=line, status=status, intermediary_id=intermediary_id)


def test_active_policy_counts_split_life_and_non_life():
    contracts = [contract(Line.LIFE), contract(Line.LIFE), contract(Line.NON_LIFE)]
    counts = active_policy_counts(contracts)
    assert (counts.life, counts.non_life) == (2, 1)


def test_an_ended_policy_counts_in_neither_line():
    counts = active_policy_counts([contract(Line.LIFE, ContractStatus.ENDED), contract()])
    assert (counts.life, counts.non_life) == (0, 1)


def test_no_policy_counts_zero_and_zero():
    counts = active_policy_counts([])
    assert (counts.life, counts.non_life) == (0, 0)


def test_bk3_the_portfolio_keeps_only_the_intermediarys_contracts():
    mine, theirs, nobody = contract(), contract(intermediary_id=2), contract(intermediary_id=None)
    assert in_portfolio([mine, theirs, nobody], 1) == [mine]


def test_a_plate_is_compared_without_dashes_spaces_or_case():
    assert normalise_plate("1-abc-234") == "1ABC234"
    assert normalise_plate(" 2bhm 548 ") == "2BHM548"
    assert normalise_plate("") == ""


def test_bk1_the_vivium_faq_says_the_broker_is_not_told_of_a_registration():
    entries = {e.id: e for e in faq_of(Brand.VIVIUM, "fr")}
    assert "Non" in entries["told-of-registration"].answer
    assert "myvivium@vivium.be" in entries["registration-fails"].answer
    assert "both-brands" not in entries


def test_bk1_the_pv_faq_tells_the_agent_of_the_flag_and_the_qr_code_in_dutch():
    entries = {e.id: e for e in faq_of(Brand.PV, "nl")}
    assert "QR-code" in entries["told-of-registration"].answer
    assert "Connect 360" in entries["told-of-registration"].answer
    assert "02 250 87 09" in entries["activation-code"].answer
    assert "8.30" in entries["activation-code"].answer
    assert "D+1" in entries["contact-changes"].answer


def test_pd2_the_faqs_differ_on_contact_changes():
    pv = {e.id: e.answer for e in faq_of(Brand.PV, "fr")}["contact-changes"]
    vivium = {e.id: e.answer for e in faq_of(Brand.VIVIUM, "fr")}["contact-changes"]
    assert "J+1" in pv and "pas encore en service" in vivium


def test_every_faq_question_has_both_languages_filled_in():
    for brand in Brand:
        for lang in ("fr", "nl"):
            for entry in faq_of(brand, lang):
                assert entry.question and entry.answer and "{" not in entry.answer


def test_a_generated_intermediary_is_the_same_on_every_call():
    first, again = generated(Brand.PV, 7), generated(Brand.PV, 7)
    assert (first.full_name, first.email, first.city) == (again.full_name, again.email, again.city)
    assert first.producer_number == producer_number(Brand.PV, 7) == "4001007"
    assert generated(Brand.VIVIUM, 7).producer_number.startswith("8")
