"""The customers' FAQ (HP-1): bilingual, every placeholder known, rule IDs named."""

from __future__ import annotations

import re

from models import Brand
from portal.faq import faq_for

KNOWN = {"portal", "company", "intermediary", "support_email", "support_phone", "hours"}


def test_every_faq_entry_is_bilingual_and_uses_known_placeholders_only():
    for brand in Brand:
        for section in faq_for(brand):
            for q in section.questions:
                for text in (q.question.fr, q.question.nl, q.answer.fr, q.answer.nl):
                    assert set(re.findall(r"\{(\w+)\}", text)) <= KNOWN, q.id
                assert q.rules, q.id


def test_the_faq_covers_the_customer_facing_rules():
    rules = {r for s in faq_for(Brand.PV) for q in s.questions for r in q.rules}
    assert {
        "RG-1",
        "RG-3",
        "RG-4",
        "RG-5",
        "RG-6",
        "RG-7",
        "CT-1",
        "CT-4",
        "DC-1",
        "DC-2",
        "DC-3",
        "PD-1",
        "PD-2",
        "BR-1",
        "HP-2",
    } <= rules
