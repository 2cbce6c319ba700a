"""OpenAPI 3.1 path items of Insurgate's control API (IG-1..IG-6); merged into
/sim/api/openapi.json."""

from __future__ import annotations

ERROR = {"$ref": "#/components/schemas/Error"}
OBJECT = {"type": "object", "additionalProperties": True}
TEXT = {"type": "string", "maxLength": 254}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _body(properties: dict, required: list[str]) -> dict:
    schema = {"type": "object", "properties": properties, "required": required}
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _id(name: str, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "pattern": "^[0-9]{1,9}$"},
    }


def _choice(name: str, values: list[str]) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": values},
    }


PERSON = {
    "first_name": TEXT,
    "last_name": TEXT,
    "email": {"type": "string", "format": "email", "maxLength": 254},
    "language": {"type": "string", "enum": ["fr", "nl"]},
}
COMPANY = {
    "password": {"type": "string", "minLength": 6, "maxLength": 128},
    "trade_name": TEXT,
    "enterprise_number": {"type": "string", "description": "BE then ten digits, as BE0123456789"},
    "street": TEXT,
    "number": TEXT,
    "postcode": {"type": "string", "pattern": "^[1-9][0-9]{3}$"},
    "city": TEXT,
    "website": TEXT,
    "phone": {"type": "string", "description": "a Belgian number, e.g. 0412 34 56 78"},
}
QUOTE = {
    "group_id": {"type": "integer"},
    "company_name": TEXT,
    "activity": {"type": "string", "enum": ["office", "shop", "horeca", "craft", "building"]},
    "postcode": {"type": "string", "pattern": "^[1-9][0-9]{3}$"},
    "covers": {
        "type": "array",
        "items": {"type": "string", "enum": ["workers_comp", "liability", "property"]},
    },
    "claims_count": {"type": "integer", "minimum": 0, "maximum": 99},
    "workers": {"type": "integer", "minimum": 0, "maximum": 50},
    "payroll_euros": {"type": "integer", "minimum": 0, "maximum": 10_000_000},
    "extra_legal": {"type": "boolean"},
    "round_the_clock": {"type": "boolean"},
}
USER = _id("user_id", "The Insurgate user acting (an administrator for the office calls)")
PREFIX = "/insurgate"

PATHS = {
    f"{PREFIX}/offices": {
        "get": {
            "summary": "Every office with its groups, users (status) and integrations",
            "responses": {"200": _json(OBJECT)},
        },
        "post": {
            "summary": "IG-1: create an account (both steps); its first user is active",
            "requestBody": _body(
                {**PERSON, **COMPANY},
                [
                    "first_name",
                    "last_name",
                    "email",
                    "password",
                    "trade_name",
                    "enterprise_number",
                    "street",
                    "number",
                    "postcode",
                    "city",
                    "website",
                    "phone",
                ],
            ),
            "responses": {"201": _json(OBJECT, "Created"), **_errors(400, 409, 415, 422)},
        },
    },
    f"{PREFIX}/integrations": {
        "get": {
            "summary": "IG-2: the integration requests, optionally of one status",
            "parameters": [
                {
                    "name": "status",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "enum": ["requested", "accepted", "refused"]},
                }
            ],
            "responses": {"200": _json(OBJECT), **_errors(400)},
        },
        "post": {
            "summary": "IG-2: a user asks for the TPE tool with a producer number",
            "requestBody": _body(
                {
                    "user_id": {"type": "integer"},
                    "producer_number": {"type": "string", "pattern": "^[0-9]{4,10}$"},
                    "group": TEXT,
                },
                ["user_id", "producer_number"],
            ),
            "responses": {"201": _json(OBJECT, "Created"), **_errors(400, 404, 415, 422)},
        },
    },
    f"{PREFIX}/integrations/{{integration_id}}/{{decision}}": {
        "post": {
            "summary": "IG-2: the company accepts or refuses; the requester is emailed",
            "parameters": [
                _id("integration_id", "The request"),
                _choice("decision", ["accept", "refuse"]),
            ],
            "responses": {"200": _json(OBJECT), **_errors(404, 409, 415)},
        }
    },
    f"{PREFIX}/users/{{user_id}}/invitations": {
        "post": {
            "summary": "IG-4: an administrator invites a collaborator (email unique)",
            "parameters": [USER],
            "requestBody": _body(
                {
                    **PERSON,
                    "is_admin": {"type": "boolean"},
                    "group_ids": {"type": "array", "items": {"type": "integer"}},
                },
                ["first_name", "last_name", "email"],
            ),
            "responses": {"201": _json(OBJECT, "Created"), **_errors(400, 403, 404, 409, 415, 422)},
        }
    },
    f"{PREFIX}/users/{{user_id}}/groups": {
        "post": {
            "summary": "IG-5: an administrator creates a group (only the name is required)",
            "parameters": [USER],
            "requestBody": _body(
                {
                    "name": TEXT,
                    "street": TEXT,
                    "number": TEXT,
                    "postcode": TEXT,
                    "city": TEXT,
                    "email": TEXT,
                    "contact": TEXT,
                    "enterprise_number": TEXT,
                    "website": TEXT,
                    "phone": TEXT,
                },
                ["name"],
            ),
            "responses": {"201": _json(OBJECT, "Created"), **_errors(400, 403, 404, 415, 422)},
        }
    },
    f"{PREFIX}/users/{{user_id}}/members/{{action}}": {
        "post": {
            "summary": "IG-5: an administrator adds or removes a member of a group",
            "parameters": [USER, _choice("action", ["add", "remove"])],
            "requestBody": _body(
                {"member_id": {"type": "integer"}, "group_id": {"type": "integer"}},
                ["member_id", "group_id"],
            ),
            "responses": {"200": _json(OBJECT), **_errors(400, 403, 404, 415, 422)},
        }
    },
    f"{PREFIX}/users/{{user_id}}/role": {
        "post": {
            "summary": "IG-3: an administrator sets or removes the administrator role",
            "parameters": [USER],
            "requestBody": _body(
                {"member_id": {"type": "integer"}, "is_admin": {"type": "boolean"}},
                ["member_id", "is_admin"],
            ),
            "responses": {"200": _json(OBJECT), **_errors(400, 403, 404, 409, 415, 422)},
        }
    },
    f"{PREFIX}/users/{{user_id}}/quotes": {
        "get": {
            "summary": "IG-5, IG-6: the quotes a user sees in a sub-account, searchable",
            "parameters": [
                USER,
                {"name": "group", "in": "query", "required": False, "schema": {"type": "integer"}},
                {
                    "name": "q",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "maxLength": 100},
                },
            ],
            "responses": {"200": _json(OBJECT), **_errors(400, 404)},
        },
        "post": {
            "summary": "IG-2, IG-6: a quote of the TPE tool (fictitious premium)",
            "parameters": [USER],
            "requestBody": _body(
                QUOTE,
                [
                    "company_name",
                    "activity",
                    "postcode",
                    "claims_count",
                    "workers",
                    "payroll_euros",
                ],
            ),
            "responses": {"201": _json(OBJECT, "Created"), **_errors(400, 404, 409, 415, 422)},
        },
    },
}
