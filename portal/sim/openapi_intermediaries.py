"""OpenAPI 3.1 path items of the intermediaries' control API (portal/sim/
intermediaries_api.py: BK-1, BK-2, BK-3, PD-2, RG-5, DC-2, DC-3); merged into
/sim/api/openapi.json. Schemas are inline, only Error is referenced."""

from __future__ import annotations

from models.brands import brand_values

ERROR = {"$ref": "#/components/schemas/Error"}
BRANDS = brand_values()
ID = {"type": "string", "pattern": "^[0-9]{1,9}$"}
KINDS = [
    "premium_proof",
    "tax_certificate",
    "annual_statement",
    "policy",
    "insurance_card",
    "claims_certificate",
]


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _param(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": ID}


INTERMEDIARY = {
    "type": "object",
    "required": ["id", "brand", "producer_number", "name", "email", "portfolio_customers"],
    "properties": {
        "id": {"type": "integer"},
        "brand": {"type": "string", "enum": BRANDS},
        "producer_number": {"type": "string"},
        "name": {"type": "string"},
        "office": {"type": "string"},
        "city": {"type": "string"},
        "language": {"type": "string", "enum": ["fr", "nl"]},
        "email": {"type": "string"},
        "phone": {"type": "string"},
        "password_sign_in": {"type": "boolean"},
        "portfolio_customers": {"type": "integer"},
        "tool_url": {"type": "string"},
    },
}
REQUEST = {
    "type": "object",
    "additionalProperties": True,
    "required": ["id"],
    "properties": {"id": {"type": "integer"}},
}
WHO = [_param("intermediary_id", "Intermediary id"), _param("person", "Back-office person id")]
TEXT = {"type": ["string", "null"], "maxLength": 1000}


def _send(summary: str, properties: dict, required: list[str]) -> dict:
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return {
        "post": {
            "summary": summary,
            "parameters": WHO,
            "requestBody": {
                "required": bool(required),
                "content": {"application/json": {"schema": schema}},
            },
            "responses": {"201": _json(REQUEST, "Created"), **_errors(400, 404, 409, 415, 422)},
        }
    }


BASE = "/intermediaries/{intermediary_id}/customers/{person}"
PATHS = {
    "/intermediaries": {
        "get": {
            "summary": "The agents (P&V) and brokers (Vivium), with their portfolio sizes",
            "parameters": [
                {
                    "name": "brand",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "enum": BRANDS},
                },
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["intermediaries"],
                        "properties": {"intermediaries": {"type": "array", "items": INTERMEDIARY}},
                    }
                ),
                **_errors(400),
            },
        }
    },
    "/intermediaries/{intermediary_id}/portfolio": {
        "get": {
            "summary": "BK-3: the intermediary's own customers, searched by name, national "
            "number, contract number or plate",
            "parameters": [
                _param("intermediary_id", "Intermediary id"),
                {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}},
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["intermediary", "customers"],
                        "properties": {
                            "intermediary": INTERMEDIARY,
                            "customers": {"type": "array"},
                        },
                    }
                ),
                **_errors(404),
            },
        }
    },
    BASE: {
        "get": {
            "summary": "BK-1, BK-2, PD-2: the customer as the intermediary's tool shows him",
            "parameters": WHO,
            "responses": {
                "200": _json({"type": "object", "additionalProperties": True}),
                **_errors(404),
            },
        }
    },
    f"{BASE}/support-report": _send(
        "RG-5: report a registration problem to support (screenshot in base64)",
        {
            "email": {"type": "string"},
            "message": TEXT,
            "screenshot": {"type": ["string", "null"], "contentEncoding": "base64"},
        },
        ["email"],
    ),
    f"{BASE}/paper-exception": _send(
        "DC-3: ask support for a paper-mail exception (discouraged)", {"message": TEXT}, []
    ),
    f"{BASE}/missing-document": _send(
        "DC-2: ask the internal service for a missing document, sent by email",
        {
            "contract_number": {"type": "string"},
            "document_kind": {"type": "string", "enum": KINDS},
            "year": {"type": ["integer", "string"]},
            "email": {"type": ["string", "null"]},
            "message": TEXT,
        },
        ["contract_number", "document_kind"],
    ),
}
