"""The acceptance pack: Gherkin scenarios of the FAQ rules, run with pytest-bdd over real
HTTP against the simulator.

Two modes:

* in-process (the default, inside `make test`): the app is served on a free loopback
  port by a werkzeug server thread, on a fresh SQLite database (or on the PostgreSQL
  database of TEST_DATABASE_URL);
* against a running simulator: `pytest tests/acceptance --sim-url http://host:port
  [--sim-token T]`, or `portal-sim check --url http://host:port`.

Every scenario resets the simulator to the demo personas through the control API.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
import requests
from flask import Flask

from tests.acceptance.rule_coverage import RuleCoverage
from tests.acceptance.steps import (
    broker,
    browser,
    contracts,
    delivery,
    documents,
    identity,
    insurgate,
    intermediary_tools,
    outbox,
    portal,
    profile,
    registration,
    s2pack,
    setup,
    support,
    vconnect_auto,
)
from tests.acceptance.support.api import SimApi
from tests.acceptance.support.world import World
from tests.browser.conftest import ARGS as CHROMIUM_ARGS
from tests.browser.conftest import CHROMIUM, _have_chromium

STEP_MODULES: tuple[ModuleType, ...] = (
    intermediary_tools,
    setup,
    portal,
    registration,
    delivery,
    identity,
    outbox,
    support,
    broker,
    contracts,
    intermediary_tools,
    documents,
    profile,
    browser,
    s2pack,
    vconnect_auto,
    insurgate,
)
# pytest-bdd registers each step as a fixture in the module that defines it: make them
# visible to every scenario of the pack.
for _module in STEP_MODULES:
    globals().update({k: v for k, v in vars(_module).items() if k.startswith("pytestbdd_")})

SECRET = "acceptance-pack-secret"
TOKEN = "acceptance-pack-token"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("acceptance", "acceptance scenarios (tests/acceptance)")
    group.addoption(
        "--sim-url",
        dest="sim_url",
        default=None,
        help="run the scenarios against a running simulator at this URL (it is reset!)",
    )
    group.addoption(
        "--sim-token",
        dest="sim_token",
        default=os.environ.get("SIM_TOKEN"),
        help="console token of that simulator (needed unless it runs on loopback)",
    )
    group.addoption(
        "--acceptance-report",
        dest="acceptance_report",
        default=None,
        help="directory of coverage.html (default: test-results/acceptance)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("acceptance-coverage"):
        config.pluginmanager.register(RuleCoverage(config), "acceptance-coverage")


def pytest_bdd_apply_tag(tag: str, function: Callable[..., object]) -> bool | None:
    """Feature tags become pytest marks (`-m "RG-6 and pv"`); they are registered here
    so that --strict-markers accepts them, and checked by test_coverage.py."""
    from pytest_bdd.utils import CONFIG_STACK

    if tag == "xfail":
        reason = "a known bug, described in a comment above the scenario in its .feature file"
        pytest.mark.xfail(reason=reason)(function)
        return True
    config = CONFIG_STACK[-1]
    if tag not in {line.split(":")[0] for line in config.getini("markers")}:
        config.addinivalue_line("markers", f"{tag}: acceptance scenario tag")
    return None  # pytest-bdd then applies the mark


class Simulator:
    """Where the scenarios find the simulator."""

    def __init__(self, url: str, token: str | None) -> None:
        self.url = url.rstrip("/")
        self.token = token


def _serve(app: Flask) -> Iterator[str]:
    from tests.live import serving

    with serving(app) as url:
        yield url


@pytest.fixture(scope="package")
def simulator(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Simulator]:
    """The simulator under test: --sim-url, or the app served in-process."""
    url = request.config.getoption("sim_url", default=None)
    token = request.config.getoption("sim_token", default=None)
    if url:
        try:
            requests.get(f"{url.rstrip('/')}/sim/api/clock", timeout=10).raise_for_status()
        except requests.RequestException as exc:
            pytest.exit(f"the simulator at {url} does not answer: {exc}", returncode=3)
        yield Simulator(url, token)
        return
    from portal.app import create_app

    shared = os.environ.get("TEST_DATABASE_URL")
    if shared:
        request.getfixturevalue("shared_database")  # tests/conftest.py: the schema, once
    folder = tmp_path_factory.mktemp("acceptance")
    app = create_app(
        {
            "DATABASE_URL": shared or f"sqlite:///{folder / 'portal.sqlite3'}",
            "CREATE_SCHEMA": not shared,
            "SECRET_KEY": SECRET,
            "SIM_TOKEN": TOKEN,
            "INSTANCE_PATH": str(folder / "instance"),
        }
    )
    quiet = logging.getLogger("werkzeug")
    level = quiet.level
    quiet.setLevel(logging.WARNING)
    try:
        for served in _serve(app):
            yield Simulator(served, TOKEN)
    finally:
        quiet.setLevel(level)
        app.extensions["db_engine"].dispose()


@pytest.fixture
def world(simulator: Simulator) -> Iterator[World]:
    """The scenario's world; customers' sessions and browser contexts close afterwards."""
    api = SimApi(simulator.url, simulator.token)
    world = World(simulator.url, api)
    yield world
    if world.browser is not None:
        world.browser.close()
    world.close()
    api.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, as in tests/browser: missing, it skips (fails when CI is set)."""
    if not _have_chromium():
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
