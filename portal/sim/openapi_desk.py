"""OpenAPI 3.1 path items of the support desk, broker views and publishing endpoints
(RG-5, DC-2, DC-3, BK-1, BK-2, PD-2); merged into /sim/api/openapi.json by the lead.

Schemas are inline (only the shared Error schema is referenced) so that the paths stand
on their own wherever they are merged.
"""

from __future__ import annotations

from portal.backoffice.desk import ACTIONS, KINDS, STATUSES

ERROR = {"$ref": "#/components/schemas/Error"}
BRANDS = ["vivium", "pv"]
DATE_TIME = {"type": "string", "description": "Brussels wall-clock time, ISO 8601 without offset"}
NULLABLE_DATE_TIME = {
    "type": ["string", "null"],
    "description": "Brussels wall-clock time, ISO 8601 without offset",
}
DOCUMENT_KINDS = [
    "premium_proof",
    "tax_certificate",
    "annual_statement",
    "policy",
    "insurance_card",
    "claims_certificate",
]
LIFE_KINDS = DOCUMENT_KINDS[:3]


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _body(schema: dict, required: bool = False) -> dict:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def _obj(properties: dict, required: list[str] | None = None) -> dict:
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def _path(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description}


REQUEST_ID = {**_path("request_id", "Support request id"), "schema": {"type": "integer"}}
BRAND = {**_path("brand", "The intermediary's brand"), "schema": {"type": "string", "enum": BRANDS}}
PERSON_ID = {**_path("person_id", "Back-office person id"), "schema": {"type": "integer"}}

EXCEPTION = _obj(
    {
        "id": {"type": "integer"},
        "brand": {"type": "string", "enum": BRANDS},
        "person_id": {"type": "integer"},
        "status": {"type": "string", "enum": ["requested", "approved", "refused", "revoked"]},
        "reason": {"type": ["string", "null"]},
        "decision_note": {"type": ["string", "null"]},
        "requested_at": DATE_TIME,
        "decided_at": NULLABLE_DATE_TIME,
        "revoked_at": NULLABLE_DATE_TIME,
    }
)
SUMMARY_PROPS = {
    "id": {"type": "integer"},
    "brand": {"type": "string", "enum": BRANDS},
    "mailbox": {"type": "string", "format": "email"},
    "kind": {"type": "string", "enum": list(KINDS)},
    "status": {"type": "string", "enum": list(STATUSES)},
    "requested_by": {"type": "string", "enum": ["customer", "broker"]},
    "email": {"type": "string"},
    "person_id": {"type": ["integer", "null"]},
    "national_number_masked": {
        "type": ["string", "null"],
        "description": "the national number proven by itsme or eID (RG-5), last 4 digits only",
    },
    "created_at": DATE_TIME,
    "handled_at": NULLABLE_DATE_TIME,
    "actions": {"type": "array", "items": {"type": "string", "enum": list(ACTIONS)}},
}
SUMMARY = _obj(SUMMARY_PROPS)
NULLABLE_TEXT = {"type": ["string", "null"]}
REQUEST = _obj(
    {
        **SUMMARY_PROPS,
        "language": {"type": "string", "enum": ["fr", "nl"]},
        "national_number": {
            "type": ["string", "null"],
            "description": "the national number proven by itsme or eID before the refusal (RG-5)",
        },
        "error_code": NULLABLE_TEXT,
        "error_text": NULLABLE_TEXT,
        "message": NULLABLE_TEXT,
        "contract_number": NULLABLE_TEXT,
        "document_kind": NULLABLE_TEXT,
        "document_year": {"type": ["integer", "null"]},
        "answer": NULLABLE_TEXT,
        "screenshot_url": NULLABLE_TEXT,
        "paper_exception": {"oneOf": [EXCEPTION, {"type": "null"}]},
    }
)
DELIVERY = _obj(
    {
        "mode": {"type": "string", "enum": ["digital", "paper"]},
        "reason": {"type": "string", "enum": ["consent", "exception", "no_account"]},
        "since": NULLABLE_DATE_TIME,
    }
)
TEXT = {"type": "string", "maxLength": 5000}
ACTION_BODY = _obj(
    {
        "text": {**TEXT, "description": "answer: the email text (required)"},
        "note": {**TEXT, "description": "approve, refuse, revoke, sent: a note (optional)"},
        "national_number": {
            "type": "string",
            "description": "merge: the duplicated national number (default: the request's customer)",
        },
        "keep_person_id": {"type": "integer", "description": "merge: the record to keep"},
    }
)
ACTION_RESULT = _obj(
    {
        "request": REQUEST,
        "result": _obj(
            {
                "message_id": {"type": "integer", "description": "answer, sent"},
                "kept_person_id": {"type": "integer", "description": "merge"},
                "removed_person_ids": {"type": "array", "items": {"type": "integer"}},
                "paper_exception": EXCEPTION,
            }
        ),
    }
)
GUARANTEES = {
    "type": "array",
    "items": _obj(
        {
            "group": {"type": "string"},
            "items": {
                "type": "array",
                "items": _obj(
                    {
                        "code": {"type": "string"},
                        "label": {"type": "string"},
                        "covered": {"type": "boolean"},
                    }
                ),
            },
        }
    ),
}
CONTRACT = {
    "type": "object",
    "additionalProperties": True,
    "properties": {
        "number": {"type": "string"},
        "product": {"type": "string"},
        "product_name": {"type": "string"},
        "theme": NULLABLE_TEXT,
        "status": {"type": "string"},
        "shown_in_portal": {"type": "boolean"},
        "reason": {"type": "string", "description": "hidden contracts: the reason code"},
        "reason_text": {"type": "string", "description": "the text the customer reads (CT-4)"},
        "guarantees": GUARANTEES,
        "composition": {"type": "array", "items": {"type": "object"}},
        "beneficiaries": {"type": "array", "items": {"type": "object"}},
        "vehicle": {"type": "object"},
    },
}
CONTACT = _obj({f: NULLABLE_TEXT for f in ("street", "house_number", "postcode", "city")})
CONTACT["properties"].update(email=NULLABLE_TEXT, mobile=NULLABLE_TEXT)
BROKER_VIEW = _obj(
    {
        "brand": {"type": "string", "enum": BRANDS},
        "tool": {"type": "string", "enum": ["Connect 360", "V-Connect"]},
        "person": {"type": "object"},
        "onboarding": {
            **_obj({"registered": {"type": "boolean"}, "date": NULLABLE_DATE_TIME}),
            "description": "BK-1: P&V (Connect 360) only; absent for Vivium",
        },
        "qr_code_url": {"type": "string", "description": "BK-1: P&V only"},
        "contact": {**CONTACT, "description": "PD-2: as the intermediary's tool shows it now"},
        "themes": {"type": "array", "items": {"type": "object"}},
        "contracts": {"type": "array", "items": CONTRACT},
        "hidden_contracts": {"type": "array", "items": CONTRACT},
        "documents": {"type": "array", "items": {"type": "object"}},
        "document_delivery": DELIVERY,
        "paper_exceptions": {"type": "array", "items": EXCEPTION},
        "support_requests": {"type": "array", "items": SUMMARY},
    },
    ["brand", "tool", "person", "contact", "contracts", "hidden_contracts"],
)
MESSAGE = {"$ref": "#/components/schemas/Message"}


def _filter(name: str, values) -> dict:
    return {"name": name, "in": "query", "schema": {"type": "string", "enum": list(values)}}


PATHS = {
    "/support": {
        "get": {
            "summary": "Support requests of both mailboxes, newest first (RG-5, DC-2, DC-3)",
            "parameters": [
                _filter("brand", BRANDS),
                _filter("kind", KINDS),
                _filter("status", STATUSES),
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                },
            ],
            "responses": {
                "200": _json(_obj({"requests": {"type": "array", "items": SUMMARY}})),
                **_errors(400),
            },
        }
    },
    "/support/{request_id}": {
        "parameters": [REQUEST_ID],
        "get": {
            "summary": "One support request with everything it carries",
            "responses": {"200": _json(REQUEST), **_errors(404)},
        },
    },
    "/support/{request_id}/screenshot": {
        "parameters": [REQUEST_ID],
        "get": {
            "summary": "The screenshot sent with a registration problem (PNG or JPEG)",
            "responses": {
                "200": {
                    "description": "The image, served with X-Content-Type-Options: nosniff",
                    "content": {
                        "image/png": {"schema": {"type": "string", "format": "binary"}},
                        "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                    },
                },
                **_errors(404),
            },
        },
    },
    "/support/{request_id}/{action}": {
        "parameters": [
            REQUEST_ID,
            {
                **_path("action", "What support does"),
                "schema": {"type": "string", "enum": list(ACTIONS)},
            },
        ],
        "post": {
            "summary": "Answer by email, merge duplicate records, approve / refuse / revoke a "
            "paper-mail exception, or mark a missing document as sent by email",
            "requestBody": _body(ACTION_BODY),
            "responses": {"200": _json(ACTION_RESULT), **_errors(400, 404, 409, 415, 422)},
        },
    },
    "/broker/search": {
        "get": {
            "summary": "Customers by name, national number or contract number (at most 20)",
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 80}}
            ],
            "responses": {
                "200": _json(
                    _obj(
                        {
                            "customers": {
                                "type": "array",
                                "items": _obj(
                                    {
                                        "person_id": {"type": "integer"},
                                        "name": {"type": "string"},
                                        "national_number": {"type": "string"},
                                        "brands": {"type": "array", "items": {"type": "string"}},
                                    }
                                ),
                            }
                        }
                    )
                )
            },
        }
    },
    "/broker/{brand}/{person_id}": {
        "parameters": [BRAND, PERSON_ID],
        "get": {
            "summary": "Connect 360 (pv) or V-Connect (vivium): the customer as the "
            "intermediary sees them (BK-1, BK-2, PD-2)",
            "responses": {"200": _json(BROKER_VIEW), **_errors(404)},
        },
    },
    "/broker/{brand}/{person_id}/paper-exception": {
        "parameters": [BRAND, PERSON_ID],
        "post": {
            "summary": "The intermediary asks support for a paper-mail exception (DC-3)",
            "requestBody": _body(_obj({"message": TEXT, "email": {"type": "string"}})),
            "responses": {"201": _json(REQUEST, "Created"), **_errors(400, 404, 409, 415, 422)},
        },
    },
    "/broker/{brand}/{person_id}/missing-document": {
        "parameters": [BRAND, PERSON_ID],
        "post": {
            "summary": "The intermediary asks for a missing document, sent by email (DC-2)",
            "requestBody": _body(
                _obj(
                    {
                        "contract_number": {"type": "string"},
                        "document_kind": {"type": "string", "enum": DOCUMENT_KINDS},
                        "year": {"type": "integer", "minimum": 1990},
                        "email": {"type": "string", "description": "default: the customer's"},
                        "message": TEXT,
                    },
                    ["contract_number", "document_kind", "year"],
                ),
                required=True,
            ),
            "responses": {"201": _json(REQUEST, "Created"), **_errors(400, 404, 415, 422)},
        },
    },
    "/documents/publish": {
        "post": {
            "summary": "Publish life documents of one contract and year and notify: an email, "
            "or a letter with an approved paper exception or without account (DC-3)",
            "requestBody": _body(
                _obj(
                    {
                        "contract_number": {"type": "string"},
                        "year": {"type": "integer", "minimum": 1990},
                        "kind": {"type": "string", "enum": LIFE_KINDS},
                        "kinds": {"type": "array", "items": {"type": "string", "enum": LIFE_KINDS}},
                    },
                    ["contract_number", "year"],
                ),
                required=True,
            ),
            "responses": {
                "201": _json(
                    _obj(
                        {
                            "documents": {"type": "array", "items": {"type": "object"}},
                            "delivery": DELIVERY,
                            "notification": MESSAGE,
                        }
                    ),
                    "Created",
                ),
                **_errors(400, 404, 409, 415, 422),
            },
        }
    },
}
