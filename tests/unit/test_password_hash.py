"""The password hash cost is a setting (`AUTH_PASSWORD_HASH`, auth/settings.py): a strong
default, a cheaper documented choice for a simulator of fictitious people, and the same
cost for the dummy check of an unknown email as for a real account (RG-2)."""

from __future__ import annotations

import pytest
from werkzeug.security import generate_password_hash

from auth import passwords
from auth.settings import CHEAPER_PASSWORD_HASH, AuthSettings, password_method

CHEAP = "pbkdf2:sha256:1000"  # cheaper still, for fast tests only


def test_the_default_is_werkzeugs_strong_scrypt():
    assert AuthSettings().password_hash == "scrypt:32768:8:1"
    assert CHEAPER_PASSWORD_HASH == "scrypt:4096:8:1"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("scrypt:4096:8:1", "scrypt:4096:8:1"),
        (" pbkdf2:sha256:10000 ", "pbkdf2:sha256:10000"),
        ("scrypt", "scrypt:32768:8:1"),
        ("pbkdf2:sha512:600000", "pbkdf2:sha512:600000"),
    ],
)
def test_the_setting_is_read_from_the_config_as_a_werkzeug_method(given, kept):
    assert AuthSettings.from_config({"AUTH_PASSWORD_HASH": given}).password_hash == kept


@pytest.mark.parametrize(
    "given",
    ["md5", "plain", "scrypt:1000:8:1", "scrypt:512:8:1", "scrypt:4096:0:1", "pbkdf2:sha256:10",
     "pbkdf2:md5:10000", "scrypt:4096:8", "", "scrypt:4096:8:1$x"],
)  # fmt: skip
def test_a_weak_or_unknown_method_is_refused_with_its_setting_named(given):
    with pytest.raises(ValueError, match="AUTH_PASSWORD_HASH"):
        password_method(given)


def test_a_number_setting_that_is_not_a_number_is_refused_with_its_name():
    with pytest.raises(ValueError, match="AUTH_SMS_PER_MOBILE_DAY"):
        AuthSettings.from_config({"AUTH_SMS_PER_MOBILE_DAY": "many"})


def test_the_stored_hash_carries_the_configured_method():
    rules = AuthSettings(password_hash=CHEAP)
    stored = passwords.hash_password("correct horse battery", rules)
    assert passwords.method_of(stored) == CHEAP
    assert passwords.verify(stored, "correct horse battery")
    assert not passwords.verify(stored, "wrong horse battery")


def test_a_hash_made_at_another_cost_still_verifies_and_asks_for_a_rehash():
    old = generate_password_hash("correct horse battery", method="pbkdf2:sha256:2000")
    rules = AuthSettings(password_hash=CHEAP)
    assert passwords.verify(old, "correct horse battery")
    assert passwords.needs_rehash(old, rules)
    assert not passwords.needs_rehash(passwords.hash_password("x" * 12, rules), rules)


def test_rg2_the_dummy_hash_of_an_unknown_email_has_the_configured_cost():
    for method in (CHEAP, "pbkdf2:sha256:2000"):
        dummy = passwords.dummy_hash(AuthSettings(password_hash=method))
        assert passwords.method_of(dummy) == method
