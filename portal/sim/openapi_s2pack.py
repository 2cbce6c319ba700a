"""OpenAPI 3.1 path items of the VIVIUM S² Pack's control API (portal/sim/s2pack_api.py,
S2-1..S2-8); merged into /sim/api/openapi.json."""

from __future__ import annotations

from models.telematics import S2Stage
from portal.rules.s2pack import MAX_G

ERROR = {"$ref": "#/components/schemas/Error"}
DATE_TIME = {"type": "string", "description": "Brussels wall-clock time, ISO 8601 without offset"}
NULLABLE_TEXT = {"type": ["string", "null"]}
NUMBER = {
    "name": "number",
    "in": "path",
    "required": True,
    "description": "the contract number",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,16}$"},
}

BOX = {
    "type": "object",
    "required": ["contract", "stage", "serial", "login", "next_step", "log"],
    "properties": {
        "contract": {"type": "string"},
        "stage": {"type": "string", "enum": [s.value for s in S2Stage]},
        "serial": {"type": "string"},
        "login": {"type": "string", "description": "the personal page's login"},
        "discount_cents": {"type": "integer"},
        "subscribed_at": DATE_TIME,
        "installed_at": NULLABLE_TEXT,
        "placed_on": NULLABLE_TEXT,
        "installation_deadline": NULLABLE_TEXT,
        "next_step": {
            "type": ["object", "null"],
            "properties": {"at": DATE_TIME, "step": {"type": "string"}},
        },
        "log": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["at", "kind", "details"],
                "properties": {
                    "at": DATE_TIME,
                    "kind": {"type": "string"},
                    "details": {"type": "object"},
                    "message_id": {"type": ["integer", "null"]},
                },
            },
        },
    },
}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _body(properties: dict) -> dict:
    schema = {"type": "object", "properties": properties}
    return {"required": False, "content": {"application/json": {"schema": schema}}}


def _action(summary: str, properties: dict | None = None, ok: str = "200") -> dict:
    return {
        "post": {
            "summary": summary,
            "parameters": [NUMBER],
            "requestBody": _body(properties or {}),
            "responses": {ok: _json(BOX), **_errors(400, 404, 409, 415, 422)},
        }
    }


BOOL = {"type": "boolean"}
PATHS = {
    "/s2pack/{number}": {
        "get": {
            "summary": "The S² Pack of a contract: stage, next step, log (S2-5, S2-6)",
            "parameters": [NUMBER],
            "responses": {"200": _json(BOX), **_errors(404)},
        },
        **_action("Subscribe a Vivium car contract to the S² Pack (S2-6)", ok="201"),
    },
    "/s2pack/{number}/install": _action(
        "The box installed: activation SMS, Vivium told (S2-5, S2-6)",
        {"by": {"type": "string", "enum": ["console", "customer"]}},
    ),
    "/s2pack/{number}/impact": _action(
        "An impact: e-call, call, SMS, tow truck (S2-2)",
        {
            "g": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_G},
            "in_belgium": BOOL,
            "stopped": BOOL,
            "answered": BOOL,
            "place": {"type": "string", "maxLength": 120},
        },
    ),
    "/s2pack/{number}/battery": _action(
        "The battery's power drops or it is disconnected: SMS (S2-4)",
        {"what": {"type": "string", "enum": ["low", "disconnected"]}},
    ),
    "/s2pack/{number}/anomaly": _action("The box out of order: anomaly SMS (S2-7)"),
    "/s2pack/{number}/regularise": _action("The out-of-order box works again (S2-7)"),
    "/s2pack/{number}/theft": _action("Theft tracking on the customer's request (S2-3)"),
    "/s2pack/{number}/vehicle": _action(
        "A change of vehicle: SMS, box moved (S2-6, S2-7)",
        {"plate": {"type": "string", "pattern": "^[A-Za-z0-9]{1,8}$"}},
    ),
    "/s2pack/{number}/end": _action(
        "The customer stops the pack: de-installation SMS, discount adjusted (S2-8)"
    ),
}
