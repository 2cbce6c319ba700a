"""Worlds are isolated where their data live (issue 14): an id, a session cookie or a
console token of one world gets nothing in another world or in the default world."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import Contract, Document, Person
from tests.worlds_support import (
    eid_login,
    persona_number,
    world_session,
)

REMOTE = {"REMOTE_ADDR": "192.0.2.10"}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_person_of_one_world_is_unknown_in_another_and_in_the_default_world(client, worlds):
    one, other = worlds(dataset="generated", seed=5, size=3), worlds(dataset="empty")
    with world_session(client.application, one["id"]) as session:
        contract = session.scalars(select(Contract).order_by(Contract.id)).first()
        url = f"/sim/api/broker/{contract.brand.value}/{contract.holder_id}"
    assert client.get(f"/w/{one['id']}{url}").status_code == 200
    for prefix in (f"/w/{other['id']}", ""):
        assert client.get(f"{prefix}{url}").status_code == 404


def test_a_document_or_contract_of_one_world_is_not_found_in_another(app, client, worlds):
    generated, demo = worlds(dataset="generated", seed=9, size=40), worlds()
    with world_session(app, demo["id"]) as session:
        top_document = session.scalar(select(func.max(Document.id)))
        numbers = set(session.scalars(select(Contract.number)))
    with world_session(app, generated["id"]) as session:
        document_id = session.scalar(select(func.max(Document.id)))
        number = next(n for n in session.scalars(select(Contract.number)) if n not in numbers)
    assert document_id > top_document  # only the generated world has it
    prefix = f"/w/{demo['id']}"
    eid_login(client, prefix, persona_number(client, prefix, "louise"), base="/pv/nl")
    assert client.get(f"{prefix}/pv/nl/documents/{document_id}.pdf").status_code == 404
    contract = client.get(f"{prefix}/pv/nl/contracts/{number}")
    assert contract.status_code == 404 or number not in contract.get_data(as_text=True)


def test_the_outbox_of_one_world_is_not_seen_from_another(client, worlds):
    one, other = worlds(), worlds()
    prefix = f"/w/{one['id']}"
    eid_login(client, prefix, persona_number(client, prefix, "marc"))
    messages = client.get(f"{prefix}/sim/api/outbox").get_json()["messages"]
    assert [m["kind"] for m in messages] == ["welcome_email"]
    for elsewhere in (f"/w/{other['id']}", ""):
        assert client.get(f"{elsewhere}/sim/api/outbox").get_json()["messages"] == []


def test_a_session_cookie_of_one_world_is_anonymous_in_another_and_in_the_default(client, worlds):
    one, other = worlds(), worlds()
    prefix = f"/w/{one['id']}"
    eid_login(client, prefix, persona_number(client, prefix, "marc"))
    stolen = client.get_cookie("myvivium_session", path=f"{prefix}/vivium").value
    assert 'data-testid="welcome"' in client.get(f"{prefix}/vivium/fr/").get_data(as_text=True)
    for elsewhere in (f"/w/{other['id']}", ""):
        client.set_cookie("myvivium_session", stolen, path=f"{elsewhere}/vivium")
        page = client.get(f"{elsewhere}/vivium/fr/")
        assert 'data-testid="welcome"' not in page.get_data(as_text=True)
        assert client.get(f"{elsewhere}/vivium/fr/documents").status_code == 302


def test_a_world_token_controls_its_world_only(client, worlds):
    one, other = worlds(dataset="empty"), worlds(dataset="empty")
    token = bearer(one["token"])
    assert client.get(f"/w/{one['id']}/sim/api/clock", headers=token, environ_base=REMOTE).status_code == 200  # fmt: skip
    assert client.get(f"/w/{one['id']}/sim/api/clock", environ_base=REMOTE).status_code == 403
    shown = client.get(f"/sim/api/worlds/{one['id']}", headers=token, environ_base=REMOTE)
    assert shown.status_code == 200
    for url in (f"/w/{other['id']}/sim/api/clock", "/sim/api/clock", "/sim/api/worlds",
                f"/sim/api/worlds/{other['id']}"):  # fmt: skip
        for where in (REMOTE, {}):  # refused even from the loopback address
            refused = client.get(url, headers=token, environ_base=where)
            assert refused.status_code == 403, url
            assert refused.get_json()["error"] == "forbidden"
    deleted = client.delete(f"/sim/api/worlds/{other['id']}", headers=token)
    assert deleted.status_code == 403


def test_the_instance_token_controls_every_world(app, client, worlds):
    one = worlds(dataset="empty")
    instance = bearer(app.config["SIM_TOKEN"])
    assert client.get(f"/w/{one['id']}/sim/api/clock", headers=instance, environ_base=REMOTE).status_code == 200  # fmt: skip
    assert client.get("/sim/api/worlds", headers=instance, environ_base=REMOTE).status_code == 200
    assert client.post("/sim/api/worlds", json={}, environ_base=REMOTE).status_code == 403


def test_a_console_signed_in_with_a_world_token_opens_that_world_only(client, worlds):
    one, other = worlds(dataset="empty"), worlds(dataset="empty")
    entered = client.get(f"/w/{one['id']}/sim/?token={one['token']}", environ_base=REMOTE)
    assert entered.status_code == 302 and entered.location == f"/w/{one['id']}/sim/"
    assert client.get(f"/w/{one['id']}/sim/", environ_base=REMOTE).status_code == 200
    flag = client.get_cookie("portal_sim_session", path=f"/w/{one['id']}/")
    assert flag is not None
    client.set_cookie("portal_sim_session", flag.value, path=f"/w/{other['id']}/")
    client.set_cookie("portal_sim_session", flag.value, path="/")
    assert client.get(f"/w/{other['id']}/sim/", environ_base=REMOTE).status_code == 403
    assert client.get("/sim/", environ_base=REMOTE).status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/w/", "/w//vivium/fr/", "/w/../sim/api/clock", "/w/%00/sim/api/clock",
     "/w/ZZZZZZZZ/vivium/fr/", "/w/" + "a" * 300 + "/sim/api/clock", "/w/0000ffff"],
)  # fmt: skip
def test_a_world_that_does_not_exist_is_a_404_never_the_default_world(client, path):
    response = client.get(path)
    assert response.status_code == 404


def test_people_of_a_world_live_in_its_storage_only(app, db, client, worlds):
    world = worlds()
    with world_session(app, world["id"]) as session:
        inside = session.scalar(select(func.count()).select_from(Person))
    assert inside > 0
    assert db.scalar(select(func.count()).select_from(Person)) == 0
