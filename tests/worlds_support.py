"""Fixtures of the world tests (issue 14): make worlds through the API, look inside one,
log a customer into one through the eID stub under the world's prefix."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text


@pytest.fixture(scope="session", autouse=False)
def no_stale_world_schemas():
    """On PostgreSQL, schemas of worlds left behind by an interrupted run are dropped."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        from models.base import make_engine

        engine = make_engine(url)
        with engine.begin() as conn:
            names = conn.scalars(
                text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'world\\_%'")
            ).all()
            for name in names:
                conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        engine.dispose()


@pytest.fixture
def worlds(client, no_stale_world_schemas):
    """worlds(**body) -> the JSON of a new world (dataset demo unless told); every world
    made is deleted at the end of the test."""
    made: list[str] = []

    def _new(**body):
        response = client.post("/sim/api/worlds", json={"dataset": "demo", **body})
        assert response.status_code == 201, response.get_json()
        made.append(response.get_json()["id"])
        return response.get_json()

    yield _new
    for world_id in made:
        client.delete(f"/sim/api/worlds/{world_id}")


def world_session(app, world_id: str):
    """A session in a world's own storage, to arrange or inspect its data."""
    return app.extensions["worlds"].sessions(world_id)()


def persona_number(client, prefix: str, key: str) -> str:
    """The national number of a demo persona (`marc`, `louise`...) in a world."""
    found = client.get(f"{prefix}/sim/api/personas").get_json()["personas"]
    return next(p["national_number"] for p in found if p["key"] == key)


def eid_login(client, prefix: str, number: str, base: str = "/vivium/fr") -> None:
    """Log in with the eID stub under `prefix` (a world's /w/<id> or "" for the
    default world), accepting the documents online on the way (RG-3)."""
    from tests.conftest import csrf_token  # here: tests.conftest imports this module

    page = client.get(f"{prefix}{base}/login/eid/pin?card={number}")
    token = csrf_token(page.get_data(as_text=True))
    done = client.post(
        f"{prefix}{base}/login/eid/pin", data={"csrf_token": token, "card": number, "pin": "1234"}
    )
    assert done.status_code == 302, done.status_code
    if done.location.endswith("/register/identity"):
        page = client.get(done.location)
        form = {
            "csrf_token": csrf_token(page.get_data(as_text=True)),
            "email": f"{number}@example.be",
            "consent": "y",
        }
        done = client.post(done.location, data=form)
        assert done.status_code == 302, done.status_code
    assert done.location == f"{prefix}{base}/", done.location
