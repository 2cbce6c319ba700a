"""Worlds (issue 14): many simulated universes on one instance, each reached under its
URL prefix `/w/<id>/...`.

`WorldPrefix` (WSGI middleware) moves `/w/<id>` from PATH_INFO into SCRIPT_NAME: the
application sees the usual paths (`/vivium/fr/...`, `/sim/api/...`), while url_for,
redirects, forms, PDF links, static files and cookie paths carry the prefix by
themselves. The first before_request opens the world (404 when it does not exist or has
expired); `portal.db.get_session()` then hands out that world's session. The default
world (no prefix) is the database as it always was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from flask import Flask, abort, current_app, g, has_request_context, request

from models.sim import BRUSSELS
from portal.worlds import service
from portal.worlds.storage import storage_for

WORLD_KEY = "portal.world"
PREFIX = "/w/"


@dataclass(frozen=True)
class OpenWorld:
    """The world of the current request, as the access checks need it."""

    id: str
    token_hash: str


class WorldPrefix:
    """WSGI middleware: `/w/<id>/rest` is served as `/rest` under SCRIPT_NAME `/w/<id>`."""

    def __init__(self, wsgi_app) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or ""
        if path.startswith(PREFIX):
            world_id, _, rest = path[len(PREFIX) :].partition("/")
            environ[WORLD_KEY] = world_id
            environ["SCRIPT_NAME"] = f"{environ.get('SCRIPT_NAME', '')}{PREFIX}{world_id}"
            environ["PATH_INFO"] = f"/{rest}"
        return self.wsgi_app(environ, start_response)


def requested_world() -> str | None:
    """The world id of the request's prefix (not yet checked), None for the default."""
    return request.environ.get(WORLD_KEY) if has_request_context() else None


def current_world() -> OpenWorld | None:
    """The opened world of this request; None in the default world.

    A prefixed request whose world was not opened (yet) is refused rather than served
    from the default world."""
    world_id = requested_world()
    if world_id is None:
        return None
    world = g.get("world")
    if world is None or world.id != world_id:
        abort(404)
    return world


def storage():
    return current_app.extensions["worlds"]


def now() -> datetime:
    """Worlds expire on the real clock (Brussels, to the microsecond, so that worlds
    made in the same second keep their order), whatever a world's simulated time says."""
    return datetime.now(BRUSSELS).replace(tzinfo=None)


def _open_world():
    world_id = requested_world()
    if world_id is None:
        return None
    with current_app.extensions["db_sessions"]() as registry:
        try:
            world = service.find(registry, storage(), world_id, now())
        except service.UnknownWorld:
            registry.commit()  # an expired world is deleted for good
            request.url_rule = None  # the 404 page is no page of a blueprint reading data
            abort(404)
        if world.revision != storage().head:
            world.revision = storage().upgrade(world.id)
        service.touch(world, now())
        g.world = OpenWorld(world.id, world.token_hash)
        registry.commit()
    return None


def init_app(app: Flask) -> None:
    """Wrap the WSGI app, choose the storage next to the default database, open the
    request's world before anything else reads data."""
    app.config.setdefault("WORLD_LIMIT", int(os.environ.get("SIM_WORLD_LIMIT") or 50))
    app.config.setdefault(
        "WORLD_IDLE_SECONDS", int(os.environ.get("SIM_WORLD_IDLE_SECONDS") or 24 * 3600)
    )
    app.wsgi_app = WorldPrefix(app.wsgi_app)
    app.extensions["worlds"] = storage_for(app.extensions["db_engine"], app.instance_path)
    app.before_request(_open_world)
