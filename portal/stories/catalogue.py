"""Stories (issue 19): one data file per FAQ question, read and checked at start-up.

A story file (`portal/stories/data/<id>.toml`, id like `000-q2.4`: seed number, question
number) names what the world holds before the first step (`setup`) and the steps a
trainer plays one by one, each an action of `portal.stories.actions` with a line of
narration in French and Dutch. A file that names an unknown action, persona, fault or
page, or lacks a language, stops the start with a `StoryError` naming the file and the
entry (the same contract as the contract catalogue). docs/STORIES.md explains the format.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from models.enums import Brand
from models.sim import fault_named
from portal.stories.actions import ACTIONS
from seed.personas import load_definitions

DATA = Path(__file__).with_name("data")
LANGUAGES = ("fr", "nl")
STORY_ID = re.compile(r"(?P<seed>\d{3})-q(?P<number>\d\.\d)")
PAGE = re.compile(r"[a-z0-9/-]{0,60}")
VIEWS = ("portal", "phone", "letterbox", "intermediary")
OVERRIDES = ("persona", "brand")
SEEDS = {
    "000": "MyVivium FAQ",
    "001": "MyP&V FAQ",
    "002": "Insurgate",
    "003": "V-Connect Auto",
    "004": "VIVIUM S² Pack",
}


class StoryError(ValueError):
    """A story file is not usable; the message names the file and the faulty entry."""


@dataclass(frozen=True)
class Step:
    action: str
    params: dict
    narration: dict[str, str]
    page: str | None
    focus: str
    expect: str | None


@dataclass(frozen=True)
class Setup:
    persona: str
    brand: Brand
    lang: str
    clock: datetime
    faults: tuple[str, ...]
    page: str
    account: str | None


@dataclass(frozen=True)
class Story:
    id: str
    seed: str
    number: str
    rules: tuple[str, ...]
    title: dict[str, str]
    shows: dict[str, str]
    setup: Setup
    steps: tuple[Step, ...]

    @property
    def sort_key(self) -> tuple[str, str]:
        return self.seed, self.number


def _texts(raw: object, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(
        not isinstance(raw.get(lang), str) or not raw[lang].strip() for lang in LANGUAGES
    ):
        raise StoryError(f"{where}: needs a non-empty French (fr) and Dutch (nl) text")
    return {lang: raw[lang].strip() for lang in LANGUAGES}


def _page(raw: object, where: str) -> str:
    if not isinstance(raw, str) or not PAGE.fullmatch(raw) or "//" in raw:
        raise StoryError(f"{where}: a page is a path inside the brand space, like 'documents'")
    return raw


def _setup(raw: object, where: str) -> Setup:
    if not isinstance(raw, dict):
        raise StoryError(f"{where}: missing [setup]")
    personas = {p["key"]: p for p in load_definitions()}
    key = raw.get("persona")
    if key not in personas:
        raise StoryError(f"{where}.persona: unknown persona {key!r} ({', '.join(personas)})")
    try:
        brand = Brand(raw.get("brand"))
        clock = datetime.fromisoformat(str(raw.get("clock")))
    except ValueError as exc:
        raise StoryError(f"{where}: brand is vivium or pv, clock an ISO date-time") from exc
    lang = raw.get("lang", personas[key]["people"][0].get("language", "fr"))
    if lang not in LANGUAGES:
        raise StoryError(f"{where}.lang: fr or nl")
    faults = tuple(raw.get("faults", ()))
    unknown = [name for name in faults if fault_named(name) is None]
    if unknown:
        raise StoryError(f"{where}.faults: unknown faults {unknown}")
    page = _page(raw.get("page", ""), f"{where}.page")
    account = raw.get("account")
    if account not in (None, "itsme", "eid"):
        raise StoryError(f"{where}.account: itsme or eid (an account made before the story)")
    return Setup(key, brand, lang, clock, faults, page, account)


def _check_overrides(params: dict, where: str) -> None:
    """A step may act for another persona or in the other brand (`persona`, `brand`)."""
    if "persona" in params and params["persona"] not in {p["key"] for p in load_definitions()}:
        raise StoryError(f"{where}.params.persona: unknown persona {params['persona']!r}")
    if "brand" in params and params["brand"] not in {b.value for b in Brand}:
        raise StoryError(f"{where}.params.brand: vivium or pv")


def _step(raw: object, where: str) -> Step:
    if not isinstance(raw, dict):
        raise StoryError(f"{where}: a step is a table")
    action = ACTIONS.get(raw.get("action"))
    if action is None:
        raise StoryError(f"{where}.action: unknown action {raw.get('action')!r}")
    params = raw.get("params", {})
    missing = [p for p in action.required if p not in params]
    extra = [p for p in params if p not in action.required + action.optional + OVERRIDES]
    if missing or extra:
        raise StoryError(f"{where}.params: missing {missing}, unknown {extra}")
    _check_overrides(params, where)
    focus = raw.get("focus", "portal")
    if focus not in VIEWS:
        raise StoryError(f"{where}.focus: one of {', '.join(VIEWS)}")
    page = _page(raw["page"], f"{where}.page") if "page" in raw else None
    expect = raw.get("expect")
    if expect is not None and not isinstance(expect, str):
        raise StoryError(f"{where}.expect: the code of the refusal the step shows")
    narration = _texts(raw.get("narration"), f"{where}.narration")
    return Step(raw["action"], dict(params), narration, page, focus, expect)


def parse_story(story_id: str, raw: dict) -> Story:
    match = STORY_ID.fullmatch(story_id)
    if match is None or match["seed"] not in SEEDS:
        raise StoryError(f"{story_id}: a story file is named like 000-q2.4 (seed, question)")
    steps = raw.get("steps")
    if not isinstance(steps, list) or not steps:
        raise StoryError(f"{story_id}: needs at least one [[steps]]")
    rules = raw.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise StoryError(f"{story_id}.rules: a list of rule IDs")
    return Story(
        id=story_id,
        seed=match["seed"],
        number=match["number"],
        rules=tuple(rules),
        title=_texts(raw.get("title"), f"{story_id}.title"),
        shows=_texts(raw.get("shows"), f"{story_id}.shows"),
        setup=_setup(raw.get("setup"), f"{story_id}.setup"),
        steps=tuple(_step(s, f"{story_id}.steps[{i}]") for i, s in enumerate(steps)),
    )


def load_stories(folder: Path = DATA) -> dict[str, Story]:
    """Every story of `folder`, by id, in FAQ order; StoryError on the first bad one."""
    stories = []
    for path in sorted(folder.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise StoryError(f"{path.name}: not valid TOML ({exc})") from exc
        stories.append(parse_story(path.stem, raw))
    return {s.id: s for s in sorted(stories, key=lambda s: s.sort_key)}


@cache
def default_stories() -> dict[str, Story]:
    return load_stories()
