"""Named domain errors of the back office: what a service refuses, never how it is answered.

Each error carries a stable ``code`` (the API's ``error`` field, e.g. ``wrong_status``),
a plain ``message`` for a developer or tester, and optional ``details`` (e.g. ``field``).
Its class says what kind of refusal it is; the front ends map the class to an answer in
ONE place (``portal.errors.STATUS_OF``): services never know HTTP, Flask or commits.
Raising any of them rolls the request's transaction back (portal.transaction).
"""

from __future__ import annotations


class DomainError(Exception):
    """A refusal of a back-office service: a stable code, a plain message, details."""

    def __init__(self, code: str, message: str, **details: object) -> None:
        super().__init__(message)
        self.code, self.message, self.details = code, message, details


class Malformed(DomainError):
    """The request itself cannot be read (not an object, an unknown filter value)."""


class NotFound(DomainError):
    """What the request names does not exist (a request, a customer, an action)."""


class Forbidden(DomainError):
    """The caller may not do this (another intermediary's customer, a closed tool)."""


class Conflict(DomainError):
    """Possible in general, not in the present state (already decided, no email)."""


class Invalid(DomainError):
    """A value that is read but not accepted (a year out of range, an empty text)."""


class Unavailable(DomainError):
    """A system the service needs does not answer now (a simulated fault)."""
