"""The OpenAPI 3.1 description of the control API, served at /sim/api/openapi.json."""

from __future__ import annotations

from flask import jsonify

from models.brands import brand_values
from models.sim import FaultName
from portal.sim.blueprints import api
from portal.sim.openapi_desk import PATHS as DESK_PATHS
from portal.sim.openapi_events import PATHS as EVENT_PATHS
from portal.sim.openapi_insurgate import PATHS as INSURGATE_PATHS
from portal.sim.openapi_intermediaries import PATHS as INTERMEDIARY_PATHS
from portal.sim.openapi_limits import PATHS as LIMIT_PATHS
from portal.sim.openapi_outbox import MESSAGE
from portal.sim.openapi_outbox import PATHS as OUTBOX_PATHS
from portal.sim.openapi_s2pack import PATHS as S2PACK_PATHS
from portal.sim.openapi_vconnect_auto import PATHS as VCONNECT_AUTO_PATHS
from portal.sim.openapi_worlds import PATHS as WORLD_PATHS

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    return {str(code): _json(ERROR, "Error") for code in codes}


def _body(schema: dict) -> dict:
    return {"required": False, "content": {"application/json": {"schema": schema}}}


CLOCK = {"$ref": "#/components/schemas/Clock"}
FAULT_MAP = {"$ref": "#/components/schemas/Faults"}
FAULT_NAME = {
    "name": "name",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "enum": sorted(fault.value for fault in FaultName)},
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    },
    "Clock": {
        "type": "object",
        "required": ["now", "frozen"],
        "properties": {
            "now": {
                "type": "string",
                "description": "Brussels wall-clock time, ISO 8601 without offset",
            },
            "frozen": {"type": "boolean"},
        },
    },
    "Faults": {"type": "object", "additionalProperties": {"type": "boolean"}},
    "Message": MESSAGE,
    "Persona": {"type": "object", "additionalProperties": True},
}

PATHS = {
    **OUTBOX_PATHS,
    "/clock": {
        "get": {"summary": "The simulated time", "responses": {"200": _json(CLOCK)}},
        "put": {
            "summary": "Set the simulated time (running from there, or frozen)",
            "requestBody": _body(
                {
                    "type": "object",
                    "required": ["at"],
                    "properties": {
                        "at": {
                            "type": "string",
                            "description": "Brussels wall-clock time, ISO 8601 without offset",
                        },
                        "frozen": {"type": "boolean"},
                    },
                }
            ),
            "responses": {"200": _json(CLOCK), **_errors(400, 415, 422)},
        },
    },
    "/clock/advance": {
        "post": {
            "summary": "Move the simulated time forward (or back) by hours and days",
            "requestBody": _body(
                {
                    "type": "object",
                    "properties": {"hours": {"type": "number"}, "days": {"type": "number"}},
                }
            ),
            "responses": {"200": _json(CLOCK), **_errors(400, 415, 422)},
        }
    },
    "/letters/deliver": {
        "post": {
            "summary": "Deliver every letter (and any SMS or email) in transit now; lost "
            "letters and SMS not delivered stay so",
            "requestBody": _body({"type": "object"}),
            "responses": {
                "200": _json({"type": "object", "properties": {"delivered": {"type": "integer"}}}),
                **_errors(415),
            },
        }
    },
    "/faults": {
        "get": {
            "summary": "Every fault switch and its state",
            "responses": {"200": _json(FAULT_MAP)},
        }
    },
    "/faults/{name}": {
        "parameters": [FAULT_NAME],
        "put": {
            "summary": "Switch a fault on (or off with enabled=false)",
            "requestBody": _body(
                {"type": "object", "properties": {"enabled": {"type": "boolean"}}}
            ),
            "responses": {"200": _json(FAULT_MAP), **_errors(400, 404, 415, 422)},
        },
        "delete": {
            "summary": "Switch a fault off",
            "responses": {"200": _json(FAULT_MAP), **_errors(404, 415)},
        },
    },
    "/reset": {
        "post": {
            "summary": "Back to the demo personas, or empty; accounts, outbox, clock and faults go",
            "requestBody": _body(
                {
                    "type": "object",
                    "properties": {"mode": {"type": "string", "enum": ["demo", "empty"]}},
                }
            ),
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {"mode": {"type": "string"}, "personas": {"type": "integer"}},
                    }
                ),
                **_errors(400, 415, 422),
            },
        }
    },
    "/customers": {
        "post": {
            "summary": "Create a customer; any field left out is generated (deterministic with a seed)",
            "requestBody": _body(
                {
                    "type": "object",
                    "properties": {
                        "seed": {"type": "integer", "minimum": 0},
                        "as_of": {
                            "type": "string",
                            "format": "date",
                            "description": "The day generated dates count from (default "
                            "2026-03-01, never the machine's date); from 2000-01-01 to 2098-12-31",
                        },
                        "first_name": {"type": "string"},
                        "last_name": {"type": "string"},
                        "birth_date": {"type": "string", "format": "date"},
                        "language": {"type": "string", "enum": ["fr", "nl"]},
                        "segment": {"type": "string", "enum": ["private", "professional"]},
                        "brand": {"type": "string", "enum": brand_values()},
                        "duplicate": {"type": "boolean"},
                        "both_brands": {"type": "boolean"},
                        "contracts": {"type": "array", "maxItems": 50, "items": {"type": "object"}},
                    },
                    "additionalProperties": True,
                }
            ),
            "responses": {
                "201": _json(
                    {"type": "object", "additionalProperties": True},
                    "Created: the customer, `records` (every person record made) and "
                    "`contracts` (of every record, with its `person_id`)",
                ),
                **_errors(400, 409, 415, 422),
            },
        }
    },
    "/personas": {
        "get": {
            "summary": "The demo personas with their identifiers",
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "personas": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Persona"},
                            }
                        },
                    }
                )
            },
        }
    },
}


def document() -> dict:
    """The whole description, this module's paths and those of the other API modules."""
    paths = {
        **PATHS,
        **DESK_PATHS,
        **LIMIT_PATHS,
        **EVENT_PATHS,
        **INTERMEDIARY_PATHS,
        **INSURGATE_PATHS,
        **WORLD_PATHS,
        **S2PACK_PATHS,
        **VCONNECT_AUTO_PATHS,
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Portal simulator control API",
            "version": "1.0.0",
            "description": (
                "Drive the MyVivium / MyP&V simulator from test scripts. Open on 127.0.0.1; "
                "elsewhere send the console token as 'Authorization: Bearer <token>'. "
                "State changes take a JSON body (Content-Type: application/json). "
                "Every path also works under a world's prefix, /w/<id>/sim/api/..., and then "
                "acts on that world only (with its own token); /worlds is the instance's."
            ),
        },
        "servers": [{"url": "/sim/api"}],
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"consoleToken": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{}, {"consoleToken": []}],
        "paths": paths,
    }


@api.get("/openapi.json")
def openapi_json():
    return jsonify(document())
