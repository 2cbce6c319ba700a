"""`portal-sim check` runs in a fresh world of its own (issue 14): two checks started
together against one live instance both pass, and the default world is never reset."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from portal.db import new_session
from tests.live import serving

PORTAL_SIM = Path(sys.executable).with_name("portal-sim")
SUBSET = "(RG-6 or RG-7) and not browser"
# Five scenarios of the pack, not its 23: two letter scenarios (RG-6), which the default
# world's lost-letter fault would fail if it leaked into the check's world, and three of
# accounts already there (RG-7), which a reset of the default world would not notice but
# shared accounts would. Each check still starts a world, runs, and deletes it.
PICK = "latest_letter or already_registered or already_used_by_another_mypv"


@pytest.fixture
def live_url(app, no_stale_world_schemas):
    """The app served by a real server on 127.0.0.1, on a free port."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with serving(app) as url:
        yield url


def start_check(url: str, report: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEST_")}
    command = [str(PORTAL_SIM), "check", "--url", url, "--report", str(report)]
    return subprocess.Popen(
        [*command, "--", "-q", "-p", "no:randomly", "-m", SUBSET, "-k", PICK],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_checks_started_together_both_pass_and_leave_the_default_world_alone(
    app, live_url, tmp_path
):
    from models.sim import FaultName, set_fault

    with new_session(app) as session:  # a tester's state in the default world
        set_fault(session, FaultName.LETTER_LOST, True)
        session.commit()
    runs = [start_check(live_url, tmp_path / name) for name in ("one", "two")]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output[-3000:]
        assert "Running in the new world" in output
        assert "5 passed" in output, output[-3000:]
    assert requests.get(f"{live_url}/sim/api/faults", timeout=10).json()["letter_lost"] is True
    assert requests.get(f"{live_url}/sim/api/personas", timeout=10).json()["personas"] == []
    assert requests.get(f"{live_url}/sim/api/worlds", timeout=10).json()["worlds"] == []
