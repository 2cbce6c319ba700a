"""Fixtures of the security suite (OWASP ASVS 5.0 level 2, see SECURITY.md).

The `app` fixture of tests/conftest.py is wrapped so that every app of this suite has
the security headers of `portal.security` (the factory registers them; `init_app` is
idempotent). Hypothesis runs with a shared profile: no example
database in the repository, no deadline (scrypt password hashing is slow on purpose),
and with CI set the same examples every run (a red build is then reproducible).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import func, select

from models import (
    Account,
    ActivationCode,
    ContactChange,
    IdentityLink,
    OutboxMessage,
    PendingRegistration,
    PortalSession,
    SmsChallenge,
    SupportRequest,
)
from portal import security
from portal.db import new_session
from tests.conftest import csrf_token

settings.register_profile(
    "security",
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),  # CI replays the same examples; locally they vary
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
settings.load_profile("security")

#: The simulated "now" of the suite: a Monday morning, like the web tests.
MONDAY = datetime(2026, 11, 23, 9, 0)

#: Tables whose rows a refused submit must leave alone ("nothing half written").
WATCHED = {
    "account": Account,
    "pending_registration": PendingRegistration,
    "activation_code": ActivationCode,
    "sms_challenge": SmsChallenge,
    "outbox_message": OutboxMessage,
    "support_request": SupportRequest,
    "contact_change": ContactChange,
    "identity_link": IdentityLink,
    "portal_session": PortalSession,
}

REFUSAL = re.compile(r'data-testid="(?:refusal|eid-message)" data-code="([a-z_]+)"')


@pytest.fixture
def app(app):
    """The test app, with `portal.security` installed (the factory does it; calling
    `init_app` again is a no-op, and keeps this suite meaningful on an app without it)."""
    security.init_app(app)
    return app


def row_counts(app) -> dict[str, int]:
    """How many rows each watched table holds, read in a fresh session."""
    session = new_session(app)
    try:
        return {
            name: session.scalar(select(func.count()).select_from(model))
            for name, model in WATCHED.items()
        }
    finally:
        session.close()


def activation_state(app) -> list[tuple[int, bool, bool]]:
    """(id, used, voided) of every activation code: a refused submit consumes none."""
    session = new_session(app)
    try:
        rows = session.execute(
            select(ActivationCode.id, ActivationCode.used_at, ActivationCode.voided_at).order_by(
                ActivationCode.id
            )
        )
        return [(i, used is not None, voided is not None) for i, used, voided in rows]
    finally:
        session.close()


def refusal_code(response) -> str | None:
    found = REFUSAL.search(response.get_data(as_text=True))
    return found.group(1) if found else None


SIMULATOR_WORD = {"fr": "Simulateur", "nl": "Simulator"}


def assert_page_ok(response, lang: str | None, payloads: tuple[str, ...] = ()) -> str:
    """Never a server error; an HTML page is in the requested language and reflects no
    payload unescaped (ASVS V1.2.1, V16.5.1). Returns the page text."""
    assert response.status_code < 500, response.status_code
    text = response.get_data(as_text=True)
    if lang and 300 <= response.status_code < 400:
        space = re.match(r"^(?:https?://[^/]+)?/(?:vivium|pv)/(fr|nl)/", response.location or "")
        assert space is None or space.group(1) == lang, response.location
    elif lang and response.mimetype == "text/html":
        assert f'<html lang="{lang}">' in text, f"page not in {lang}"
        if '<small class="hide-small">' in text:
            assert f'<small class="hide-small">{SIMULATOR_WORD[lang]}</small>' in text
    for payload in payloads:  # known markup payloads, possibly inside random text
        assert payload not in text, "payload reflected without escaping"
    return text


class FormClient:
    """Posts a portal form the way a browser does: the page's CSRF token, kept between
    posts and fetched again when the session lost it (a login clears the session)."""

    def __init__(self, client, page_url: str) -> None:
        self.client = client
        self.page_url = page_url
        self.token: str | None = None

    def refresh(self) -> None:
        page = self.client.get(self.page_url)
        assert page.status_code == 200, (self.page_url, page.status_code)
        self.token = csrf_token(page.get_data(as_text=True))

    def post(self, action: str | None = None, data: dict | None = None, **kwargs):
        if self.token is None:
            self.refresh()
        payload = {"csrf_token": self.token, **(data or {})}
        response = self.client.post(action or self.page_url, data=payload, **kwargs)
        if response.status_code == 400 and 'data-status="400"' in response.get_data(as_text=True):
            self.refresh()
            payload["csrf_token"] = self.token
            response = self.client.post(action or self.page_url, data=payload, **kwargs)
        return response


@pytest.fixture
def form_client(client) -> Callable[[str], FormClient]:
    return lambda page_url: FormClient(client, page_url)


@pytest.fixture
def monday(freeze) -> datetime:
    """Stop the simulated clock on MONDAY."""
    freeze(MONDAY)
    return MONDAY


@pytest.fixture
def fresh_clients(app) -> Iterator[Callable[[], object]]:
    """A factory of new test clients (one per simulated browser or thread)."""
    made = []

    def _make():
        made.append(app.test_client())
        return made[-1]

    yield _make


def pytest_terminal_summary(terminalreporter) -> None:
    """One line on what Schemathesis ran, when the API tests ran."""
    import sys

    module = sys.modules.get("tests.security.test_api_schema")
    if module is not None and module.STATS["operations"]:
        stats = module.STATS
        terminalreporter.write_line(
            f"schemathesis: {stats['operations']} operations, {stats['calls']} calls, "
            f"{stats['checks']} checks"
        )
