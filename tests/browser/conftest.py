"""Headless Chromium (Debian's /usr/bin/chromium) against the app served on loopback.

When CI is set, a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.live import serving

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _have_chromium() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not _have_chromium():
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


@pytest.fixture
def live_server(app):
    """The test app served by a real HTTP server on a free loopback port."""
    with serving(app) as url:
        yield url


@pytest.fixture
def browser_login(app, db):
    """Put a logged-in session cookie for one brand into a browser context."""
    from seed.build import add_account
    from tests.conftest import session_cookie

    def _login(context, base_url, person, brand):
        account = add_account(db, person, brand)
        db.commit()
        name, value, path = session_cookie(app, brand, account.id)
        context.add_cookies([{"name": name, "value": value, "url": base_url + path + "/"}])
        return account

    return _login
