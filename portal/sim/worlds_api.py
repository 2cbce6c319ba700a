"""The worlds API (issue 14): create, list, show, reset, copy and delete worlds.

It lives at the instance's `/sim/api/worlds` only (not inside a world). Creating and
listing need the instance's access (loopback or the instance token); an entry
(`/sim/api/worlds/<id>...`) also accepts that world's own token. Errors are JSON with a
stable `error` code: invalid_world (422), unknown_world (404), too_many_worlds (409).
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, jsonify, request

from models.brands import PROFILES
from models.world import World
from portal.db import get_session
from portal.sim.blueprints import api, api_error, json_body
from portal.transaction import record_refusal
from portal.worlds import now, requested_world, service, storage
from portal.worlds.datasets import DATASETS, MAX_SIZE, Dataset

MAX_IDLE = 30 * 24 * 3600
MAX_SEED = 2**31 - 1
ENTRY_ENDPOINTS = {"sim_api.world_show", "sim_api.world_reset", "sim_api.world_copy",
                   "sim_api.world_delete"}  # fmt: skip


@api.url_value_preprocessor
def _world_entry(endpoint: str | None, values: dict | None) -> None:
    """Before the access guard: which world an entry of the API names, so that the
    guard can accept that world's token (portal.sim.access.world_in_question)."""
    if endpoint not in ENTRY_ENDPOINTS or not values or requested_world() is not None:
        return
    world = get_session().get(World, str(values.get("world_id")))
    if world is not None:
        request.world_entry = (world.id, world.token_hash)


def _whole(body: dict, name: str, low: int, high: int, default: int | None) -> int | None:
    value = body.get(name)
    if value is None:  # absent or null: the default
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} is a whole number from {low} to {high}.")
    return value


def _dataset(body: dict) -> Dataset:
    name = body.get("dataset", "demo")
    if name not in DATASETS:
        raise ValueError(f"dataset is one of {', '.join(DATASETS)}.")
    if name != "generated":
        return Dataset(name)
    return Dataset(
        name, _whole(body, "seed", 0, MAX_SEED, 1), _whole(body, "size", 1, MAX_SIZE, 20)
    )


def _idle(body: dict, default: int | None) -> int | None:
    return _whole(body, "idle_seconds", 60, MAX_IDLE, default)


def urls(world_id: str) -> dict:
    """Where a browser and a script reach the world."""
    base = f"{request.host_url.rstrip('/')}/w/{world_id}"
    portals = {
        str(p.brand.value): {lang: f"{base}/{p.brand.value}/{lang}/" for lang in p.languages}
        for p in PROFILES.values()
    }
    return {"base": base, "portals": portals, "api": f"{base}/sim/api", "console": f"{base}/sim/"}


def world_json(world: World) -> dict:
    expires = world.last_used_at + timedelta(seconds=world.idle_seconds)
    return {
        "id": world.id,
        "dataset": world.dataset,
        "seed": world.seed,
        "size": world.size,
        "copied_from": world.copied_from,
        "created_at": world.created_at.isoformat(),
        "last_used_at": world.last_used_at.isoformat(),
        "idle_seconds": world.idle_seconds,
        "expires_at": expires.isoformat(),
        "urls": urls(world.id),
    }


def _refused(exc: service.WorldError):
    return api_error(exc.status, exc.code, str(exc))


def _outside_worlds():
    return api_error(
        404, "not_found", "The worlds API is the instance's /sim/api/worlds, outside any world."
    )


def _created(created: service.Created):
    response = jsonify({**world_json(created.world), "token": created.token})
    response.status_code = 201
    return response


@api.post("/worlds")
def worlds_create():
    if requested_world() is not None:
        return _outside_worlds()
    try:
        body = json_body()
        dataset, idle = _dataset(body), _idle(body, current_app.config["WORLD_IDLE_SECONDS"])
    except ValueError as exc:
        return api_error(422, "invalid_world", str(exc))
    limit = current_app.config["WORLD_LIMIT"]
    try:
        created = service.create(get_session(), storage(), dataset, now(), idle=idle, limit=limit)
    except service.WorldError as exc:
        record_refusal()  # the expired worlds swept on the way stay deleted
        return _refused(exc)
    return _created(created)


@api.get("/worlds")
def worlds_list():
    if requested_world() is not None:
        return _outside_worlds()
    db = get_session()
    found = service.listing(db, storage(), now())
    limit = current_app.config["WORLD_LIMIT"]
    return jsonify(limit=limit, worlds=[world_json(w) for w in found])


def _entry(action, world_id: str):
    if requested_world() is not None:
        return _outside_worlds()
    db = get_session()
    try:
        answer = action(db, world_id)
    except service.WorldError as exc:
        record_refusal()  # an expired world found on the way stays deleted
        return _refused(exc)
    return answer


@api.get("/worlds/<world_id>")
def world_show(world_id: str):
    return _entry(lambda db, wid: jsonify(world_json(service.find(db, storage(), wid, now()))),
                  world_id)  # fmt: skip


@api.post("/worlds/<world_id>/reset")
def world_reset(world_id: str):
    return _entry(lambda db, wid: jsonify(world_json(service.reset(db, storage(), wid, now()))),
                  world_id)  # fmt: skip


@api.post("/worlds/<world_id>/copy")
def world_copy(world_id: str):
    """A snapshot of the world as a new world (prepare once, copy for each test)."""
    try:
        idle = _idle(json_body(), None)
    except ValueError as exc:
        return api_error(422, "invalid_world", str(exc))
    limit = current_app.config["WORLD_LIMIT"]

    def action(db, wid):
        created = service.copy(db, storage(), wid, now(), idle=idle, limit=limit)
        return _created(created)

    return _entry(action, world_id)


@api.delete("/worlds/<world_id>")
def world_delete(world_id: str):
    def action(db, wid):
        service.delete(db, storage(), wid, now())
        return jsonify(deleted=wid)

    return _entry(action, world_id)
