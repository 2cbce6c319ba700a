"""One engine per application, one SQLAlchemy session per request.

Sessions and commits belong to the entry points (a request, a CLI command), never to
models or rules.
"""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from models.base import create_schema, make_engine, make_session_factory


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessions"] = make_session_factory(engine)
    if app.config.get("CREATE_SCHEMA"):
        create_schema(engine)
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """The session of the current request (or app context), opened on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["db_sessions"]()
    return g.db_session


def new_session(app: Flask) -> Session:
    """A session outside any request, for CLI commands and tests."""
    return app.extensions["db_sessions"]()


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
