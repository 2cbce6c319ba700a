"""Issue 19, item 3: a trainer watches a trainee. The console lists the sessions signed
in now per portal and per tool; "watch" shows, read-only, the page the session last saw
and follows it; the trainee's pages say a trainer is watching while the watch is open."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import Brand, Intermediary, PortalSession, ToolSeen
from portal.backoffice import s2pack
from seed.build import add_contract, add_person
from tests.conftest import csrf_token

NOTICE = 'data-testid="trainer-watching"'


@pytest.fixture
def trainee(app, db, login, freeze):
    """Louise, signed in to MyP&V in Dutch; the trainee's own browser."""
    freeze(datetime(2026, 3, 2, 10, 0))
    person = add_person(db, first_name="Louise", last_name="Peeters")
    add_contract(db, person, "car", brand=Brand.PV, covered=["civil_liability"])
    db.commit()
    login(person, Brand.PV)
    return person


@pytest.fixture
def trainer(app):
    """The trainer's own browser on the console (loopback: console access)."""
    return app.test_client()


def session_key(db) -> str:
    db.expire_all()
    row = db.scalars(select(PortalSession).where(PortalSession.method == "test")).one()
    return row.token_hash


def test_the_list_shows_every_portal_and_tool_with_the_page_each_session_last_saw(
    client, trainer, db, trainee, personas
):
    client.get("/pv/nl/documents")
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "4000101")).one()
    page = client.get("/connect360/nl/signin").get_data(as_text=True)
    client.post(
        "/connect360/nl/signin/pick",
        data={"csrf_token": csrf_token(page), "intermediary_id": me.id},
    )
    client.get("/connect360/nl/")
    html = trainer.get("/sim/signed-in").get_data(as_text=True)
    for space in ("vivium", "pv", "connect360", "vconnect", "insurgate", "s2"):
        assert f'data-testid="signed-in-{space}"' in html
    pv = html.split('data-testid="signed-in-pv"')[1].split("</section>")[0]
    assert "Louise Peeters" in pv and "/pv/nl/documents" in pv
    tool = html.split('data-testid="signed-in-connect360"')[1].split("</section>")[0]
    assert me.last_name in tool and "/connect360/nl/" in tool
    assert 'data-testid="signed-in-none-insurgate"' in html


def test_watch_shows_the_trainees_last_page_read_only(client, trainer, db, trainee):
    client.get("/pv/nl/profile")
    key = session_key(db)
    assert trainer.get(f"/sim/watch/pv/{key}").status_code == 200
    frame = trainer.get(f"/sim/watch/pv/{key}/frame")
    html = frame.get_data(as_text=True)
    assert frame.status_code == 200 and "Louise" in html
    assert "<script" not in html and " action=" not in html and "<body inert" in html
    assert "<a href=" not in html and "<button disabled" in html
    assert "form-action 'none'" in frame.headers["Content-Security-Policy"]
    assert "script-src 'none'" in frame.headers["Content-Security-Policy"]


def test_the_watch_follows_the_trainee_from_page_to_page(client, trainer, db, trainee):
    client.get("/pv/nl/profile")
    key = session_key(db)
    trainer.get(f"/sim/watch/pv/{key}")
    assert trainer.get(f"/sim/watch/pv/{key}/state.json").get_json()["path"] == "/pv/nl/profile"
    client.get("/pv/nl/documents")
    state = trainer.get(f"/sim/watch/pv/{key}/state.json").get_json()
    assert state["path"] == "/pv/nl/documents" and state["version"] == "/pv/nl/documents"
    frame = trainer.get(f"/sim/watch/pv/{key}/frame").get_data(as_text=True)
    assert 'data-testid="documents' in frame or "Documenten" in frame


def test_an_error_page_or_a_path_with_a_control_character_is_never_recorded(
    client, trainer, db, trainee
):
    """A NUL in a page's path is a 404 and is not written as the last page seen (on
    PostgreSQL a text column refuses NUL: it once made this a 500)."""
    client.get("/pv/nl/profile")
    for path in ("/pv/nl/contracts/5436548\x00", "/pv/nl/themes/\x00", "/pv/nl/nowhere"):
        assert client.get(path).status_code == 404
    key = session_key(db)
    assert trainer.get(f"/sim/watch/pv/{key}/state.json").get_json()["path"] == "/pv/nl/profile"


def test_rendering_the_watched_page_records_nothing_and_moves_nothing(client, trainer, db, trainee):
    client.get("/pv/nl/profile")
    key = session_key(db)
    trainer.get(f"/sim/watch/pv/{key}")
    trainer.get(f"/sim/watch/pv/{key}/frame")
    db.expire_all()
    assert db.get(PortalSession, key).last_path == "/pv/nl/profile"


def test_the_notice_appears_while_a_watch_is_open_and_goes_away_after(client, trainer, db, trainee):
    assert NOTICE not in client.get("/pv/nl/profile").get_data(as_text=True)
    key = session_key(db)
    page = trainer.get(f"/sim/watch/pv/{key}").get_data(as_text=True)
    watched = client.get("/pv/nl/documents").get_data(as_text=True)
    assert NOTICE in watched and "Een trainer kijkt mee" in watched
    trainer.post(f"/sim/watch/pv/{key}/stop", data={"csrf_token": csrf_token(page)})
    assert NOTICE not in client.get("/pv/nl/profile").get_data(as_text=True)


def test_the_notice_goes_away_by_itself_when_the_heartbeat_stops(client, trainer, db, trainee):
    client.get("/pv/fr/profile")
    key = session_key(db)
    trainer.get(f"/sim/watch/pv/{key}")
    assert "Un formateur regarde" in client.get("/pv/fr/profile").get_data(as_text=True)
    db.expire_all()
    row = db.get(PortalSession, key)
    row.watched_until = datetime.utcnow() - timedelta(seconds=1)
    db.commit()
    assert NOTICE not in client.get("/pv/fr/profile").get_data(as_text=True)


def test_a_tool_user_is_watched_on_his_tool_page_with_the_notice(client, trainer, db, personas):
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "8000201")).one()
    page = client.get("/vconnect/fr/signin").get_data(as_text=True)
    client.post(
        "/vconnect/fr/signin/pick", data={"csrf_token": csrf_token(page), "intermediary_id": me.id}
    )
    client.get("/vconnect/fr/")
    assert trainer.get(f"/sim/watch/vconnect/{me.id}").status_code == 200
    frame = trainer.get(f"/sim/watch/vconnect/{me.id}/frame").get_data(as_text=True)
    assert me.last_name in frame and "<script" not in frame
    watched = client.get("/vconnect/fr/").get_data(as_text=True)
    assert NOTICE in watched and "Un formateur regarde" in watched
    db.expire_all()
    assert db.get(ToolSeen, ("vconnect", me.id)).last_path == "/vconnect/fr/"


def test_the_s2_page_is_listed_and_watched(client, trainer, db, freeze):
    freeze(datetime(2026, 3, 10, 10, 0))
    holder = add_person(db, first_name="Jef", last_name="Maes")
    contract = add_contract(db, holder, "car", number="7700123", brand=Brand.VIVIUM)
    db.flush()
    box = s2pack.add_s2_pack(
        db,
        contract,
        datetime(2026, 3, 10, 10, 0),
        password="pw2s2pack9",
        hash_method="pbkdf2:sha256:1",
    )
    db.commit()
    page = client.get("/s2/nl/login").get_data(as_text=True)
    client.post(
        "/s2/nl/login",
        data={"csrf_token": csrf_token(page), "login": box.login, "password": "pw2s2pack9"},
    )
    client.get("/s2/nl/")
    html = trainer.get("/sim/signed-in").get_data(as_text=True)
    assert box.login in html.split('data-testid="signed-in-s2"')[1].split("</section>")[0]
    trainer.get(f"/sim/watch/s2/{box.id}")
    assert "7700123" in trainer.get(f"/sim/watch/s2/{box.id}/frame").get_data(as_text=True)


def test_a_watch_of_a_session_of_another_world_is_not_found(client, trainer, db, trainee, worlds):
    client.get("/pv/nl/profile")
    key = session_key(db)
    world = worlds(dataset="empty")
    assert trainer.get(f"/w/{world['id']}/sim/watch/pv/{key}").status_code == 404
    assert trainer.get(f"/sim/watch/pv/{key}").status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/sim/watch/pv/" + "0" * 64, "/sim/watch/pv/nothex", "/sim/watch/moon/1", "/sim/watch/s2/x1",
     "/sim/watch/connect360/99999/frame", "/sim/watch/vivium/" + "a" * 64 + "/state.json"],
)  # fmt: skip
def test_an_unknown_or_malformed_watch_is_a_clear_404(trainer, url):
    assert trainer.get(url).status_code == 404


def test_the_watch_pages_are_console_only(app, client, db, trainee):
    client.get("/pv/nl/profile")
    key = session_key(db)
    app.config["SIM_TOKEN"] = "secret-token"
    stranger = app.test_client()
    for tail in ("", "/frame", "/state.json"):
        answer = stranger.get(
            f"/sim/watch/pv/{key}{tail}", environ_base={"REMOTE_ADDR": "10.0.0.9"}
        )
        assert answer.status_code == 403


def _signed_in_tool_rows(db, space: str) -> list[ToolSeen]:
    db.expire_all()
    return list(db.scalars(select(ToolSeen).where(ToolSeen.space == space)))


def test_signing_out_of_v_connect_drops_him_from_the_signed_in_list_at_once(
    client, trainer, db, personas
):
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == "8000201")).one()
    page = client.get("/vconnect/fr/signin").get_data(as_text=True)
    client.post(
        "/vconnect/fr/signin/pick", data={"csrf_token": csrf_token(page), "intermediary_id": me.id}
    )
    home = client.get("/vconnect/fr/").get_data(as_text=True)
    assert [row.subject_id for row in _signed_in_tool_rows(db, "vconnect")] == [me.id]
    client.post("/vconnect/fr/signout", data={"csrf_token": csrf_token(home)})
    assert _signed_in_tool_rows(db, "vconnect") == []
    listed = trainer.get("/sim/signed-in").get_data(as_text=True)
    assert (
        me.last_name
        not in listed.split('data-testid="signed-in-vconnect"')[1].split("</section>")[0]
    )


def test_logging_out_of_insurgate_removes_his_row(client, db, freeze, submit):
    from seed.insurgate import DEMO_PASSWORD, seed_insurgate

    freeze(datetime(2026, 3, 10, 10, 0))
    seed_insurgate(db)
    db.commit()
    submit("/insurgate/fr/login", {"email": "7964@pv.be", "password": DEMO_PASSWORD})
    client.get("/insurgate/fr/requests")
    assert len(_signed_in_tool_rows(db, "insurgate")) == 1
    submit("/insurgate/fr/requests", {}, action="/insurgate/fr/logout")
    assert _signed_in_tool_rows(db, "insurgate") == []


def test_logging_out_of_the_s2_page_removes_only_his_row(client, db, freeze):
    freeze(datetime(2026, 3, 10, 10, 0))
    holder = add_person(db, first_name="Jef", last_name="Maes")
    contract = add_contract(db, holder, "car", number="7700123", brand=Brand.VIVIUM)
    db.flush()
    box = s2pack.add_s2_pack(
        db,
        contract,
        datetime(2026, 3, 10, 10, 0),
        password="pw2s2pack9",
        hash_method="pbkdf2:sha256:1",
    )
    db.add(
        ToolSeen(
            space="s2",
            subject_id=box.id + 1,
            label="other",
            seen_at=datetime(2026, 3, 10),
            last_path="/s2/fr/",
        )
    )
    db.commit()
    page = client.get("/s2/nl/login").get_data(as_text=True)
    client.post(
        "/s2/nl/login",
        data={"csrf_token": csrf_token(page), "login": box.login, "password": "pw2s2pack9"},
    )
    home = client.get("/s2/nl/").get_data(as_text=True)
    assert {row.subject_id for row in _signed_in_tool_rows(db, "s2")} == {box.id, box.id + 1}
    client.post("/s2/nl/logout", data={"csrf_token": csrf_token(home)})
    assert [row.subject_id for row in _signed_in_tool_rows(db, "s2")] == [box.id + 1]
