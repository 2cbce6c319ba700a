"""OpenAPI 3.1 path items of the next scheduled events and of moving the clock to the
next one (portal.sim.events); merged into /sim/api/openapi.json."""

from __future__ import annotations

from models.brands import brand_values

ERROR = {"$ref": "#/components/schemas/Error"}
DATE_TIME = {"type": "string", "description": "Brussels wall-clock time, ISO 8601 without offset"}
KINDS = [
    "letter_delivery",
    "sms_delivery",
    "email_delivery",
    "activation_code_expiry",
    "sms_code_expiry",
    "session_idle_expiry",
    "session_expiry",
    "s2_box_sent",  # S2-5, S2-6: the S² Pack's steps (portal/rules/s2pack.py Step)
    "s2_box_received",
    "s2_month_reminder",
    "s2_late_reminder",
    "s2_premium_adjusted",
]


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


EVENT = {
    "type": "object",
    "required": ["at", "kind", "brand", "what", "ref"],
    "properties": {
        "at": {**DATE_TIME, "description": "the first moment it has happened (Brussels time)"},
        "kind": {"type": "string", "enum": KINDS},
        "brand": {"type": "string", "enum": brand_values()},
        "what": {"type": "string", "description": "what happens then, in English"},
        "ref": {"type": "string", "description": "the row it comes from, table:id"},
    },
}

PATHS = {
    "/events": {
        "get": {
            "summary": "The next scheduled events, earliest first: messages delivered, "
            "activation and SMS codes expiring, sessions ending (idle or lifetime)",
            "parameters": [
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                }
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "now": DATE_TIME,
                            "events": {"type": "array", "items": EVENT},
                        },
                    }
                ),
                **_errors(400),
            },
        }
    },
    "/clock/next-event": {
        "post": {
            "summary": "Move the simulated clock to the next scheduled event (frozen or "
            "running as it is); 409 when nothing is scheduled",
            "requestBody": {
                "required": False,
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["now", "frozen", "event"],
                        "properties": {
                            "now": DATE_TIME,
                            "frozen": {"type": "boolean"},
                            "event": EVENT,
                        },
                    }
                ),
                **_errors(409, 415),
            },
        }
    },
}
