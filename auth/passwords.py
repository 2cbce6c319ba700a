"""Password hashes at the cost of the `password_hash` setting (auth/settings.py,
`AUTH_PASSWORD_HASH`; README "Password hashing", SECURITY.md "Passwords").

A stored hash keeps its own method, so accounts hashed at another cost still log in;
their hash moves to the setting at their next login. The dummy hash checked for an
unknown email has the configured cost too, so the time taken does not tell whether an
email has an account (RG-2).
"""

from __future__ import annotations

from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from auth.settings import AuthSettings


def hash_password(password: str, rules: AuthSettings) -> str:
    return generate_password_hash(password, method=rules.password_hash)


def verify(stored: str, password: str) -> bool:
    return check_password_hash(stored, password)


def method_of(stored: str) -> str:
    """The Werkzeug method a hash was made with ("scrypt:32768:8:1")."""
    return stored.split("$", 1)[0]


def needs_rehash(stored: str, rules: AuthSettings) -> bool:
    return method_of(stored) != rules.password_hash


@cache
def _dummy(method: str) -> str:
    return generate_password_hash("this is not anybody's password", method=method)


def dummy_hash(rules: AuthSettings) -> str:
    """A hash of nobody's password at the configured cost, made once per method."""
    return _dummy(rules.password_hash)
