"""Playing a story (issue 19): each story plays in a world of its own (issue 14), so
that starting, going back or restarting it never touches anyone else's data.

- `start`: a fresh world with the demo personas, then the story's setup (clock frozen at
  the story's moment, its faults on).
- `next_step`: the next step's action in that world, in one transaction of the world's
  session (a step that expects a refusal must meet it; what it tried is rolled back).
- `back` and `restart`: a fresh world replayed from the start up to the step before
  (or none), the old world deleted: the world is exactly as if played forward again.

The registry rows (the `world` table) are flushed into the caller's session, which the
request commits; each world's own data are committed here, step by step, like a world's
dataset when it is filled (portal.worlds.service).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from auth.errors import AuthRefusal
from auth.settings import AuthSettings
from models.catalogue import Catalogue
from models.enums import Brand
from models.sim import clock_now, set_clock, set_fault
from portal.backoffice.errors import DomainError
from portal.stories.actions import ACTIONS, Context
from portal.stories.catalogue import OVERRIDES, Step, Story
from portal.worlds import service
from portal.worlds.datasets import Dataset


class StoryStepFailed(Exception):
    """A step did not do what its story says (a refusal it did not expect, or no refusal
    where it expected one): the story is stale. It carries its parts (the story, the
    step's number from 1 and action, the code that refused it or the refusal it
    expected) for the console to say in the trainer's language; its str() is the
    developer's line ("000-q2.3 step 1 (request_letter): refused with person_duplicated")."""

    code = "story_step_failed"

    def __init__(self, story_id: str, step: int, action: str, *, refused: str | None = None,
                 expected: str | None = None) -> None:  # fmt: skip
        self.story_id, self.step, self.action = story_id, step, action
        self.refused, self.expected = refused, expected
        where = f"{story_id} step {step} ({action})"
        if refused is not None:
            super().__init__(f"{where}: refused with {refused}")
        else:
            super().__init__(f"{where}: expected the refusal {expected}")


@dataclass(frozen=True)
class PlaySettings:
    rules: AuthSettings
    catalogue: Catalogue
    secret: str
    idle: int
    limit: int


@dataclass(frozen=True)
class Played:
    """Where a story stands: its world and how many steps are done."""

    world_id: str
    done: int


def _context(db: Session, story: Story, step: Step, settings: PlaySettings) -> Context:
    """The step's context: the story's customer and brand unless the step names others."""
    s = story.setup
    persona = step.params.get("persona", s.persona)
    brand = Brand(step.params.get("brand", s.brand))
    return Context(
        db, clock_now(db), settings.rules, settings.catalogue, settings.secret,
        persona, brand, s.lang,
    )  # fmt: skip


def _play(db: Session, story: Story, index: int, settings: PlaySettings) -> None:
    step: Step = story.steps[index]
    try:
        params = {k: v for k, v in step.params.items() if k not in OVERRIDES}
        ACTIONS[step.action].run(_context(db, story, step, settings), params)
        db.flush()
    except (AuthRefusal, DomainError) as exc:
        db.rollback()
        if step.expect != exc.code:
            raise StoryStepFailed(story.id, index + 1, step.action, refused=exc.code,
                                  expected=step.expect) from exc  # fmt: skip
        return
    if step.expect is not None:
        db.rollback()
        raise StoryStepFailed(story.id, index + 1, step.action, expected=step.expect)
    db.commit()


def _set_up(db: Session, story: Story, settings: PlaySettings) -> None:
    """The clock frozen at the story's moment, its faults on, and the customer's account
    when the story starts with one (made the way itsme or the eID card makes it)."""
    s = story.setup
    set_clock(db, s.clock, frozen=True)
    for name in s.faults:
        set_fault(db, name, True)
    if s.account is not None:
        opening = Step("register_identity", {"provider": s.account}, {}, None, "portal", None)
        ACTIONS[opening.action].run(_context(db, story, opening, settings), opening.params)
    db.commit()


def _fresh(registry: Session, storage, story: Story, upto: int, settings: PlaySettings,
           now: datetime) -> Played:  # fmt: skip
    created = service.create(registry, storage, Dataset("demo"), now,
                             idle=settings.idle, limit=settings.limit)  # fmt: skip
    world_id = created.world.id
    try:
        with storage.sessions(world_id)() as db:
            _set_up(db, story, settings)
            for index in range(upto):
                _play(db, story, index, settings)
    except BaseException:
        service.delete(registry, storage, world_id, now)
        raise
    return Played(world_id, upto)


def _forget(registry: Session, storage, world_id: str | None, now: datetime) -> None:
    if world_id is None:
        return
    with suppress(service.UnknownWorld):  # expired or deleted meanwhile: nothing to remove
        service.delete(registry, storage, world_id, now)


def start(registry: Session, storage, story: Story, settings: PlaySettings, now: datetime,
          old: str | None = None) -> Played:  # fmt: skip
    """The story at its start, in a new world (an older world of it is deleted)."""
    played = _fresh(registry, storage, story, 0, settings, now)
    _forget(registry, storage, old, now)
    return played


def next_step(registry: Session, storage, story: Story, played: Played,
              settings: PlaySettings, now: datetime) -> Played:  # fmt: skip
    """The next step played in the story's world; the last step stays the last."""
    service.find(registry, storage, played.world_id, now)
    if played.done >= len(story.steps):
        return played
    with storage.sessions(played.world_id)() as db:
        _play(db, story, played.done, settings)
    return Played(played.world_id, played.done + 1)


def back(registry: Session, storage, story: Story, played: Played, settings: PlaySettings,
         now: datetime) -> Played:  # fmt: skip
    """One step back: a fresh world replayed up to the step before the current one."""
    upto = max(played.done - 1, 0)
    replayed = _fresh(registry, storage, story, upto, settings, now)
    _forget(registry, storage, played.world_id, now)
    return replayed


def play_through(registry: Session, storage, story: Story, settings: PlaySettings,
                 now: datetime) -> Played:  # fmt: skip
    """Every step of the story, from a fresh world (the acceptance pack's check)."""
    return _fresh(registry, storage, story, len(story.steps), settings, now)
