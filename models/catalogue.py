"""The contract catalogue, loaded from TOML and checked (CT-1, CT-2, CT-4, CT-5).

The data lives in `catalogue.toml` beside this module so that trainers can change what
the portal shows without touching code; `PORTAL_CATALOGUE` points at another file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from models.brands import Text
from models.enums import Brand, Line, Segment

DEFAULT_PATH = Path(__file__).with_name("catalogue.toml")
LANGUAGES = ("fr", "nl")


class CatalogueError(ValueError):
    """The catalogue file is not usable; the message names the faulty entry."""


@dataclass(frozen=True)
class Theme:
    code: str
    order: int
    title: Text
    question: Text
    total_savings: bool


@dataclass(frozen=True)
class GuaranteeGroup:
    title: Text
    items: tuple[str, ...]


@dataclass(frozen=True)
class Product:
    code: str
    line: Line
    brands: frozenset[Brand]
    theme: str
    name: Text
    shown: bool
    segments: frozenset[Segment]
    hidden_reason: str | None
    segment_reason: str | None
    guarantees: str | None


@dataclass(frozen=True)
class Catalogue:
    themes: dict[str, Theme]
    reasons: dict[str, Text]
    guarantees: dict[str, Text]
    guarantee_sets: dict[str, tuple[GuaranteeGroup, ...]]
    components: dict[str, Text]
    products: dict[str, Product]
    source: str = field(default="", compare=False)

    def themes_in_order(self) -> list[Theme]:
        return sorted(self.themes.values(), key=lambda t: t.order)


def text_from(raw: object, where: str) -> Text:
    if not isinstance(raw, dict) or any(not str(raw.get(lang, "")).strip() for lang in LANGUAGES):
        raise CatalogueError(f"{where}: needs a non-empty French (fr) and Dutch (nl) text")
    return Text(fr=str(raw["fr"]), nl=str(raw["nl"]))


def _enum_set(enum, values: object, where: str) -> frozenset:
    try:
        return frozenset(enum(v) for v in values)  # type: ignore[union-attr]
    except (TypeError, ValueError) as exc:
        allowed = ", ".join(m.value for m in enum)
        raise CatalogueError(f"{where}: expected a list of {allowed}") from exc


def _product(code: str, raw: dict, cat: dict) -> Product:
    where = f"products.{code}"
    try:
        line = Line(raw.get("line"))
    except ValueError as exc:
        raise CatalogueError(f"{where}.line: expected 'life' or 'non_life'") from exc
    shown = bool(raw.get("shown", True))
    segments = _enum_set(Segment, raw.get("segments", []), f"{where}.segments") if shown else None
    hidden_reason = raw.get("hidden_reason")
    segment_reason = raw.get("segment_reason")
    if raw.get("theme") not in cat["themes"]:
        raise CatalogueError(f"{where}.theme: unknown theme {raw.get('theme')!r}")
    if not shown and hidden_reason not in cat["reasons"]:
        raise CatalogueError(f"{where}: a hidden product needs a known hidden_reason")
    if shown and not segments:
        raise CatalogueError(f"{where}: a shown product needs at least one segment")
    if shown and len(segments) < len(Segment) and segment_reason not in cat["reasons"]:
        raise CatalogueError(f"{where}: segment_reason must name a reason for the other segments")
    if raw.get("guarantees") and raw["guarantees"] not in cat["guarantee_sets"]:
        raise CatalogueError(f"{where}.guarantees: unknown guarantee set {raw['guarantees']!r}")
    return Product(
        code=code,
        line=line,
        brands=_enum_set(Brand, raw.get("brands", []), f"{where}.brands"),
        theme=raw["theme"],
        name=text_from(raw.get("name"), f"{where}.name"),
        shown=shown,
        segments=segments or frozenset(),
        hidden_reason=hidden_reason,
        segment_reason=segment_reason,
        guarantees=raw.get("guarantees"),
    )


def parse_catalogue(data: dict, source: str = "") -> Catalogue:
    """Build and check a catalogue from the parsed TOML document."""
    themes = {
        code: Theme(
            code=code,
            order=int(raw.get("order", 99)),
            title=text_from(raw.get("title"), f"themes.{code}.title"),
            question=text_from(raw.get("question"), f"themes.{code}.question"),
            total_savings=bool(raw.get("total_savings", False)),
        )
        for code, raw in data.get("themes", {}).items()
    }
    reasons = {c: text_from(r, f"reasons.{c}") for c, r in data.get("reasons", {}).items()}
    guarantees = {c: text_from(r, f"guarantees.{c}") for c, r in data.get("guarantees", {}).items()}
    sets: dict[str, tuple[GuaranteeGroup, ...]] = {}
    for code, groups in data.get("guarantee_sets", {}).items():
        parsed = []
        for i, group in enumerate(groups):
            unknown = [g for g in group.get("items", []) if g not in guarantees]
            if unknown:
                raise CatalogueError(f"guarantee_sets.{code}[{i}]: unknown guarantees {unknown}")
            title = text_from(group.get("title"), f"guarantee_sets.{code}[{i}].title")
            parsed.append(GuaranteeGroup(title=title, items=tuple(group["items"])))
        sets[code] = tuple(parsed)
    components = {c: text_from(r, f"components.{c}") for c, r in data.get("components", {}).items()}
    known = {"themes": themes, "reasons": reasons, "guarantee_sets": sets}
    products = {c: _product(c, r, known) for c, r in data.get("products", {}).items()}
    if not products:
        raise CatalogueError("the catalogue lists no products")
    return Catalogue(themes, reasons, guarantees, sets, components, products, source)


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and check a catalogue file (the packaged one by default)."""
    path = Path(path) if path else DEFAULT_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(f"cannot read the catalogue {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path} is not valid TOML: {exc}") from exc
    return parse_catalogue(data, source=str(path))


@cache
def default_catalogue() -> Catalogue:
    return load_catalogue()
