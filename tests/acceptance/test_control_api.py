"""The simulator under test documents every control API operation the steps use: against
an older or another simulator (--sim-url), this fails first, with the missing ones."""

from __future__ import annotations

import requests

USED = {
    ("post", "/reset"),
    ("get", "/personas"),
    ("get", "/clock"),
    ("put", "/clock"),
    ("post", "/clock/advance"),
    ("put", "/faults/{name}"),
    ("post", "/letters/deliver"),
    ("get", "/outbox"),
    ("get", "/events"),
    ("post", "/clock/next-event"),
    ("get", "/broker/{brand}/{person_id}"),
    ("post", "/broker/{brand}/{person_id}/paper-exception"),
    ("post", "/broker/{brand}/{person_id}/missing-document"),
    ("post", "/documents/publish"),
    ("get", "/support"),
    ("get", "/support/{request_id}"),
    ("get", "/support/{request_id}/screenshot"),
    ("post", "/support/{request_id}/{action}"),
}


def test_the_openapi_document_has_every_operation_the_steps_use(simulator):
    headers = {"Authorization": f"Bearer {simulator.token}"} if simulator.token else {}
    answer = requests.get(f"{simulator.url}/sim/api/openapi.json", headers=headers, timeout=30)
    assert answer.status_code == 200, answer.text[:300]
    paths = answer.json()["paths"]
    documented = {(method, path) for path, item in paths.items() for method in item}
    missing = sorted(USED - documented)
    assert not missing, f"the simulator at {simulator.url} lacks {missing}"
