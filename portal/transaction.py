"""The unit of work: one transaction per request and per CLI command, decided here only.

A request commits once, at the end, when its view returned normally with a status
below 400 (a page, a redirect): the commit runs in ``after_request``, before the
response leaves, so a failing commit becomes the 500 page instead of a silent loss.
Everything else rolls back: an exception the view raised (a named domain error, an
``abort``, a bug), a 4xx or 5xx answer, or a view that called ``abandon()`` (a refusal
shown as a flash and a redirect). Flows and services only ``flush()``; a flow that must
survive an IntegrityError does its insert inside ``session.begin_nested()``.

A refusal that must still count (a wrong SMS code, a wrong password, an abuse limit)
calls ``record_refusal()``: it commits what the session holds at that moment, the
counter, then the request goes on to its 4xx answer.

Streamed responses: the commit happens before the body is streamed, so a generator
must not write to the database.

CLI commands use ``command_transaction(app)``: one session, committed when the command
ends normally, rolled back when it raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from flask import Flask, Response, g
from sqlalchemy.orm import Session

from portal.db import new_session


def init_app(app: Flask) -> None:
    """Register the end of the unit of work. Called before every other extension, so
    that its after_request hook runs last (Flask runs them in reverse order) and also
    commits what an earlier hook wrote."""
    app.after_request(_end_of_request)
    _mark_raised_exceptions(app)


def abandon() -> None:
    """Roll this request's transaction back although the view answers normally."""
    g.transaction_failed = True


def record_refusal() -> None:
    """Commit now what a refusal counted (attempts, limits); the answer stays a refusal.

    The one place, besides the end of a request or command, that commits."""
    session: Session | None = g.get("db_session")
    if session is not None:
        session.commit()


def _end_of_request(response: Response) -> Response:
    session: Session | None = g.get("db_session")
    if session is None:
        return response
    if response.status_code < 400 and not g.get("transaction_failed"):
        session.commit()
    else:
        session.rollback()
    return response


def _mark_raised_exceptions(app: Flask) -> None:
    """Any exception that leaves a view, handled by an error handler or not, dooms the
    transaction: the error page it becomes must not commit the half-done work."""
    handle = app.handle_user_exception

    @wraps(handle)
    def marked(exc: Exception) -> Any:
        g.transaction_failed = True
        return handle(exc)

    app.handle_user_exception = marked  # type: ignore[method-assign]


@contextmanager
def command_transaction(app: Flask) -> Iterator[Session]:
    """One CLI command's session: commit at the end, roll back on an exception."""
    session = new_session(app)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
