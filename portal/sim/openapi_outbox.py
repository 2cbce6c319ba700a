"""OpenAPI 3.1 description of the outbox (portal.sim.outbox): a message's envelope, and
its content only once delivered, or revealed (RG-1, RG-2, RG-6); merged into
/sim/api/openapi.json."""

from __future__ import annotations

from models.brands import brand_values

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


MESSAGE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "brand": {"type": "string", "enum": brand_values()},
        "channel": {"type": "string", "enum": ["letter", "sms", "email"]},
        "kind": {"type": "string"},
        "language": {"type": "string", "enum": ["fr", "nl"]},
        "recipient": {"type": "string"},
        "status": {
            "type": "string",
            "enum": ["in_transit", "delivered", "lost", "not_delivered"],
            "description": "lost: a letter under the letter_lost fault; not_delivered: "
            "an SMS under sms_not_delivered; neither ever arrives",
        },
        "subject": {"type": ["string", "null"], "description": "null until delivered"},
        "body": {"type": ["string", "null"], "description": "null until delivered"},
        "code": {"type": ["string", "null"], "description": "null until delivered"},
        "revealed": {
            "type": "boolean",
            "description": "true: content shown though not delivered (reveal=undelivered)",
        },
        "posted_at": {
            "type": "string",
            "description": "Brussels wall-clock time, ISO 8601 without offset",
        },
        "expected_at": {
            "type": "string",
            "description": "expected delivery, Brussels wall-clock time (a letter: "
            "08:00 of its delivery day)",
        },
        "deliver_at": {"type": "string", "description": "the same as expected_at"},
        "lost": {"type": "boolean"},
        "delivered": {"type": "boolean"},
    },
}

PATHS = {
    "/outbox": {
        "get": {
            "summary": "Letters, SMS and emails, newest first: the envelope of each, and "
            "its subject, body and code once delivered",
            "parameters": [
                {
                    "name": "brand",
                    "in": "query",
                    "schema": {"type": "string", "enum": brand_values()},
                },
                {
                    "name": "channel",
                    "in": "query",
                    "schema": {"type": "string", "enum": ["letter", "sms", "email"]},
                },
                {
                    "name": "recipient",
                    "in": "query",
                    "schema": {"type": "string", "maxLength": 300},
                },
                {"name": "kind", "in": "query", "schema": {"type": "string", "maxLength": 40}},
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 1000},
                },
                {
                    "name": "reveal",
                    "in": "query",
                    "description": "undelivered: also show the content and code of messages "
                    "in transit, lost or not delivered; breaks realism (realism: broken)",
                    "schema": {"type": "string", "enum": ["undelivered"]},
                },
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "now": {
                                "type": "string",
                                "description": "Brussels wall-clock time, ISO 8601 without offset",
                            },
                            "realism": {"type": "string", "enum": ["kept", "broken"]},
                            "messages": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Message"},
                            },
                        },
                    }
                ),
                **_errors(400),
            },
        }
    },
}
