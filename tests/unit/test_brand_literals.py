"""Brands are data (BR-1, issue 11 item 5): outside the brand profiles
(`models/brands.py`), the enumeration (`models/enums.py`) and the migrations, no source
file of portal/, auth/, seed/ or models/ names a brand: no `Brand.<MEMBER>`, no brand
value in quotes, no `any(...)` URL rule listing brands. What differs between the brands
is read from the profiles (`profile`, `brand_of`, `brand_values`, `<brand:...>`)."""

from __future__ import annotations

import re
from pathlib import Path

from models import Brand

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("portal", "auth", "seed", "models")
ALLOWED = {Path("models/brands.py"), Path("models/enums.py")}
MIGRATIONS = Path("portal/migrations")


def literal_pattern() -> re.Pattern[str]:
    """Any member of `Brand` by name, any brand value in quotes, an `any(` URL rule."""
    names = "|".join(member.name for member in Brand)
    values = "|".join(re.escape(member.value) for member in Brand)
    return re.compile(rf"\bBrand\.(?:{names})\b|([\"'])(?:{values})\1|<any\((?:{values})\b")


def brand_literals(text: str) -> list[tuple[int, str]]:
    """(line number, line) of each line of `text` naming a brand."""
    pattern = literal_pattern()
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if pattern.search(line)
    ]


def sources() -> list[Path]:
    """The Python files the rule covers, relative to the project root."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative not in ALLOWED and MIGRATIONS not in relative.parents:
                found.append(relative)
    return found


def test_no_source_outside_the_profiles_names_a_brand():
    hits = [
        f"{path}:{number}: {line}"
        for path in sources()
        for number, line in brand_literals((ROOT / path).read_text(encoding="utf-8"))
    ]
    assert hits == [], "brand literals outside the profiles:\n" + "\n".join(hits)


def test_the_rule_covers_the_four_packages_and_leaves_out_profiles_and_migrations():
    covered = set(sources())
    assert {Path("portal/app.py"), Path("auth/sessions.py"), Path("seed/generator.py")} <= covered
    assert Path("models/outbox_writer.py") in covered
    assert not covered & ALLOWED
    assert not any(MIGRATIONS in path.parents for path in covered)


def test_a_brand_member_a_quoted_brand_value_and_an_any_rule_are_each_found():
    first, second = list(Brand)[:2]
    text = "\n".join(
        [
            f"if contract.brand == Brand.{first.name}:",
            f"other = '{second.value}'",
            f'brand = "{first.value}"',
            f'@bp.get("/x/<any({first.value}, {second.value}):brand>")',
        ]
    )
    assert [number for number, _ in brand_literals(text)] == [1, 2, 3, 4]


def test_names_that_only_contain_a_brand_value_are_no_literal():
    first = next(iter(Brand))
    text = "\n".join(
        [
            f'facts["{first.value}_contracts"] = []',
            f"Brand.{first.name}_LIKE = 1",
            "brand = profile(brand_of(System.S2PACK)).brand",
            '"<brand:brand>"',
        ]
    )
    assert brand_literals(text) == []
