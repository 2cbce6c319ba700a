"""OpenAPI 3.1 path items of V-Connect Auto's control API (portal/sim/vconnect_auto_api.py,
VA-1..VA-10); merged into /sim/api/openapi.json. Schemas inline, only Error referenced."""

from __future__ import annotations

from portal.backoffice.vconnect_auto.quotes import KINDS
from portal.rules.vconnect_auto import CANCELLATION_GROUNDS, PAYMENT_PLANS

ERROR = {"$ref": "#/components/schemas/Error"}
ROOT = "/vconnect-auto"
NUMBER = {
    "name": "number",
    "in": "path",
    "required": True,
    "description": "Quote number",
    "schema": {"type": "string", "maxLength": 40},
}
STATUSES = ["draft", "analysis", "approved", "refused", "offered", "signing", "signed", "issued"]
QUOTE = {
    "type": "object",
    "required": ["number", "status", "premium_cents", "premium_lines", "guarantees"],
    "properties": {
        "number": {"type": "string"},
        "status": {"type": "string", "enum": STATUSES},
        "premium_cents": {"type": "integer"},
        "premium_lines": {"type": "array", "items": {"type": "object"}},
        "guarantees": {"type": "array", "items": {"type": "string"}},
        "vehicle": {"type": ["object", "null"]},
        "policy": {"type": ["object", "null"]},
        "term_days": {"type": "integer", "description": "VA-5: the return-slip term"},
        "leaser": {"type": ["string", "null"], "description": "VA-8: the leasing company"},
        "iban": {"type": ["string", "null"], "description": "VA-10: the direct debit's account"},
        "payment_plan": {"type": "string", "enum": list(PAYMENT_PLANS)},
        "instalment_cents": {
            "type": "integer",
            "description": "VA-8: one instalment of the annual premium under the plan",
        },
    },
}
GUARANTEES = {
    "type": "object",
    "properties": {
        "guarantees": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
        "english_excess": {"type": "boolean"},
        "s2_pack": {"type": "boolean"},
    },
}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _step(method: str, summary: str, schema: dict | None = None, created: bool = False) -> dict:
    operation = {
        "summary": summary,
        "parameters": [NUMBER],
        "responses": {
            "201" if created else "200": _json(QUOTE),
            **_errors(400, 404, 409, 415, 422, 503),
        },
    }
    if schema is not None:
        operation["requestBody"] = {
            "required": False,
            "content": {"application/json": {"schema": schema}},
        }
    return {method: operation}


VEHICLE = {
    "type": "object",
    "required": ["plate", "vin"],
    "properties": {
        "plate": {"type": "string", "description": "VA-1: at most 8 upper-case letters/digits"},
        "vin": {"type": "string", "description": "VA-2: at most 17, never I, O or Q"},
        "informex_code": {"type": "string", "description": "VA-4: else the fields by hand"},
        "kind": {"type": "string", "enum": list(KINDS)},
        "make": {"type": "string"},
        "model": {"type": "string"},
        "year": {"type": "integer"},
        "power_kw": {"type": "integer"},
        "value_euro": {"type": "integer"},
        "mass_kg": {"type": "integer", "description": "VA-3: motorhomes up to 5,000 kg"},
        "accessories_euro": {"type": "integer"},
        "leaser": {
            "type": "string",
            "maxLength": 80,
            "description": "VA-8: the leasing company in the contract; no company analysis",
        },
    },
}
CREATE = {
    "type": "object",
    "required": ["intermediary_id", "line", "use", "bonus_malus"],
    "properties": {
        "intermediary_id": {"type": "integer"},
        "person_id": {"type": "integer", "description": "A customer of the broker"},
        "customer": {"type": "object", "description": "A new customer (identity checked)"},
        "line": {"type": "string", "enum": ["private", "commercial"]},
        "use": {"type": "string", "description": "VA-7: commercial: mixed_professional only"},
        "bonus_malus": {"type": "integer", "minimum": 0, "maximum": 22},
        "driver_birth_date": {"type": "string", "format": "date"},
        "term_days": {
            "type": "integer",
            "enum": [30, 45, 60, 90],
            "default": 30,
            "description": "VA-5: the return slip is due this many days after the due date",
        },
        "payment_plan": {
            "type": "string",
            "enum": list(PAYMENT_PLANS),
            "default": "annual",
            "description": "VA-8: how often the customer pays the annual premium",
        },
    },
}
PATHS = {
    f"{ROOT}/informex": {
        "get": {
            "summary": "VA-4: browse the simulated Informex by kind, make and model",
            "parameters": [
                {"name": k, "in": "query", "required": k == "kind", "schema": {"type": "string"}}
                for k in ("kind", "make", "model")
            ],
            "responses": {"200": _json({"type": "object"}), **_errors(400, 503)},
        }
    },
    f"{ROOT}/quotes": {
        "get": {
            "summary": "VA-10: a broker's business overview (overzicht zaken)",
            "parameters": [
                {
                    "name": "intermediary_id",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": _json({"type": "object", "required": ["quotes"]}),
                **_errors(404),
            },
        },
        "post": {
            "summary": "A quote for a customer of the portfolio or a new customer (VA-7)",
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": CREATE}},
            },
            "responses": {"201": _json(QUOTE), **_errors(400, 404, 409, 415, 422)},
        },
    },
    f"{ROOT}/quotes/{{number}}": _step("get", "One quote with its latest premium (VA-10)"),
    f"{ROOT}/quotes/{{number}}/vehicle": _step("put", "VA-1..VA-4: the vehicle", VEHICLE),
    f"{ROOT}/quotes/{{number}}/guarantees": _step(
        "put", "VA-6, VA-9: guarantees, English excess, S² Pack option", GUARANTEES
    ),
    f"{ROOT}/quotes/{{number}}/analysis": _step("post", "VA-8: ask the company's analysis", {}),
    f"{ROOT}/quotes/{{number}}/decision": _step(
        "post",
        "The company approves or refuses a quote in analysis",
        {
            "type": "object",
            "required": ["approve"],
            "properties": {"approve": {"type": "boolean"}, "note": {"type": "string"}},
        },
    ),
    f"{ROOT}/quotes/{{number}}/offer": _step("post", "The offer", {}),
    f"{ROOT}/quotes/{{number}}/signature": _step("post", "Email the signing page", {}),
    f"{ROOT}/quotes/{{number}}/sign": _step("post", "The customer signs", {}),
    f"{ROOT}/quotes/{{number}}/issue": _step("post", "VA-10: finalise into a policy", {}),
    f"{ROOT}/quotes/{{number}}/documents": _step(
        "post",
        "VA-10: upload a document (no status change)",
        {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        created=True,
    ),
    f"{ROOT}/quotes/{{number}}/duplicate": _step("post", "VA-10: duplicate", {}, created=True),
    f"{ROOT}/quotes/{{number}}/endorsement": _step("post", "VA-8: endorsement", GUARANTEES),
    f"{ROOT}/quotes/{{number}}/payment-plan": _step(
        "post",
        "VA-8: another payment plan without company approval (an endorsement on a policy)",
        {
            "type": "object",
            "required": ["plan"],
            "properties": {
                "plan": {"type": "string", "enum": list(PAYMENT_PLANS)},
                "iban": {
                    "type": "string",
                    "maxLength": 42,
                    "description": "VA-10 (defect 5): the direct debit's account; left out: kept",
                },
            },
        },
    ),
    f"{ROOT}/quotes/{{number}}/cancellation": _step(
        "post",
        "VA-8: cancel without company approval; VA-10 claims certificate",
        {
            "type": "object",
            "required": ["ground"],
            "properties": {
                "ground": {"type": "string", "enum": list(CANCELLATION_GROUNDS)},
                "effective": {"type": "string", "format": "date"},
            },
        },
    ),
    f"{ROOT}/demo": {
        "post": {
            "summary": "For trainers: one quote in every status for each Vivium broker",
            "requestBody": {
                "required": False,
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "responses": {
                "201": _json(
                    {
                        "type": "object",
                        "required": ["quotes"],
                        "properties": {"quotes": {"type": "integer"}},
                    }
                ),
                **_errors(415),
            },
        }
    },
}
