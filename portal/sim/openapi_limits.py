"""OpenAPI 3.1 path items of the limits on abuse and of the eID cards (auth.limits,
RG-1, RG-2, RG-5, RG-6); merged into /sim/api/openapi.json."""

from __future__ import annotations

ERROR = {"$ref": "#/components/schemas/Error"}
DATE_TIME = {"type": "string", "description": "Brussels wall-clock time, ISO 8601 without offset"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


LIMIT = {
    "type": "object",
    "properties": {
        "key": {"type": "string", "description": "kind:subject, e.g. login:pv:a@example.be"},
        "kind": {"type": "string"},
        "count": {"type": "integer"},
        "maximum": {"type": ["integer", "null"]},
        "window_start": DATE_TIME,
        "window_hours": {"type": "number"},
        "limiting": {"type": "boolean"},
        "until": {**DATE_TIME, "type": ["string", "null"]},
    },
}
LIFTED = _json({"type": "object", "properties": {"lifted": {"type": "integer"}}})
CARD = {
    "type": "object",
    "properties": {
        "card": {"type": "string", "description": "national register number, 11 digits"},
        "name": {"type": ["string", "null"]},
        "status": {"type": "string", "enum": ["accepted", "blocked", "expired"]},
        "tries_left": {"type": "integer"},
    },
}
CARD_PARAM = {
    "name": "card",
    "in": "path",
    "required": True,
    "description": "The card's national register number",
    "schema": {"type": "string", "maxLength": 20},
}

PATHS = {
    "/limits": {
        "get": {
            "summary": "Counters of the limits on abuse, those refusing now first",
            "responses": {
                "200": _json(
                    {"type": "object", "properties": {"limits": {"type": "array", "items": LIMIT}}}
                )
            },
        },
        "delete": {
            "summary": "Lift every limit on abuse (wrong passwords, tries, letters, SMS, reports)",
            "responses": {"200": LIFTED, **_errors(415)},
        },
    },
    "/limits/{key}": {
        "parameters": [
            {
                "name": "key",
                "in": "path",
                "required": True,
                "description": "A counter's key, as GET /limits lists it",
                "schema": {"type": "string", "maxLength": 255},
            }
        ],
        "delete": {
            "summary": "Lift one limit on abuse",
            "responses": {"200": LIFTED, **_errors(404, 415)},
        },
    },
    "/eid/cards/blocked": {
        "get": {
            "summary": "The eID cards blocked by three wrong PINs",
            "responses": {
                "200": _json(
                    {"type": "object", "properties": {"cards": {"type": "array", "items": CARD}}}
                )
            },
        }
    },
    "/eid/cards/{card}/unblock": {
        "parameters": [CARD_PARAM],
        "post": {
            "summary": "Unblock one eID card (as a PUK would): it takes three PINs again",
            "requestBody": {
                "required": False,
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "responses": {
                "200": _json({"type": "object", "properties": {"card": CARD}}),
                **_errors(404, 409, 415, 422),
            },
        },
    },
}
