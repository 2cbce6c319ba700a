"""Issue 19: the trainer's stories in the console, their presenter view, the reset that
asks first, and the console in English, French and Dutch."""

from __future__ import annotations

import re

import pytest

from models import Brand, Person
from portal.stories.catalogue import default_stories
from seed.build import add_account
from tests.conftest import session_cookie
from tests.worlds_support import world_session


@pytest.fixture
def trainer(client, no_stale_world_schemas):
    """The console client; every world its stories made is deleted at the end."""
    yield client
    for world in client.get("/sim/api/worlds").get_json()["worlds"]:
        client.delete(f"/sim/api/worlds/{world['id']}")


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def move(client, story_id: str, what: str, **extra):
    page = client.get(f"/sim/stories/{story_id}").get_data(as_text=True)
    return client.post(f"/sim/stories/{story_id}/{what}", data={"csrf_token": csrf(page), **extra})


def played(client, story_id: str) -> list:
    with client.session_transaction() as session:
        return session["stories"][story_id]


def test_the_story_list_names_every_question_of_both_faqs_by_number(trainer):
    page = trainer.get("/sim/stories").get_data(as_text=True)
    for number in ("1.1", "1.6", "2.5", "3.2", "4.3", "5.3", "6.1"):
        assert f'data-testid="story-row-000-q{number}"' in page
    for number in ("1.2", "1.5", "3.3", "4.2", "6.1"):
        assert f'data-testid="story-row-001-q{number}"' in page
    for story_id in ("002-q1.1", "003-q1.1", "003-q1.2", "003-q1.3", "004-q1.1"):
        assert f'data-testid="story-row-{story_id}"' in page  # the other seeds' systems
    # 40 FAQ questions, Insurgate's, V-Connect Auto's three and the S² Pack's
    assert len(default_stories()) == 45


def test_starting_a_story_makes_a_world_of_its_own_with_the_story_clock(trainer, app):
    response = move(trainer, "000-q2.1", "start")
    assert response.status_code == 302
    world_id, done = played(trainer, "000-q2.1")
    assert done == 0
    from models.sim import clock_now

    with world_session(app, world_id) as db:
        assert clock_now(db).isoformat() == "2026-03-02T09:00:00"
    page = trainer.get("/sim/stories/000-q2.1").get_data(as_text=True)
    assert 'data-testid="story-progress"' in page and "0 of 4" in page


def test_next_plays_a_step_through_the_services_and_its_letter_reaches_the_outbox(trainer, app):
    from models import OutboxMessage

    move(trainer, "000-q2.1", "start")
    move(trainer, "000-q2.1", "next")
    move(trainer, "000-q2.1", "next")
    world_id, done = played(trainer, "000-q2.1")
    assert done == 2
    with world_session(app, world_id) as db:
        kinds = [m.kind for m in db.query(OutboxMessage).all()]
    assert kinds == ["activation_letter"]


def test_back_replays_the_story_in_a_fresh_world_and_deletes_the_old_one(trainer, app):
    from models import OutboxMessage

    move(trainer, "000-q2.1", "start")
    move(trainer, "000-q2.1", "next")
    move(trainer, "000-q2.1", "next")
    old, _done = played(trainer, "000-q2.1")
    move(trainer, "000-q2.1", "back")
    new, done = played(trainer, "000-q2.1")
    assert done == 1 and new != old
    ids = [w["id"] for w in trainer.get("/sim/api/worlds").get_json()["worlds"]]
    assert old not in ids and new in ids
    with world_session(app, new) as db:
        assert db.query(OutboxMessage).count() == 0  # the letter was step 2


def test_restart_goes_back_to_the_start_without_touching_the_default_world(trainer, personas):
    before = trainer.get("/sim/api/outbox").get_json()["messages"]
    move(trainer, "000-q2.1", "start")
    for _ in range(4):
        move(trainer, "000-q2.1", "next")
    move(trainer, "000-q2.1", "restart")
    assert played(trainer, "000-q2.1")[1] == 0
    assert trainer.get("/sim/api/outbox").get_json()["messages"] == before


def test_a_step_that_meets_the_refusal_it_expects_counts_as_played(trainer):
    move(trainer, "000-q2.3", "start")
    response = move(trainer, "000-q2.3", "next")
    assert response.status_code == 302
    assert played(trainer, "000-q2.3")[1] == 1
    page = trainer.get("/sim/stories/000-q2.3").get_data(as_text=True)
    assert 'data-testid="flash"' not in page


def test_an_unknown_story_is_a_404_page(trainer):
    assert trainer.get("/sim/stories/000-q9.9").status_code == 404
    assert trainer.get("/sim/stories/000-q9.9/state.json").status_code == 404


def test_a_move_without_the_form_token_changes_nothing(trainer):
    response = trainer.post("/sim/stories/000-q2.1/start", data={})
    assert response.status_code == 400
    assert trainer.get("/sim/api/worlds").get_json()["worlds"] == []


def test_the_presenter_state_shows_the_letter_only_once_delivered(trainer):
    move(trainer, "000-q2.1", "start")
    move(trainer, "000-q2.1", "next")
    move(trainer, "000-q2.1", "next")
    state = trainer.get("/sim/stories/000-q2.1/state.json").get_json()
    assert state["letters"] == [] and state["focus"] == "letterbox"
    move(trainer, "000-q2.1", "next")
    state = trainer.get("/sim/stories/000-q2.1/state.json").get_json()
    assert len(state["letters"]) == 1 and state["clock"] == "04/03/2026 08:00"
    assert "Deux jours ouvrables" in state["narration"]  # Marc's story speaks French


def test_the_portal_frame_signs_in_as_the_story_customer_inside_his_world(trainer):
    move(trainer, "001-q3.1", "start")
    state = trainer.get("/sim/stories/001-q3.1/state.json").get_json()
    answer = trainer.get(state["portal"])
    assert answer.status_code == 302
    home = trainer.get(answer.headers["Location"])
    assert home.status_code == 200
    assert "Louise" in home.get_data(as_text=True)
    assert home.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in home.headers["Content-Security-Policy"]


def test_the_customer_sign_in_of_the_presenter_exists_only_inside_a_world(trainer):
    assert trainer.get("/sim/stories/customer/pv/1").status_code == 404
    assert trainer.get("/sim/stories/intermediary/pv/1").status_code == 404


def test_the_intermediary_frame_is_his_own_tool_signed_in_on_the_customers_account(trainer):
    """BK-3: Louise's agent sees her account in Connect 360, inside the story's world."""
    move(trainer, "001-q3.1", "start")
    state = trainer.get("/sim/stories/001-q3.1/state.json").get_json()
    answer = trainer.get(state["intermediary"])
    assert answer.status_code == 302
    assert "/connect360/" in answer.headers["Location"]
    account = trainer.get(answer.headers["Location"])
    assert account.status_code == 200
    page = account.get_data(as_text=True)
    assert "Louise" in page and 'data-testid="signed-in-as"' in page


def test_the_default_world_pages_still_refuse_every_frame(trainer):
    page = trainer.get("/sim/stories")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_the_presenter_page_has_its_frames_panes_and_local_script(trainer):
    page = trainer.get("/sim/stories/001-q1.2/presenter").get_data(as_text=True)
    for pane in (
        "presenter-portal",
        "presenter-phone",
        "presenter-letterbox",
        "presenter-intermediary",
    ):
        assert f'data-testid="{pane}"' in page
    assert "/static/presenter.js" in page and "<script>" not in page
    assert 'aria-keyshortcuts="ArrowRight N"' in page


def test_the_presenter_state_before_the_start_says_so(trainer):
    state = trainer.get("/sim/stories/001-q1.2/state.json").get_json()
    assert state["started"] is False and state["narration"]


def test_resetting_the_world_from_the_console_asks_for_a_confirmation_first(trainer, personas):
    page = trainer.get("/sim/").get_data(as_text=True)
    asked = trainer.post("/sim/reset", data={"csrf_token": csrf(page), "mode": "empty"})
    assert asked.status_code == 200
    assert 'data-testid="reset-confirm"' in asked.get_data(as_text=True)
    assert len(trainer.get("/sim/api/personas").get_json()["personas"]) == 8
    done = trainer.post(
        "/sim/reset", data={"csrf_token": csrf(page), "mode": "empty", "confirmed": "yes"}
    )
    assert done.status_code == 302
    assert trainer.get("/sim/api/personas").get_json()["personas"] == []


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Stories"), ("fr", "Histoires"), ("nl", "Verhalen")]
)
def test_the_console_speaks_the_language_the_trainer_chose(trainer, lang, title):
    answer = trainer.get(f"/sim/language/{lang}?next=/sim/stories")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/sim/stories")
    page = trainer.get("/sim/stories").get_data(as_text=True)
    assert f"<h1>{title}</h1>" in page and f'<html lang="{lang}">' in page


def test_the_language_switch_never_sends_the_trainer_to_another_site(trainer):
    answer = trainer.get("/sim/language/fr?next=//evil.example/")
    assert answer.headers["Location"].endswith("/sim/")


def test_stories_speak_dutch_in_a_dutch_console_and_french_in_a_french_one(trainer):
    trainer.get("/sim/language/nl")
    page = trainer.get("/sim/stories/000-q2.1").get_data(as_text=True)
    assert "Hoe maakt de klant zijn MyVivium-account aan?" in page
    trainer.get("/sim/language/fr")
    page = trainer.get("/sim/stories/000-q2.1").get_data(as_text=True)
    assert "Comment le client crée-t-il son compte MyVivium ?" in page


def test_each_persona_card_links_to_the_stories_of_that_persona(trainer, personas):
    page = trainer.get("/sim/personas").get_data(as_text=True)
    cards = page.split('data-testid="persona-stories-')
    louise = next(c for c in cards if c.startswith("louise"))
    assert "/sim/stories/001-q3.1" in louise.split("</dd>")[0]
    assert "/sim/stories/000-q2.1" not in louise.split("</dd>")[0]
    assert 'data-testid="intermediary-louise-pv"' in page  # and to her agent's view


def test_the_presenter_of_a_story_whose_world_expired_says_it_is_not_started(trainer):
    move(trainer, "000-q2.1", "start")
    world_id, _done = played(trainer, "000-q2.1")
    trainer.delete(f"/sim/api/worlds/{world_id}")
    state = trainer.get("/sim/stories/000-q2.1/state.json").get_json()
    assert state["started"] is False
    page = trainer.get("/sim/stories/000-q2.1").get_data(as_text=True)
    assert 'data-testid="story-start"' in page and 'data-testid="flash"' in page


def test_next_in_a_world_that_expired_asks_to_start_again(trainer):
    move(trainer, "000-q2.1", "start")
    world_id, _done = played(trainer, "000-q2.1")
    trainer.delete(f"/sim/api/worlds/{world_id}")
    page = trainer.get("/sim/").get_data(as_text=True)
    answer = trainer.post("/sim/stories/000-q2.1/next", data={"csrf_token": csrf(page)})
    assert answer.status_code == 302
    with trainer.session_transaction() as session:
        assert "000-q2.1" not in session["stories"]


def test_the_console_lists_the_customers_signed_in_now_per_portal(trainer, app, db, personas):
    person = db.query(Person).filter_by(national_number=personas["louise"].national_number).first()
    account = add_account(db, person, Brand.PV)
    db.commit()
    session_cookie(app, Brand.PV, account.id)  # opens her server-side session
    page = trainer.get("/sim/signed-in").get_data(as_text=True)
    pv = page.split('data-testid="signed-in-pv"')[1]
    assert "Louise Peeters" in pv and 'data-testid="signed-in-none-vivium"' in page
    trainer.get("/sim/language/nl")
    assert "Nu aangemeld" in trainer.get("/sim/signed-in").get_data(as_text=True)
