"""The OpenAPI paths of the worlds API (issue 14, portal.sim.worlds_api)."""

from __future__ import annotations

ERROR = {"$ref": "#/components/schemas/Error"}
WORLD_ID = {"name": "world_id", "in": "path", "required": True, "schema": {"type": "string"}}
URLS = {
    "type": "object",
    "properties": {
        "base": {"type": "string"},
        "api": {"type": "string", "description": "this API, acting on the world only"},
        "console": {"type": "string"},
        "portals": {
            "type": "object",
            "description": "brand -> language -> home page of the portal in the world",
            "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
}
WORLD = {
    "type": "object",
    "required": ["id", "dataset", "created_at", "last_used_at", "idle_seconds", "urls"],
    "properties": {
        "id": {"type": "string"},
        "dataset": {"type": "string", "enum": ["demo", "empty", "generated"]},
        "seed": {"type": ["integer", "null"]},
        "size": {"type": ["integer", "null"]},
        "copied_from": {"type": ["string", "null"]},
        "created_at": {"type": "string"},
        "last_used_at": {"type": "string"},
        "idle_seconds": {"type": "integer"},
        "expires_at": {"type": "string", "description": "when it expires if left idle"},
        "urls": URLS,
    },
}
CREATED = {
    "allOf": [
        WORLD,
        {
            "type": "object",
            "required": ["token"],
            "properties": {
                "token": {
                    "type": "string",
                    "description": "the world's own console token, shown only here",
                }
            },
        },
    ]
}
NEW_WORLD = {
    "type": "object",
    "properties": {
        "dataset": {"type": "string", "enum": ["demo", "empty", "generated"], "default": "demo"},
        "seed": {"type": "integer", "minimum": 0, "description": "generated only; default 1"},
        "size": {"type": "integer", "minimum": 1, "maximum": 5000, "default": 20},
        "idle_seconds": {"type": "integer", "minimum": 60, "maximum": 2592000},
    },
}
COPY = {
    "type": "object",
    "properties": {"idle_seconds": {"type": "integer", "minimum": 60, "maximum": 2592000}},
}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _body(schema: dict) -> dict:
    return {"required": False, "content": {"application/json": {"schema": schema}}}


PATHS = {
    "/worlds": {
        "post": {
            "summary": "Create a world (demo personas, empty or generated customers)",
            "description": "At most WORLD_LIMIT worlds (50) on an instance: 409 beyond. "
            "Idle worlds expire after idle_seconds.",
            "requestBody": _body(NEW_WORLD),
            "responses": {"201": _json(CREATED, "Created"), **_errors(403, 409, 415, 422)},
        },
        "get": {
            "summary": "The worlds of this instance",
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "limit": {"type": "integer"},
                            "worlds": {"type": "array", "items": WORLD},
                        },
                    }
                ),
                **_errors(403),
            },
        },
    },
    "/worlds/{world_id}": {
        "parameters": [WORLD_ID],
        "get": {"summary": "One world", "responses": {"200": _json(WORLD), **_errors(403, 404)}},
        "delete": {
            "summary": "Delete a world and all its data",
            "responses": {
                "200": _json({"type": "object", "properties": {"deleted": {"type": "string"}}}),
                **_errors(403, 404),
            },
        },
    },
    "/worlds/{world_id}/reset": {
        "parameters": [WORLD_ID],
        "post": {
            "summary": "Empty the world and fill it again with its dataset",
            "responses": {"200": _json(WORLD), **_errors(403, 404, 415)},
        },
    },
    "/worlds/{world_id}/copy": {
        "parameters": [WORLD_ID],
        "post": {
            "summary": "A snapshot of the world as a new world with its own token",
            "requestBody": _body(COPY),
            "responses": {"201": _json(CREATED, "Created"), **_errors(403, 404, 409, 415, 422)},
        },
    },
}
