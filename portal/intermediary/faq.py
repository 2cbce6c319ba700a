"""The intermediaries' FAQ in each tool (HP-1 seen from the agent's or broker's side),
read from `faq.toml` and filled in with the brand's facts."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.brands import CONTACT_HOURS, PROFILES
from models.enums import Brand

PATH = Path(__file__).with_name("faq.toml")


@dataclass(frozen=True)
class Entry:
    id: str
    rules: tuple[str, ...]
    question: str
    answer: str


@cache
def _questions() -> list[dict]:
    return tomllib.loads(PATH.read_text(encoding="utf-8"))["questions"]


def faq_of(brand: Brand, lang: str) -> list[Entry]:
    """The questions of the brand's intermediaries in `lang`, with its facts."""
    profile = PROFILES[brand]
    others = [p.portal_name for p in PROFILES.values() if p.brand != brand]
    facts = {
        "portal": profile.portal_name,
        "tool": profile.tool.name,
        "email": profile.support_email,
        "phone": profile.support_phone,
        "hours": CONTACT_HOURS.get(lang),
        "url": profile.real_address(lang),
        "other_portal": ", ".join(others),
    }
    return [
        Entry(
            raw["id"],
            tuple(raw["rules"]),
            raw[lang]["q"].format(**facts),
            raw[lang]["a"].format(**facts),
        )
        for raw in _questions()
        if brand.value in raw.get("brands", [b.value for b in Brand])
    ]
