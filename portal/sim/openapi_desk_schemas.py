"""The schemas of the support desk, the intermediaries' view and publishing in the
control API's OpenAPI description (RG-5, DC-1 to DC-3, BK-1 to BK-3, PD-2); the paths
that use them are in portal/sim/openapi_desk.py."""

from __future__ import annotations

from models.brands import brand_values
from portal.backoffice.desk import ACTIONS, KINDS, STATUSES

ERROR = {"$ref": "#/components/schemas/Error"}
BRANDS = brand_values()
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


def json_ok(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def errors_of(*codes: int) -> dict:
    return {str(code): json_ok(ERROR, "Error") for code in codes}


def request_body(schema: dict, required: bool = False) -> dict:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def obj(properties: dict, required: list[str] | None = None) -> dict:
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def path_param(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description}


REQUEST_ID = {**path_param("request_id", "Support request id"), "schema": {"type": "integer"}}
BRAND = {
    **path_param("brand", "The intermediary's brand"),
    "schema": {"type": "string", "enum": BRANDS},
}
PERSON_ID = {**path_param("person_id", "Back-office person id"), "schema": {"type": "integer"}}

EXCEPTION = obj(
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
SUMMARY = obj(SUMMARY_PROPS)
NULLABLE_TEXT = {"type": ["string", "null"]}
REQUEST = obj(
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
DELIVERY = obj(
    {
        "mode": {"type": "string", "enum": ["digital", "paper"]},
        "reason": {"type": "string", "enum": ["consent", "exception", "no_account"]},
        "since": NULLABLE_DATE_TIME,
    }
)
TEXT = {"type": "string", "maxLength": 5000}
ACTION_BODY = obj(
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
ACTION_RESULT = obj(
    {
        "request": REQUEST,
        "result": obj(
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
    "items": obj(
        {
            "group": {"type": "string"},
            "items": {
                "type": "array",
                "items": obj(
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
CONTACT = obj({f: NULLABLE_TEXT for f in ("street", "house_number", "postcode", "city")})
CONTACT["properties"].update(email=NULLABLE_TEXT, mobile=NULLABLE_TEXT)
BROKER_VIEW = obj(
    {
        "brand": {"type": "string", "enum": BRANDS},
        "tool": {"type": "string", "enum": ["Connect 360", "V-Connect"]},
        "person": {"type": "object"},
        "onboarding": {
            **obj({"registered": {"type": "boolean"}, "date": NULLABLE_DATE_TIME}),
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


def query_filter(name: str, values) -> dict:
    return {"name": name, "in": "query", "schema": {"type": "string", "enum": list(values)}}
