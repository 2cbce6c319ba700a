"""The rules the pack covers: read from docs/RULES.md (the **ID** markers), and the one
place that says to which brand each rule applies.

Tags of a scenario: its rule IDs (`@RG-6`), its FAQ section (`@faq-2.4`), its brand
(`@vivium`, `@pv`, or both for a scenario that crosses the portals), and optionally
`@browser` (Playwright) or `@xfail` (a known bug, reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES_MD = ROOT / "docs" / "RULES.md"
FEATURES = Path(__file__).resolve().parent / "features"
BRANDS = ("vivium", "pv")
BOTH = BRANDS

# Which brand each rule applies to: every rule of the FAQs applies to both portals.
# PD-2 and BK-1 say something different for each brand (P&V's Connect 360 sees a
# change the next day and flags the onboarding; Vivium's broker is told nothing), so
# each brand has its own scenario. A rule for one brand only would list that brand.
APPLIES: dict[str, tuple[str, ...]] = {
    "BR-1": BOTH,
    "BR-2": BOTH,
    "BR-3": BOTH,
    "RG-1": BOTH,
    "RG-2": BOTH,
    "RG-3": BOTH,
    "RG-4": BOTH,
    "RG-5": BOTH,
    "RG-6": BOTH,
    "RG-7": BOTH,
    "CT-1": BOTH,
    "CT-2": BOTH,
    "CT-3": BOTH,
    "CT-4": BOTH,
    "CT-5": BOTH,
    "DC-1": BOTH,
    "DC-2": BOTH,
    "DC-3": BOTH,
    "PD-1": BOTH,
    "PD-2": BOTH,
    "BK-1": BOTH,
    "BK-2": BOTH,
    "BK-3": BOTH,
    "HP-1": BOTH,
    "HP-2": BOTH,
    # The systems of seeds 002-004 are Vivium's: V-Connect Auto, the S² Pack, Insurgate.
    **{f"VA-{n}": ("vivium",) for n in range(1, 11)},
    **{f"S2-{n}": ("vivium",) for n in range(1, 9)},
    **{f"IG-{n}": ("vivium",) for n in range(1, 8)},
}

# Rules of a release note or a manual, not of a FAQ: their scenarios name no FAQ section.
WITHOUT_FAQ = ("VA-", "S2-", "IG-")

RULE_TAG = re.compile(r"[A-Z][A-Z0-9]-\d+")
FAQ_TAG = re.compile(r"faq-\d+(?:\.\d+)*")
OTHER_TAGS = {"browser", "xfail"}


@dataclass(frozen=True)
class Rule:
    id: str
    text: str
    sections: tuple[str, ...]  # FAQ sections, "2.4"; empty when the rule names none
    faq: str = ""  # the reference as RULES.md writes it: "V 1.5, P 1.4"

    @property
    def title(self) -> str:
        """The rule's first sentence, for the report."""
        first = re.split(r"(?<=\.)\s", self.text, maxsplit=1)[0]
        return first if len(first) <= 110 else first[:107] + "..."


def load_rules(path: Path = RULES_MD) -> list[Rule]:
    """Every `- **ID** text [V x.y, P x.y]` entry of docs/RULES.md, in order."""
    text = path.read_text(encoding="utf-8")
    rules = []
    pattern = re.compile(r"^- \*\*([A-Z][A-Z0-9]-\d+)\*\*(.*?)(?=^- |^#|\Z)", re.S | re.M)
    for match in pattern.finditer(text):
        body = " ".join(match.group(2).split())
        brackets = re.findall(r"\[([^\]]*\d[^\]]*)\]", body)
        sections = tuple(s for b in brackets for s in re.findall(r"\d+(?:\.\d+)*", b))
        clean = re.sub(r"\s*\[[^\]]*\d[^\]]*\]\s*$", "", body).strip()
        rules.append(Rule(match.group(1), clean, sections, "; ".join(brackets)))
    return rules


def tag_kinds(tags: set[str] | frozenset[str]) -> tuple[set[str], set[str], set[str], set[str]]:
    """(rule IDs, FAQ tags, brands, unknown tags) of a scenario's tags."""
    rules = {t for t in tags if RULE_TAG.fullmatch(t)}
    faqs = {t for t in tags if FAQ_TAG.fullmatch(t)}
    brands = {t for t in tags if t in BRANDS}
    unknown = set(tags) - rules - faqs - brands - OTHER_TAGS
    return rules, faqs, brands, unknown
