"""The worlds API (issue 14): one call makes a world (demo, empty or generated), which is
listed, shown, reset, copied and deleted; idle worlds expire; at most WORLD_LIMIT worlds;
every /sim/api/... route under /w/<id> acts on that world only."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta
from pathlib import Path

import pytest

from models import Person
from models.world import World
from portal import migrate
from seed.build import add_person
from tests.worlds_support import world_session


def personas_of(client, prefix: str) -> list[dict]:
    return client.get(f"{prefix}/sim/api/personas").get_json()["personas"]


def people_in(app, world_id: str) -> list[tuple[str, str]]:
    with world_session(app, world_id) as session:
        rows = session.query(Person.national_number, Person.first_name).order_by(Person.id)
        return [tuple(row) for row in rows]


def test_a_demo_world_comes_in_under_a_second_with_its_urls_and_its_own_token(app, client, worlds):
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        world = worlds()
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 1.0, timings
    base = f"http://localhost/w/{world['id']}"
    assert world["urls"]["portals"]["vivium"]["fr"] == f"{base}/vivium/fr/"
    assert world["urls"]["portals"]["pv"]["nl"] == f"{base}/pv/nl/"
    assert world["urls"]["api"] == f"{base}/sim/api"
    assert world["urls"]["console"] == f"{base}/sim/"
    assert world["token"].startswith(f"wt_{world['id']}_")
    assert world["dataset"] == "demo"
    assert len(personas_of(client, f"/w/{world['id']}")) >= 5
    assert personas_of(client, "") == []  # the default world stays as it was: empty


def test_an_empty_world_has_nobody_and_a_generated_one_the_customers_of_its_seed(
    app, client, worlds
):
    empty = worlds(dataset="empty")
    assert people_in(app, empty["id"]) == []
    first = worlds(dataset="generated", seed=7, size=12)
    second = worlds(dataset="generated", seed=7, size=12)
    assert (first["seed"], first["size"]) == (7, 12)
    generated = people_in(app, first["id"])
    assert len(generated) >= 12
    assert generated == people_in(app, second["id"])


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"dataset": "everything"}, "invalid_world"),
        ({"dataset": "generated", "size": 0}, "invalid_world"),
        ({"dataset": "generated", "size": 5001}, "invalid_world"),
        ({"dataset": "generated", "seed": "seven"}, "invalid_world"),
        ({"idle_seconds": 5}, "invalid_world"),
        ({"idle_seconds": True}, "invalid_world"),
    ],
)
def test_a_world_asked_for_with_bad_values_is_a_422_naming_the_field(client, body, error):
    response = client.post("/sim/api/worlds", json=body)
    assert response.status_code == 422
    assert response.get_json()["error"] == error


def test_a_world_asked_for_without_json_is_a_415(client):
    response = client.post("/sim/api/worlds", data="dataset=demo")
    assert response.status_code == 415


def test_worlds_are_listed_and_shown_one_by_one(client, worlds):
    one, two = worlds(), worlds(dataset="empty")
    listed = client.get("/sim/api/worlds").get_json()
    assert [w["id"] for w in listed["worlds"]] == [one["id"], two["id"]]
    assert listed["limit"] == 50
    assert all("token" not in w for w in listed["worlds"])  # shown once, at creation
    shown = client.get(f"/sim/api/worlds/{two['id']}").get_json()
    assert shown["dataset"] == "empty" and shown["urls"] == two["urls"]
    assert client.get("/sim/api/worlds/0000ffff").status_code == 404
    assert client.get("/sim/api/worlds/../etc").status_code == 404


def test_a_reset_brings_back_the_dataset_and_the_clock_of_that_world_only(client, worlds):
    one, two = worlds(), worlds()
    prefix = f"/w/{one['id']}"
    before = client.get(f"{prefix}/sim/api/clock").get_json()["now"]
    client.post(f"{prefix}/sim/api/clock/advance", json={"days": 40})
    client.post(f"{prefix}/sim/api/reset", json={"mode": "empty"})
    assert personas_of(client, prefix) == []
    assert len(personas_of(client, f"/w/{two['id']}")) >= 5  # the other world is untouched
    answer = client.post(f"/sim/api/worlds/{one['id']}/reset", json={})
    assert answer.status_code == 200
    assert len(personas_of(client, prefix)) == len(personas_of(client, f"/w/{two['id']}"))
    after = client.get(f"{prefix}/sim/api/clock").get_json()["now"]
    assert after[:10] == before[:10]


def test_a_copy_starts_with_the_data_and_clock_of_its_original_then_lives_apart(
    app, client, worlds
):
    original = worlds(dataset="generated", seed=3, size=5)
    prefix = f"/w/{original['id']}"
    client.put(f"{prefix}/sim/api/clock", json={"at": "2027-05-04T10:00:00", "frozen": True})
    answer = client.post(f"/sim/api/worlds/{original['id']}/copy", json={})
    assert answer.status_code == 201
    copy = answer.get_json()
    assert copy["copied_from"] == original["id"] and copy["token"] != original["token"]
    copy_prefix = f"/w/{copy['id']}"
    assert client.get(f"{copy_prefix}/sim/api/clock").get_json()["now"] == "2027-05-04T10:00:00"
    assert people_in(app, copy["id"]) == people_in(app, original["id"])
    client.put(f"{copy_prefix}/sim/api/faults/letter_lost", json={"enabled": True})
    with world_session(app, copy["id"]) as session:
        add_person(session, first_name="Nouveau")
        session.commit()
    assert len(people_in(app, copy["id"])) == len(people_in(app, original["id"])) + 1
    assert client.get(f"{prefix}/sim/api/faults").get_json()["letter_lost"] is False
    client.delete(f"/sim/api/worlds/{copy['id']}")


def test_a_deleted_world_is_gone_from_every_url_and_from_the_disk(app, client, worlds):
    world = worlds()
    prefix = f"/w/{world['id']}"
    assert client.delete(f"/sim/api/worlds/{world['id']}").get_json() == {"deleted": world["id"]}
    assert client.get(f"{prefix}/sim/api/clock").status_code == 404
    assert client.get(f"{prefix}/sim/api/clock").get_json()["error"] == "not_found"
    assert client.get(f"{prefix}/vivium/fr/").status_code == 404
    assert client.delete(f"/sim/api/worlds/{world['id']}").status_code == 404
    assert not list(Path(app.instance_path, "worlds").glob(f"{world['id']}*"))


def test_an_idle_world_expires_and_a_used_one_stays(app, client, db, worlds):
    idle, used = worlds(idle_seconds=60), worlds(idle_seconds=60)
    for world_id in (idle["id"], used["id"]):
        db.get(World, world_id).last_used_at -= timedelta(seconds=61)
    db.get(World, used["id"]).last_used_at += timedelta(seconds=30)  # used 31 s ago
    db.commit()
    listed = client.get("/sim/api/worlds").get_json()["worlds"]
    assert [w["id"] for w in listed] == [used["id"]]
    assert client.get(f"/w/{idle['id']}/sim/api/clock").status_code == 404
    assert client.get(f"/w/{used['id']}/sim/api/clock").status_code == 200


def test_the_fifty_first_world_is_refused_with_a_clear_error(client, worlds):
    for _ in range(50):
        worlds(dataset="empty")
    refused = client.post("/sim/api/worlds", json={"dataset": "empty"})
    assert refused.status_code == 409
    assert refused.get_json()["error"] == "too_many_worlds"
    assert "50" in refused.get_json()["message"]


def test_the_worlds_api_is_not_offered_inside_a_world(client, worlds):
    world = worlds(dataset="empty")
    inside = client.post(f"/w/{world['id']}/sim/api/worlds", json={})
    assert inside.status_code == 404 and inside.get_json()["error"] == "not_found"


def test_clock_faults_and_outbox_of_a_world_are_its_own(client, worlds):
    world = worlds()
    prefix = f"/w/{world['id']}"
    client.put(f"{prefix}/sim/api/faults/letter_lost", json={"enabled": True})
    client.post(f"{prefix}/sim/api/clock/advance", json={"days": 31})
    assert client.get(f"{prefix}/sim/api/faults").get_json()["letter_lost"] is True
    assert client.get("/sim/api/faults").get_json()["letter_lost"] is False
    default_now = client.get("/sim/api/clock").get_json()["now"]
    world_now = client.get(f"{prefix}/sim/api/clock").get_json()["now"]
    assert world_now[:10] != default_now[:10]
    assert client.get(f"{prefix}/sim/api/outbox").status_code == 200


def test_a_world_made_by_an_older_version_is_upgraded_on_first_use(app, client, db, worlds):
    world = worlds(dataset="empty")
    db.get(World, world["id"]).revision = "0004"
    db.commit()
    assert client.get(f"/w/{world['id']}/sim/api/clock").status_code == 200
    db.expire_all()
    assert db.get(World, world["id"]).revision == migrate.head(app.extensions["db_engine"])


def test_the_console_home_lists_the_worlds_and_its_button_makes_one_with_its_token(client, worlds):
    from tests.conftest import csrf_token

    listed = worlds(dataset="empty")
    home = client.get("/sim/").get_data(as_text=True)
    assert f'data-testid="world-{listed["id"]}"' in home
    made = client.post("/sim/worlds", data={"csrf_token": csrf_token(home), "dataset": "demo"})
    assert made.status_code == 201
    page = made.get_data(as_text=True)
    world_id = page.split("<h2>World ", 1)[1].split(" ", 1)[0]
    assert f"wt_{world_id}_" in page and f"/w/{world_id}/vivium/fr/" in page
    inside = client.get(f"/w/{world_id}/sim/").get_data(as_text=True)
    assert 'data-testid="world-inside"' in inside and "world-new-demo" not in inside
    gone = client.post(f"/sim/worlds/{world_id}/delete", data={"csrf_token": csrf_token(home)})
    assert gone.status_code == 302
    assert client.get(f"/w/{world_id}/sim/").status_code == 404
