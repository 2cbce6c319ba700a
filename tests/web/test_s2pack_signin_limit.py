"""The personal S² page's sign-in is limited like the customer portals' (RG-2 mechanism,
auth.throttle; SECURITY.md G12): wrong passwords counted per typed login, known or not;
a pause refuses even the right password until the simulated clock passes its end (S2-6)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from auth.settings import AuthSettings
from tests.conftest import csrf_token
from tests.web.test_s2pack_pages import PASSWORD, SIGNED, pack  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("pack")

FAILURES = AuthSettings().login_throttle_failures


def attempt(client, password: str, lang: str = "fr", login: str = "s2-7700123"):
    page = client.get(f"/s2/{lang}/login").get_data(as_text=True)
    return client.post(
        f"/s2/{lang}/login",
        data={"csrf_token": csrf_token(page), "login": login, "password": password},
    )


def test_wrong_passwords_pause_the_sign_in_even_for_the_right_password_s2_6(client):
    for _ in range(FAILURES - 1):
        assert attempt(client, "wrong-one").status_code == 422
    paused = attempt(client, "wrong-one")
    assert paused.status_code == 429
    text = paused.get_data(as_text=True)
    assert 'data-testid="s2-refused" data-code="login_locked"' in text
    assert "suspendue jusqu&#39;au 10/03/2026 10:15" in text or "jusqu'au 10/03/2026 10:15" in text
    right = attempt(client, PASSWORD, "nl")
    assert right.status_code == 429
    assert "tot 10/03/2026 10:15 niet aanmelden" in right.get_data(as_text=True)
    assert client.get("/s2/nl/").status_code == 302  # not signed in


def test_the_sign_in_opens_again_once_the_clock_passes_the_pause_s2_6(client, freeze):
    for _ in range(FAILURES):
        attempt(client, "wrong-one")
    freeze(SIGNED + timedelta(minutes=15, seconds=1))
    answer = attempt(client, PASSWORD)
    assert answer.status_code == 302 and answer.location.endswith("/s2/fr/")


def test_an_unknown_login_is_counted_too_and_other_logins_are_not_paused_s2_6(client):
    for _ in range(FAILURES):
        attempt(client, "whatever", login="s2-0000000")
    assert attempt(client, "whatever", login="s2-0000000").status_code == 429
    assert attempt(client, PASSWORD).status_code == 302
