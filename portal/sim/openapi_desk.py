"""OpenAPI 3.1 path items of the support desk, broker views and publishing endpoints
(RG-5, DC-2, DC-3, BK-1, BK-2, PD-2); merged into /sim/api/openapi.json by the lead.

Schemas are inline (only the shared Error schema is referenced) so that the paths stand
on their own wherever they are merged.
"""

from __future__ import annotations

from portal.backoffice.desk import ACTIONS, KINDS, STATUSES
from portal.sim.openapi_desk_schemas import (
    ACTION_BODY,
    ACTION_RESULT,
    BRAND,
    BRANDS,
    BROKER_VIEW,
    DELIVERY,
    DOCUMENT_KINDS,
    LIFE_KINDS,
    MESSAGE,
    PERSON_ID,
    REQUEST,
    REQUEST_ID,
    SUMMARY,
    TEXT,
    errors_of,
    json_ok,
    obj,
    path_param,
    query_filter,
    request_body,
)

PATHS = {
    "/support": {
        "get": {
            "summary": "Support requests of both mailboxes, newest first (RG-5, DC-2, DC-3)",
            "parameters": [
                query_filter("brand", BRANDS),
                query_filter("kind", KINDS),
                query_filter("status", STATUSES),
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                },
            ],
            "responses": {
                "200": json_ok(obj({"requests": {"type": "array", "items": SUMMARY}})),
                **errors_of(400),
            },
        }
    },
    "/support/{request_id}": {
        "parameters": [REQUEST_ID],
        "get": {
            "summary": "One support request with everything it carries",
            "responses": {"200": json_ok(REQUEST), **errors_of(404)},
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
                **errors_of(404),
            },
        },
    },
    "/support/{request_id}/{action}": {
        "parameters": [
            REQUEST_ID,
            {
                **path_param("action", "What support does"),
                "schema": {"type": "string", "enum": list(ACTIONS)},
            },
        ],
        "post": {
            "summary": "Answer by email, merge duplicate records, approve / refuse / revoke a "
            "paper-mail exception, or mark a missing document as sent by email",
            "requestBody": request_body(ACTION_BODY),
            "responses": {"200": json_ok(ACTION_RESULT), **errors_of(400, 404, 409, 415, 422)},
        },
    },
    "/broker/search": {
        "get": {
            "summary": "Customers by name, national number or contract number (at most 20)",
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 80}}
            ],
            "responses": {
                "200": json_ok(
                    obj(
                        {
                            "customers": {
                                "type": "array",
                                "items": obj(
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
            "responses": {"200": json_ok(BROKER_VIEW), **errors_of(404)},
        },
    },
    "/broker/{brand}/{person_id}/paper-exception": {
        "parameters": [BRAND, PERSON_ID],
        "post": {
            "summary": "The intermediary asks support for a paper-mail exception (DC-3)",
            "requestBody": request_body(obj({"message": TEXT, "email": {"type": "string"}})),
            "responses": {"201": json_ok(REQUEST, "Created"), **errors_of(400, 404, 409, 415, 422)},
        },
    },
    "/broker/{brand}/{person_id}/missing-document": {
        "parameters": [BRAND, PERSON_ID],
        "post": {
            "summary": "The intermediary asks for a missing document, sent by email (DC-2)",
            "requestBody": request_body(
                obj(
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
            "responses": {"201": json_ok(REQUEST, "Created"), **errors_of(400, 404, 415, 422)},
        },
    },
    "/documents/publish": {
        "post": {
            "summary": "Publish life documents of one contract and year and notify: an email, "
            "or a letter with an approved paper exception or without account (DC-3)",
            "requestBody": request_body(
                obj(
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
                "201": json_ok(
                    obj(
                        {
                            "documents": {"type": "array", "items": {"type": "object"}},
                            "delivery": DELIVERY,
                            "notification": MESSAGE,
                        }
                    ),
                    "Created",
                ),
                **errors_of(400, 404, 409, 415, 422),
            },
        }
    },
}
