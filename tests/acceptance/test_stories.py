"""Issue 19: every trainer's story plays through to its end, in a world of its own, and
every portal page a story shows answers (so that no story goes stale when the portal or
the services change). Each story names its rules (`rules = [...]` in its file)."""

from __future__ import annotations

import pytest

from portal.stories import player
from portal.stories.catalogue import default_stories
from portal.stories.presenter import customer_of
from portal.worlds import now, service

STORIES = sorted(default_stories())


def settings(app) -> player.PlaySettings:
    return player.PlaySettings(
        app.extensions["auth_settings"], app.extensions["catalogue"],
        str(app.config["SECRET_KEY"]), 3600, 50,
    )  # fmt: skip


@pytest.fixture
def registry(app, no_stale_world_schemas):
    """The worlds registry; the worlds a test made are deleted at its end."""
    session = app.extensions["db_sessions"]()
    yield session
    for world in service.listing(session, app.extensions["worlds"], now()):
        service.delete(session, app.extensions["worlds"], world.id, now())
    session.commit()
    session.close()


@pytest.mark.parametrize("story_id", STORIES)
def test_the_story_plays_through_to_its_end(app, client, registry, story_id):
    story = default_stories()[story_id]
    storage = app.extensions["worlds"]
    played = player.play_through(registry, storage, story, settings(app), now())
    registry.commit()
    assert played.done == len(story.steps)
    assert story.rules, "a story names the rules it shows"
    with storage.sessions(played.world_id)() as db:
        customer = customer_of(db, story)
    brand = story.setup.brand.value
    pages = {story.setup.page, *(s.page for s in story.steps if s.page is not None)}
    for page in sorted(pages):
        url = f"/w/{played.world_id}/sim/stories/customer/{brand}/{customer.person_id}"
        answer = client.get(f"{url}?page={page}&lang={story.setup.lang}", follow_redirects=True)
        assert answer.status_code == 200, (story_id, page)


def test_both_faqs_have_a_story_for_every_question():
    numbers = {
        "000": ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "2.5",
                "3.1", "3.2", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1"],
        "001": ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5",
                "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1"],
    }  # fmt: skip
    wanted = {f"{seed}-q{n}" for seed, ns in numbers.items() for n in ns}
    others = {"004-q1.1"}  # the other seeds' systems: the S² Pack (seed 004)
    assert set(STORIES) == wanted | others


def test_the_s2_pack_story_ends_with_the_welcome_activation_and_e_call_sms(app, registry):
    """S2-6, S2-5, S2-2: the S² Pack story's SMS reach Marc's phone, in order."""
    from models import OutboxMessage

    storage = app.extensions["worlds"]
    story = default_stories()["004-q1.1"]
    played = player.play_through(registry, storage, story, settings(app), now())
    registry.commit()
    with storage.sessions(played.world_id)() as db:
        marc = customer_of(db, story).person_id
        found = db.query(OutboxMessage).filter_by(person_id=marc).order_by(OutboxMessage.id)
        kinds = [m.kind for m in found]
    assert kinds == [
        "s2_welcome_sms", "s2_delivery_sms", "s2_activation_sms", "s2_ecall_missed_sms"
    ], kinds  # fmt: skip
