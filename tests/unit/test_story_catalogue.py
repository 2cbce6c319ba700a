"""Issue 19: story files are checked when they are read, like the contract catalogue; a
broken one stops the start with a message naming the file and the entry."""

from __future__ import annotations

import pytest

from portal.stories.catalogue import StoryError, default_stories, load_stories, parse_story

GOOD = {
    "rules": ["RG-1"],
    "title": {"fr": "Titre", "nl": "Titel"},
    "shows": {"fr": "Ce qu'elle montre", "nl": "Wat het toont"},
    "setup": {"persona": "marc", "brand": "vivium", "clock": "2026-03-02T09:00"},
    "steps": [{"action": "request_letter", "narration": {"fr": "La lettre", "nl": "De brief"}}],
}


def story(**changes) -> dict:
    raw = {**GOOD, **changes}
    return {k: v for k, v in raw.items() if v is not None}


def step(**changes) -> dict:
    return {**GOOD["steps"][0], **changes}


def test_a_well_formed_story_reads_with_its_setup_and_steps():
    parsed = parse_story("000-q2.1", story())
    assert parsed.seed == "000" and parsed.number == "2.1"
    assert parsed.setup.lang == "fr"  # Marc's own language when the file gives none
    assert parsed.steps[0].focus == "portal" and parsed.steps[0].expect is None


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (story(steps=[step(action="teleport")]), "unknown action 'teleport'"),
        (story(steps=[step(narration={"fr": "Seul"})]), "steps[0].narration"),
        (story(title={"nl": "Alleen"}), "title: needs a non-empty French"),
        (story(setup={**GOOD["setup"], "persona": "nobody"}), "unknown persona 'nobody'"),
        (story(setup={**GOOD["setup"], "faults": ["rain"]}), "unknown faults ['rain']"),
        (story(setup={**GOOD["setup"], "clock": "tomorrow"}), "clock an ISO date-time"),
        (story(steps=[step(params={"colour": "red"})]), "unknown ['colour']"),
        (story(steps=[step(action="clock_set")]), "missing ['at']"),
        (story(steps=[step(page="https://evil.example")]), "steps[0].page"),
        (story(steps=[step(focus="television")]), "steps[0].focus"),
        (story(steps=[]), "needs at least one"),
        (story(steps=[step(params={"persona": "ghost"})]), "unknown persona 'ghost'"),
    ],
)
def test_a_broken_story_is_refused_naming_its_entry(raw, says):
    with pytest.raises(StoryError) as refused:
        parse_story("000-q2.1", raw)
    assert says in str(refused.value) and "000-q2.1" in str(refused.value)


@pytest.mark.parametrize("name", ["q2.1", "000-2.1", "007-q2.1", "000-q2"])
def test_a_story_file_is_named_by_seed_and_question(name):
    with pytest.raises(StoryError, match=r"named like 000-q2\.4"):
        parse_story(name, story())


def test_a_file_that_is_no_toml_names_the_file(tmp_path):
    (tmp_path / "000-q1.1.toml").write_text("title = [", encoding="utf-8")
    with pytest.raises(StoryError, match=r"000-q1\.1\.toml: not valid TOML"):
        load_stories(tmp_path)


def test_a_copied_story_in_another_folder_loads_by_its_file_name(tmp_path):
    source = next(iter(default_stories().values()))
    from portal.stories.catalogue import DATA

    (tmp_path / "001-q6.1.toml").write_text(
        (DATA / f"{source.id}.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert list(load_stories(tmp_path)) == ["001-q6.1"]


def test_the_stories_shipped_load_in_faq_order():
    ids = list(default_stories())
    assert ids[0] == "000-q1.1" and ids[-1] == "004-q1.1" and ids == sorted(ids)
    assert "001-q6.1" in ids
    others = ["002-q1.1", "003-q1.1", "003-q1.2", "003-q1.3"]  # Insurgate, V-Connect Auto
    assert ids[ids.index("001-q6.1") + 1 : ids.index("004-q1.1")] == others
