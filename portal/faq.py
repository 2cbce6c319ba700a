"""The customers' FAQ of the Contact & Help page (HP-1), read from `content/faq.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.brands import Text
from models.catalogue import text_from
from models.enums import Brand

PATH = Path(__file__).parent / "content" / "faq.toml"


@dataclass(frozen=True)
class Question:
    id: str
    rules: tuple[str, ...]
    question: Text
    answer: Text


@dataclass(frozen=True)
class Section:
    title: Text
    questions: tuple[Question, ...]


class FaqError(ValueError):
    """A mistake in faq.toml, naming the entry."""


def _claim(seen: dict[Brand, set[str]], entry_id: str, brands: frozenset[Brand] | None) -> None:
    """HP-1: an id is the entry's test id on the page, so once per portal at most."""
    for brand in brands or Brand:
        if entry_id in seen.setdefault(brand, set()):
            raise FaqError(f"faq {entry_id}: a second entry with this id for {brand.value}")
        seen[brand].add(entry_id)


@cache
def _load() -> tuple[tuple[Section, frozenset[Brand] | None], ...]:
    data = tomllib.loads(PATH.read_text(encoding="utf-8"))
    sections = []
    seen: dict[Brand, set[str]] = {}
    for i, raw in enumerate(data["sections"]):
        questions = []
        for q in raw["questions"]:
            brands = frozenset(Brand(b) for b in q["brands"]) if "brands" in q else None
            _claim(seen, q["id"], brands)
            where = f"faq {q['id']}"
            question = Question(
                id=q["id"],
                rules=tuple(q.get("rules", ())),
                question=text_from(q["question"], where),
                answer=text_from(q["answer"], where),
            )
            questions.append((question, brands))
        sections.append((text_from(raw["title"], f"faq section {i}"), tuple(questions)))
    return tuple(sections)


def faq_for(brand: Brand) -> list[Section]:
    """The FAQ sections as one brand's customers read them."""
    result = []
    for title, questions in _load():
        kept = tuple(q for q, brands in questions if brands is None or brand in brands)
        if kept:
            result.append(Section(title, kept))
    return result
