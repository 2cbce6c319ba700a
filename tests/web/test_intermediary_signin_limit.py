"""The tools' producer-number + password sign-in is limited like the customer portals'
login (RG-2 mechanism: auth.limits and auth.throttle; SECURITY.md G12): after the
allowed wrong passwords the number is paused with a clear French or Dutch message, even
for the right password, until the simulated clock passes the end of the pause."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

MONDAY = datetime(2026, 11, 23, 9, 0)
ANNELIES, CLAIRE, PASSWORD = "4000101", "8000201", "demo-intermediary"


@pytest.fixture
def strict(app, personas, freeze):
    """Three wrong passwords pause the number for 15 minutes; six lock it for a day."""
    freeze(MONDAY)
    app.extensions["auth_settings"] = replace(
        app.extensions["auth_settings"],
        login_throttle_failures=3,
        login_throttle_minutes=15,
        login_lock_failures=6,
        login_lock_hours=24,
    )


def words(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def code_of(response) -> str | None:
    found = re.search(r'data-testid="signin-error" data-code="(\w+)"', response.get_data(True))
    return found.group(1) if found else None


def try_password(submit, tool: str, lang: str, number: str, password: str):
    url = f"/{tool}/{lang}/signin"
    return submit(url, {"producer_number": number, "password": password})


def test_wrong_passwords_pause_the_number_in_dutch_until_the_clock_moves_on(
    client, strict, submit, freeze
):
    for _ in range(2):
        response = try_password(submit, "connect360", "nl", ANNELIES, "nope")
        assert response.status_code == 401 and code_of(response) == "wrong_credentials"
    third = try_password(submit, "connect360", "nl", ANNELIES, "nope")
    assert third.status_code == 429 and code_of(third) == "signin_locked"
    assert "Te veel foute wachtwoorden" in words(third) and "23/11/2026 09:15" in words(third)
    right = try_password(submit, "connect360", "nl", ANNELIES, PASSWORD)
    assert right.status_code == 429, "the pause refuses even the right password"
    freeze(MONDAY + timedelta(minutes=16))
    after = try_password(submit, "connect360", "nl", ANNELIES, PASSWORD)
    assert after.status_code == 302 and after.location.endswith("/connect360/nl/")


def test_the_pause_is_said_in_french_and_spaced_digits_count_as_the_same_number(
    client, strict, submit
):
    for typed in ("8000201", " 8000201", "80 00 201"):
        try_password(submit, "vconnect", "fr", typed, "faux")
    response = try_password(submit, "vconnect", "fr", CLAIRE, PASSWORD)
    assert response.status_code == 429
    assert "Trop de mots de passe erronés" in words(response)
    assert "23/11/2026 09:15" in words(response)


def test_a_right_password_clears_the_count_and_other_numbers_are_not_paused(client, strict, submit):
    for _ in range(2):
        try_password(submit, "connect360", "fr", ANNELIES, "nope")
    assert try_password(submit, "connect360", "fr", ANNELIES, PASSWORD).status_code == 302
    client.delete_cookie("connect360_session", path="/connect360")
    for _ in range(2):
        assert try_password(submit, "connect360", "fr", ANNELIES, "nope").status_code == 401
    assert try_password(submit, "vconnect", "fr", CLAIRE, PASSWORD).status_code == 302


def test_an_unknown_number_is_paused_the_same_way(client, strict, submit):
    """No enumeration: an unknown producer number is counted and paused like a real one."""
    for _ in range(3):
        response = try_password(submit, "connect360", "fr", "4999999", "x")
    assert response.status_code == 429 and code_of(response) == "signin_locked"


def test_the_long_lock_lasts_a_day_and_the_console_lifts_it(client, strict, submit, freeze):
    for minute in range(6):
        freeze(MONDAY + timedelta(minutes=20 * minute))
        try_password(submit, "connect360", "fr", ANNELIES, "nope")
    freeze(MONDAY + timedelta(hours=3))
    locked = try_password(submit, "connect360", "fr", ANNELIES, PASSWORD)
    assert locked.status_code == 429 and "24/11/2026 10:40" in words(locked)
    assert client.delete("/sim/api/limits").status_code == 200
    freed = try_password(submit, "connect360", "fr", ANNELIES, PASSWORD)
    assert freed.status_code == 302
