"""Named domain errors (portal/backoffice/errors.py) and the one map from their classes to
HTTP statuses (portal/errors.py); the back office never knows HTTP, Flask or commits."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from portal.backoffice import errors
from portal.errors import STATUS_OF, status_of

BACKOFFICE = Path(errors.__file__).parent


@pytest.mark.parametrize(
    ("cls", "status"),
    [
        (errors.Malformed, 400),
        (errors.Forbidden, 403),
        (errors.NotFound, 404),
        (errors.Conflict, 409),
        (errors.Invalid, 422),
        (errors.Unavailable, 503),
    ],
)
def test_each_kind_of_domain_error_has_one_status(cls, status):
    assert status_of(cls("some_code", "Some message.")) == status


def test_a_new_kind_of_error_answers_the_status_of_its_parent():
    class AlreadyPaper(errors.Conflict):
        pass

    assert status_of(AlreadyPaper("already_paper", "Already on paper.")) == 409
    assert AlreadyPaper not in STATUS_OF


def test_a_domain_error_carries_its_stable_code_message_and_details():
    exc = errors.Invalid("invalid_year", "year is a whole number.", field="year")
    assert (exc.code, exc.message, exc.details, str(exc)) == (
        "invalid_year",
        "year is a whole number.",
        {"field": "year"},
        "year is a whole number.",
    )


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize(
    "path", sorted(BACKOFFICE.rglob("*.py")), ids=lambda p: str(p.relative_to(BACKOFFICE))
)
def test_back_office_services_never_import_the_web_or_a_front_end(path):
    modules = imported_modules(path)
    web = {m for m in modules if m.split(".")[0] in ("flask", "werkzeug", "flask_wtf")}
    web -= {"werkzeug.security"}  # password hashes: no HTTP in there
    front = {m for m in modules if m.startswith(("portal.sim", "portal.views"))}
    assert not web and not front, (web, front)


@pytest.mark.parametrize(
    "path", sorted(BACKOFFICE.rglob("*.py")), ids=lambda p: str(p.relative_to(BACKOFFICE))
)
def test_back_office_services_never_commit(path):
    assert ".commit()" not in path.read_text(encoding="utf-8")
