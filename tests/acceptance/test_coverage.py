"""The pack checks itself: every rule of docs/RULES.md has a scenario for each brand it
applies to (rules.APPLIES), every scenario names its rules, brand and FAQ section and
starts from a reset, and every step is documented in docs/STEPS.md."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features

from tests.acceptance.rules import (
    APPLIES,
    BRANDS,
    FEATURES,
    ROOT,
    WITHOUT_FAQ,
    load_rules,
    tag_kinds,
)

STEPS_MD = ROOT / "docs" / "STEPS.md"
STEP_DIR = Path(__file__).resolve().parent / "steps"
LETTERS = {"V": "vivium", "P": "pv"}
RESET = "the simulator is reset to the demo personas"


def scenarios() -> list[tuple[str, object]]:
    found = []
    for feature in get_features([str(FEATURES)]):
        for scenario in feature.scenarios.values():
            found.append((f"{Path(feature.filename).name}: {scenario.name}", scenario))
    return found


SCENARIOS = dict(scenarios())


def tags_of(scenario) -> set[str]:
    rule_tags = scenario.rule.tags if scenario.rule else set()
    return set(scenario.tags) | set(scenario.feature.tags) | set(rule_tags)


def sections_by_brand() -> dict[tuple[str, str], set[str]]:
    """(rule, brand) -> the FAQ sections a scenario of that brand may name."""
    text = (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    allowed: dict[tuple[str, str], set[str]] = {}
    for rule in load_rules():
        entry = text.split(f"**{rule.id}**", 1)[1].split("\n- ", 1)[0]
        brackets = " ".join(part.split("]")[0] for part in entry.split("[")[1:])
        pairs = []
        for chunk in brackets.split(","):
            words = chunk.split()
            if words and words[-1][0].isdigit():
                letter = words[0] if len(words) > 1 and words[0] in LETTERS else None
                pairs.append((letter, words[-1]))
        for brand in BRANDS:
            mine = {n for letter, n in pairs if letter is None or LETTERS[letter] == brand}
            allowed[(rule.id, brand)] = mine or {n for _, n in pairs}
    return allowed


def test_rules_md_is_read_with_its_faq_sections():
    rules = {rule.id: rule for rule in load_rules()}
    assert len(rules) >= 25 and rules["RG-6"].sections == ("2.4",)
    assert rules["BR-3"].sections == ("1.5", "1.4")
    assert rules["CT-2"].sections == () and rules["RG-6"].title.startswith("A letter")


def test_every_rule_of_rules_md_says_which_brands_it_applies_to():
    ids = {rule.id for rule in load_rules()}
    assert set(APPLIES) == ids, f"declare in rules.APPLIES: {sorted(ids ^ set(APPLIES))}"
    assert all(brands and set(brands) <= set(BRANDS) for brands in APPLIES.values())


def test_every_rule_has_a_scenario_for_each_brand_it_applies_to():
    covered = set()
    for scenario in SCENARIOS.values():
        rules, _faqs, brands, _ = tag_kinds(tags_of(scenario))
        covered |= {(rule, brand) for rule in rules for brand in brands}
    missing = [
        f"{rule} ({brand})"
        for rule, brands in APPLIES.items()
        for brand in brands
        if (rule, brand) not in covered
    ]
    assert not missing, "rules without a scenario: " + ", ".join(missing)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_scenario_names_its_rules_brand_and_faq_section(name):
    scenario = SCENARIOS[name]
    rules, faqs, brands, unknown = tag_kinds(tags_of(scenario))
    assert not unknown, f"{name}: unknown tags {sorted(unknown)}"
    assert rules and brands, f"{name}: tag its rule IDs and its brand"
    needs_faq = any(not rule.startswith(WITHOUT_FAQ) for rule in rules)
    assert faqs or not needs_faq, f"{name}: tag the FAQ section of {sorted(rules)}"
    assert rules <= set(APPLIES), f"{name}: no such rule {sorted(rules - set(APPLIES))}"
    allowed = sections_by_brand()
    for faq in faqs:
        number = faq.removeprefix("faq-")
        fits = any(
            not allowed[(rule, brand)] or number in allowed[(rule, brand)]
            for rule in rules
            for brand in brands
        )
        assert fits, f"{name}: {faq} is not a FAQ section of {sorted(rules)} for {sorted(brands)}"


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_scenario_starts_from_a_reset(name):
    scenario = SCENARIOS[name]
    assert scenario.steps and scenario.steps[0].name == RESET, f"{name}: start with '{RESET}'"


def step_patterns() -> list[str]:
    """The text of every step definition of steps/*.py, read from the source."""
    patterns = []
    for path in sorted(STEP_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if not (isinstance(decorator, ast.Call) and decorator.args):
                    continue
                name = getattr(decorator.func, "id", getattr(decorator.func, "attr", ""))
                if name not in ("given", "when", "then", "step"):
                    continue
                for inner in ast.walk(decorator.args[0]):
                    if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                        patterns.append(inner.value)
                        break
    return patterns


def test_every_step_is_documented_in_steps_md():
    documented = STEPS_MD.read_text(encoding="utf-8")
    patterns = step_patterns()
    assert len(patterns) > 50
    missing = [pattern for pattern in patterns if pattern not in documented]
    assert not missing, "add to docs/STEPS.md:\n" + "\n".join(missing)
