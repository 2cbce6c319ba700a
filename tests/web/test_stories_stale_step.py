"""Issue 19: a story step that no longer plays as written is told to the trainer in the
console's language (English, French, Dutch): which step of which story, and the refusal
code it met or the one it expected, the codes kept as they are. The developer's line
(`StoryStepFailed`'s str()) stays English."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from portal.sim import stories_views
from portal.stories import player
from portal.stories.catalogue import Story, default_stories

REFUSED = "000-q2.3"  # step 1 (request_letter) is refused with person_duplicated
PASSES = "000-q2.1"  # step 1 (show) goes through


@pytest.fixture
def trainer(client, no_stale_world_schemas):
    """The console client; every world its stories made is deleted at the end."""
    yield client
    for world in client.get("/sim/api/worlds").get_json()["worlds"]:
        client.delete(f"/sim/api/worlds/{world['id']}")


def stale(monkeypatch, story_id: str, expect: str | None) -> None:
    """The console plays the story with its first step expecting `expect` instead."""
    stories = dict(default_stories())
    story: Story = stories[story_id]
    first = dataclasses.replace(story.steps[0], expect=expect)
    stories[story_id] = dataclasses.replace(story, steps=(first, *story.steps[1:]))
    monkeypatch.setattr(stories_views, "default_stories", lambda: stories)


def flash_after_next(client, story_id: str, lang: str) -> str:
    """Start the story, play its first step, and read the page's flash."""
    assert client.get(f"/sim/language/{lang}").status_code == 302
    for what in ("start", "next"):
        page = client.get(f"/sim/stories/{story_id}").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        answer = client.post(f"/sim/stories/{story_id}/{what}", data={"csrf_token": token})
        assert answer.status_code == 302
    page = client.get(f"/sim/stories/{story_id}").get_data(as_text=True)
    found = re.search(r'data-testid="flash"[^>]*>(.*?)</', page, re.S)
    assert found, page
    return re.sub(r"\s+", " ", html.unescape(found.group(1))).strip()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "L'étape 1 de l'histoire 000-q2.3 (request_letter) ne se joue plus comme écrit : "
               "elle a été refusée avec le code person_duplicated."),
        ("nl", "Stap 1 van het verhaal 000-q2.3 (request_letter) verloopt niet meer zoals "
               "beschreven: ze werd geweigerd met de code person_duplicated."),
        ("en", "Step 1 of the story 000-q2.3 (request_letter) no longer plays as written: "
               "it was refused with person_duplicated."),
    ],
)  # fmt: skip
def test_a_step_refused_unexpectedly_is_told_in_the_trainers_language_with_its_code(
    trainer, monkeypatch, lang, words
):
    stale(monkeypatch, REFUSED, None)
    assert flash_after_next(trainer, REFUSED, lang) == words
    with trainer.session_transaction() as session:
        assert session["stories"][REFUSED][1] == 0  # the step is not counted as played


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "L'étape 1 de l'histoire 000-q2.3 (request_letter) ne se joue plus comme écrit : "
               "elle a été refusée avec le code person_duplicated au lieu de person_unknown."),
        ("nl", "Stap 1 van het verhaal 000-q2.3 (request_letter) verloopt niet meer zoals "
               "beschreven: ze werd geweigerd met de code person_duplicated in plaats van "
               "person_unknown."),
    ],
)  # fmt: skip
def test_a_step_refused_with_another_code_names_both_codes(trainer, monkeypatch, lang, words):
    stale(monkeypatch, REFUSED, "person_unknown")
    assert flash_after_next(trainer, REFUSED, lang) == words


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "L'étape 1 de l'histoire 000-q2.1 (show) ne se joue plus comme écrit : elle "
               "devrait être refusée avec le code person_unknown, et elle est passée."),
        ("nl", "Stap 1 van het verhaal 000-q2.1 (show) verloopt niet meer zoals beschreven: ze "
               "zou geweigerd moeten worden met de code person_unknown, maar ze werd aanvaard."),
    ],
)  # fmt: skip
def test_a_step_that_is_no_longer_refused_names_the_refusal_it_expected(
    trainer, monkeypatch, lang, words
):
    stale(monkeypatch, PASSES, "person_unknown")
    assert flash_after_next(trainer, PASSES, lang) == words


def test_the_developers_line_of_a_stale_step_stays_english_and_names_its_parts():
    refused = player.StoryStepFailed("000-q2.3", 1, "request_letter", refused="person_duplicated")
    missed = player.StoryStepFailed("000-q2.1", 2, "show", expected="person_unknown")
    assert str(refused) == "000-q2.3 step 1 (request_letter): refused with person_duplicated"
    assert str(missed) == "000-q2.1 step 2 (show): expected the refusal person_unknown"
    assert (missed.story_id, missed.step, missed.action) == ("000-q2.1", 2, "show")
    assert (missed.refused, missed.expected) == (None, "person_unknown")
