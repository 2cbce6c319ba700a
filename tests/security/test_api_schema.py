"""Schemathesis against the control API's own OpenAPI document, in process (OWASP ASVS
5.0 V4.1.1, V13.4.2, V16.5.1; the console and API of the simulator).

Every operation of /sim/api/openapi.json, with schema-valid and schema-violating
requests, state-changing calls included (each test has its own fresh database):

- `not_a_server_error`: no 5xx, whatever the input;
- `response_schema_conformance`: every documented answer has the documented shape;
- `status_code_conformance`, `content_type_conformance`: only documented statuses and
  JSON bodies.

Every example starts from the same frozen simulated day, so that examples do not depend
on each other's clock moves. Two bugs found here are pinned by regression tests below:
BUG-1 (a simulated clock far from today broke date arithmetic and, on PostgreSQL, the
int4 clock offset) and BUG-4 (local date-times documented as RFC 3339 `date-time`).
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
import schemathesis
from hypothesis import given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from models.sim import set_clock
from portal.db import new_session
from portal.sim.openapi import document
from tests.security.conftest import MONDAY

METHODS = ("get", "put", "post", "delete", "patch")
OPERATIONS = sorted(
    (method.upper(), path)
    for path, item in document()["paths"].items()
    for method in item
    if method in METHODS
)
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
EXAMPLES = 40

#: What the suite ran, printed by the terminal summary of tests/security/conftest.py.
STATS = {"operations": 0, "calls": 0, "checks": 0}


@pytest.fixture
def api(app, db, personas):
    """The control API's schema, loaded from the app itself, the demo personas loaded."""
    served = app.test_client().get("/sim/api/openapi.json")
    assert served.status_code == 200
    schema = schemathesis.openapi.from_dict(served.get_json())
    schema.app = app
    return schema


def token_header(app) -> dict[str, str]:
    """Schemathesis' WSGI client sends no REMOTE_ADDR: it is a remote client, so it
    presents the console token like a QA script would."""
    return {"Authorization": f"Bearer {app.config['SIM_TOKEN']}"}


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_operation_conforms_and_never_fails(app, api, method, path):
    """V16.5.1, V4.1.1: no server error and documented answers only, for valid and
    invalid requests to every operation of the control API."""
    operation = api[path][method]
    strategy = operation.as_strategy()
    if operation.path_parameters or operation.query or operation.body:
        strategy = strategy | operation.as_strategy(GenerationMode.NEGATIVE)
    headers = token_header(app)
    STATS["operations"] += 1

    @settings(max_examples=EXAMPLES)
    @given(case=strategy)
    def run(case):
        session = new_session(app)
        set_clock(session, MONDAY, frozen=True)  # every example starts from the same day
        session.commit()
        session.close()
        STATS["calls"] += 1
        STATS["checks"] += len(CHECKS)
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


def test_every_operation_of_the_document_is_fuzzed():
    """The list is read from the document itself: a new route is fuzzed without edits."""
    assert len(OPERATIONS) >= 19
    assert ("PUT", "/clock") in OPERATIONS and ("POST", "/reset") in OPERATIONS


# --- regression tests of the bugs found here -------------------------------------------------


def test_bug4_api_date_times_are_what_the_document_says(client, monday):
    """The clock is Brussels wall-clock time without an offset: the document must not
    promise RFC 3339 `date-time` for it, and the value must read as a local ISO time."""
    doc = client.get("/sim/api/openapi.json").get_json()
    declared = doc["components"]["schemas"]["Clock"]["properties"]["now"]
    now = client.get("/sim/api/clock").get_json()["now"]
    assert datetime.fromisoformat(now).tzinfo is None
    if declared.get("format") == "date-time":
        assert re.search(r"(Z|[+-]\d{2}:\d{2})$", now), now


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize("at", ["9999-12-31T23:59:59", "0001-01-01T00:00:00", "2099-01-01T00:00"])
def test_bug1_an_absurd_simulated_date_is_refused_not_a_server_error(client, personas, frozen, at):
    """BUG-1: the clock stays within 50 years of today (422 beyond), so nothing that
    adds days to it, nor the stored offset, can overflow."""
    before = client.get("/sim/api/clock").get_json()
    far = client.put("/sim/api/clock", json={"at": at, "frozen": frozen})
    assert far.status_code == 422 and far.get_json()["error"] == "invalid_clock"
    assert client.get("/sim/api/clock").get_json()["frozen"] == before["frozen"]
    far_move = client.post("/sim/api/clock/advance", json={"days": 3650})
    assert far_move.status_code in (200, 422)
    for _ in range(6):  # bounded: six ten-year moves reach past the 50-year limit
        moved = client.post("/sim/api/clock/advance", json={"days": 3650})
        assert moved.status_code in (200, 422)
    page = client.get("/pv/nl/register").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = {"csrf_token": token, "contract_number": "5436548", "birth_date": "1985-03-12"}
    assert client.post("/pv/nl/register", data=data).status_code < 500


def nul_requests(doc: dict):
    """(method, url, documented statuses) with a NUL byte in each string parameter."""
    for path, item in doc["paths"].items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method not in METHODS:
                continue
            params = shared + operation.get("parameters", [])
            documented = {int(code) for code in operation["responses"] if code.isdigit()}
            for param in params:
                url = path
                query = {}
                for other in params:  # every path parameter needs some value
                    if other["in"] == "path":
                        url = url.replace(f"{{{other['name']}}}", "1")
                if param["in"] == "path":
                    url = path.replace(f"{{{param['name']}}}", "a%00b")
                    url = re.sub(r"\{[^}]+\}", "1", url)
                elif param["in"] == "query":
                    query = {param["name"]: "a\x00b"}
                else:
                    continue
                yield method.upper(), "/sim/api" + url, query, documented


def test_a_nul_byte_in_any_parameter_gets_a_documented_answer(client, personas):
    """Whatever refuses a NUL byte (the operation or an app-wide guard), the answer is one
    the document lists, never a 5xx (V4.1.1, V16.5.1)."""
    doc = client.get("/sim/api/openapi.json").get_json()
    undocumented = []
    for method, url, query, documented in nul_requests(doc):
        kwargs = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
        response = client.open(url, method=method, query_string=query, **kwargs)
        assert response.status_code < 500, (method, url, query)
        if response.status_code not in documented:
            undocumented.append(f"{method} {url} {query}: {response.status_code}")
    assert undocumented == []
