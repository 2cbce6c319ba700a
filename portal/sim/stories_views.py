"""The trainer's stories in the console (issue 19): the list by FAQ number, a story's
page with next, back and restart, and its presenter view (`stories_presenter`).

Each story plays in a world of its own (portal.stories.player); which world and how far
are kept in the trainer's console session (`stories`: id -> [world, steps done]), so
two trainers each play their own copy. The pages live in the default world only (the
worlds registry is there); inside a world they answer 404.
"""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim.blueprints import console
from portal.sim.console_i18n import console_gettext as _
from portal.sim.console_i18n import console_lang
from portal.stories import player
from portal.stories.catalogue import SEEDS, Story, default_stories
from portal.worlds import now, requested_world, service, storage

STATE = "stories"


@console.record_once
def _check_stories(_state) -> None:
    """Start-up: every story file is read and checked, like the catalogue (StoryError)."""
    default_stories()


def persona_stories(key: str) -> list[Story]:
    """The stories whose customer is that persona (the persona cards link to them)."""
    return [s for s in default_stories().values() if s.setup.persona == key]


@console.context_processor
def _stories_of_personas() -> dict:
    return {"persona_stories": persona_stories}


def narration_lang(story: Story) -> str:
    """Narration exists in French and Dutch: the console's language, else the story's."""
    lang = console_lang()
    return lang if lang in ("fr", "nl") else story.setup.lang


def story_or_404(story_id: str) -> Story:
    if requested_world() is not None:
        abort(404)
    story = default_stories().get(story_id)
    if story is None:
        abort(404)
    return story


def played_of(story: Story) -> player.Played | None:
    entry = (session.get(STATE) or {}).get(story.id)
    if not isinstance(entry, list) or len(entry) != 2:
        return None
    return player.Played(str(entry[0]), int(entry[1]))


def remember(story: Story, played: player.Played | None) -> None:
    state = dict(session.get(STATE) or {})
    if played is None:
        state.pop(story.id, None)
    else:
        state[story.id] = [played.world_id, played.done]
    session[STATE] = state


def settings() -> player.PlaySettings:
    config = current_app.config
    return player.PlaySettings(
        current_app.extensions["auth_settings"], current_app.extensions["catalogue"],
        str(config["SECRET_KEY"]), config["WORLD_IDLE_SECONDS"], config["WORLD_LIMIT"],
    )  # fmt: skip


@console.get("/stories")
def stories_page():
    if requested_world() is not None:
        abort(404)
    stories = list(default_stories().values())
    groups = [(seed, name, [s for s in stories if s.seed == seed]) for seed, name in SEEDS.items()]
    state = session.get(STATE) or {}
    return render_template("sim/stories.html", groups=groups, state=state, form=EmptyForm())


@console.get("/stories/<story_id>")
def story_page(story_id: str):
    story = story_or_404(story_id)
    played = played_of(story)
    if played is not None:
        try:
            service.find(get_session(), storage(), played.world_id, now())
        except service.UnknownWorld:
            remember(story, None)
            played = None
            flash(_("The story's world has expired: start the story again."), "error")
    return render_template(
        "sim/story.html",
        story=story,
        played=played,
        lang=narration_lang(story),
        form=EmptyForm(),
    )


def step_failed_text(exc: player.StoryStepFailed) -> str:
    """A stale step in the trainer's language: which step of which story, and the
    refusal code it met or the one it expected, the codes as they are (for testers)."""
    place = {"story": exc.story_id, "step": exc.step, "action": exc.action}
    if exc.refused is None:
        return _("Step %(step)s of the story %(story)s (%(action)s) no longer plays as "
                 "written: it should be refused with %(expected)s, and it went through.",
                 expected=exc.expected, **place)  # fmt: skip
    if exc.expected is None:
        return _("Step %(step)s of the story %(story)s (%(action)s) no longer plays as "
                 "written: it was refused with %(refused)s.", refused=exc.refused, **place)  # fmt: skip
    return _("Step %(step)s of the story %(story)s (%(action)s) no longer plays as written: "
             "it was refused with %(refused)s instead of %(expected)s.",
             refused=exc.refused, expected=exc.expected, **place)  # fmt: skip


def _move(story: Story, move) -> player.Played | None:
    """Play a move of the story; a refused one is flashed, the page shown again."""
    try:
        played = move()
    except service.UnknownWorld:
        flash(_("The story's world has expired: start the story again."), "error")
        remember(story, None)
        return None
    except service.TooManyWorlds:
        flash(_("This instance holds as many worlds as it may: delete one first."), "error")
        return played_of(story)
    except player.StoryStepFailed as exc:
        flash(step_failed_text(exc), "error")
        return played_of(story)
    remember(story, played)
    return played


@console.post("/stories/<story_id>/<any(start, next, back, restart):move>")
def story_move(story_id: str, move: str):
    story = story_or_404(story_id)
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("sim.story_page", story_id=story.id)), 400
    registry, worlds, rules, moment = get_session(), storage(), settings(), now()
    played = played_of(story)
    if move in ("start", "restart") or played is None:
        old = played.world_id if played else None
        _move(story, lambda: player.start(registry, worlds, story, rules, moment, old))
    elif move == "next":
        _move(story, lambda: player.next_step(registry, worlds, story, played, rules, moment))
    else:
        _move(story, lambda: player.back(registry, worlds, story, played, rules, moment))
    if request.form.get("view") == "presenter":
        return redirect(url_for("sim.story_presenter", story_id=story.id))
    return redirect(url_for("sim.story_page", story_id=story.id))
