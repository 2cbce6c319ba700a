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
    # the other seeds' systems: Insurgate (002), V-Connect Auto (003), the S² Pack (004)
    others = {"002-q1.1", "003-q1.1", "003-q1.2", "003-q1.3", "004-q1.1"}
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


def played_world(app, registry, story_id: str):
    """The story played to its end; its world's id and the story."""
    story = default_stories()[story_id]
    played = player.play_through(registry, app.extensions["worlds"], story, settings(app), now())
    registry.commit()
    return played.world_id, story


def newest_quote(db, story):
    """The newest V-Connect Auto quote made for the story's customer."""
    from models import AutoQuote

    person = customer_of(db, story).person_id
    return db.query(AutoQuote).filter_by(person_id=person).order_by(AutoQuote.id.desc()).first()


def test_the_v_connect_quote_story_ends_with_the_policy_in_lucs_myvivium(app, client, registry):
    """VA-10, CT-1: the signed quote is issued as a policy that Luc's MyVivium lists."""
    from models import Contract
    from models.vconnect_auto import QuoteStatus

    world_id, story = played_world(app, registry, "003-q1.1")
    with app.extensions["worlds"].sessions(world_id)() as db:
        quote = newest_quote(db, story)
        assert quote.status == QuoteStatus.ISSUED
        policy = db.get(Contract, quote.contract_id)
        assert policy.holder_id == customer_of(db, story).person_id
        number, person_id = policy.number, policy.holder_id
    url = f"/w/{world_id}/sim/stories/customer/vivium/{person_id}?page=&lang=nl"
    home = client.get(url, follow_redirects=True).get_data(as_text=True)
    assert number in home and "Peugeot" in home


def test_the_heavy_motorhome_story_records_the_va3_refusal_and_the_referral(app, registry):
    """VA-3: above 5,000 kg the vehicle is refused online; the quote keeps no vehicle and
    the story sends the broker to auto-ant@vivium.be."""
    from portal.rules.vconnect_auto import REFERRAL_MAILBOX

    world_id, story = played_world(app, registry, "003-q1.2")
    assert [s.expect for s in story.steps] == [None, "mtm_above_limit", None]
    assert story.steps[1].params["mass_kg"] > 5000
    with app.extensions["worlds"].sessions(world_id)() as db:
        quote = newest_quote(db, story)
        assert quote.vehicle_kind is None and quote.premium_cents == 0
    assert all(REFERRAL_MAILBOX in story.steps[-1].narration[lang] for lang in ("fr", "nl"))


def test_the_moped_story_ends_without_accident_assistance(app, registry):
    """VA-9: accident assistance refused for a moped; the quote goes on without it."""
    world_id, story = played_world(app, registry, "003-q1.3")
    assert story.steps[2].expect == "accident_assistance_kind"
    with app.extensions["worlds"].sessions(world_id)() as db:
        quote = newest_quote(db, story)
        assert quote.vehicle_kind == "moped" and quote.premium_cents > 0
        assert quote.guarantees == ["civil_liability", "legal_assistance"]


def test_the_insurgate_quote_is_seen_by_a_colleague_of_its_group_only(app, registry):
    """IG-5, IG-6: the quote made in Business Development is found by a member of that
    group and not by a member of Business School."""
    from models.insurgate import IgGroup, IgQuote, IgUser
    from portal.backoffice.errors import NotFound
    from portal.backoffice.insurgate.quotes import visible_quote

    world_id, _story = played_world(app, registry, "002-q1.1")
    with app.extensions["worlds"].sessions(world_id)() as db:
        quote = db.query(IgQuote).filter_by(company_name="Boulangerie Lambert").one()
        assert db.get(IgGroup, quote.group_id).name == "Business Development"
        colleague = db.query(IgUser).filter_by(email="66799@vivium.be").one()
        other = db.query(IgUser).filter_by(email="66802@vivium.be").one()
        assert visible_quote(db, colleague, quote.reference) is quote
        with pytest.raises(NotFound):
            visible_quote(db, other, quote.reference)
