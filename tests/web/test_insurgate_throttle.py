"""The Insurgate login under the customer portals' limits on wrong passwords (IG-1 with
RG-2's limits, auth.limits): after `login_throttle_failures` wrong passwords the login is
paused, even with the right password, in the page's language; the simulated clock, or
the console, frees it; a right password before that clears the count."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from auth.settings import AuthSettings
from models import LimitBucket
from seed.insurgate import DEMO_PASSWORD, seed_insurgate

NOW = datetime(2026, 12, 1, 10, 0)
EMAIL = "7964@pv.be"
RULES = AuthSettings()
PAUSED = {
    "fr": "Trop de mots de passe erronés : pour votre sécurité, la connexion est suspendue "
    "jusqu'au 01/12/2026 10:15.",
    "nl": "Te veel verkeerde wachtwoorden: voor uw veiligheid is aanmelden onderbroken tot "
    "01/12/2026 10:15.",
}


@pytest.fixture
def office(db, freeze):
    freeze(NOW)
    seed_insurgate(db)
    db.commit()


@pytest.fixture
def log_in(client, submit):
    def _log_in(password: str, lang: str = "fr", email: str = EMAIL):
        return submit(f"/insurgate/{lang}/login", {"email": email, "password": password})

    return _log_in


def password_error(response) -> str:
    found = re.search(r'data-testid="password-error">([^<]+)<', response.get_data(as_text=True))
    return found.group(1).replace("&#39;", "'") if found else ""


def fail(log_in, times: int, lang: str = "fr", email: str = EMAIL) -> list[int]:
    return [log_in("wrong-one", lang, email).status_code for _ in range(times)]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_rg2_after_ten_wrong_passwords_even_the_right_one_is_refused_in_the_page_language(
    office, log_in, lang
):
    statuses = fail(log_in, RULES.login_throttle_failures, lang)
    assert statuses == [422] * (RULES.login_throttle_failures - 1) + [429]
    right = log_in(DEMO_PASSWORD, lang)
    assert right.status_code == 429
    assert password_error(right).startswith(PAUSED[lang])


def test_rg2_nine_wrong_passwords_still_let_the_right_one_in_and_clear_the_count(
    office, log_in, db
):
    fail(log_in, RULES.login_throttle_failures - 1)
    assert log_in(DEMO_PASSWORD).status_code == 302
    db.expire_all()
    assert db.scalars(select(LimitBucket)).all() == []


def test_rg2_the_simulated_clock_moves_the_pause_on(office, log_in, freeze):
    fail(log_in, RULES.login_throttle_failures)
    freeze(NOW + timedelta(minutes=RULES.login_throttle_minutes - 1))
    assert log_in(DEMO_PASSWORD).status_code == 429
    freeze(NOW + timedelta(minutes=RULES.login_throttle_minutes))
    assert log_in(DEMO_PASSWORD).status_code == 302


def test_rg2_an_unknown_email_is_counted_and_paused_like_a_known_one(office, log_in):
    statuses = fail(log_in, RULES.login_throttle_failures, email="nobody@pv.be")
    assert statuses[-1] == 429


def test_rg2_twenty_wrong_passwords_block_the_login_for_a_day(office, log_in, freeze):
    for minute in range(RULES.login_lock_failures):  # each pause waited out but the last
        freeze(NOW + timedelta(minutes=minute * RULES.login_throttle_minutes))
        log_in("wrong-one")
    last = NOW + timedelta(minutes=(RULES.login_lock_failures - 1) * RULES.login_throttle_minutes)
    freeze(last + timedelta(hours=1))
    blocked = log_in(DEMO_PASSWORD)
    assert blocked.status_code == 429 and "bloquée" in password_error(blocked)
    freeze(last + timedelta(hours=RULES.login_lock_hours))
    assert log_in(DEMO_PASSWORD).status_code == 302


def test_rg2_the_pause_of_one_email_leaves_the_others_free(office, log_in):
    fail(log_in, RULES.login_throttle_failures)
    assert log_in(DEMO_PASSWORD, email="66799@vivium.be").status_code == 302


def test_rg2_the_control_api_lifts_an_insurgate_pause_by_its_key(office, log_in, client):
    fail(log_in, RULES.login_throttle_failures)
    assert client.delete(f"/sim/api/limits/login:insurgate:{EMAIL}").status_code == 200
    assert log_in(DEMO_PASSWORD).status_code == 302
