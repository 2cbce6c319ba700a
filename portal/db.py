"""One engine per application, one SQLAlchemy session per request, in the request's world.

Sessions and commits belong to the entry points (a request, a CLI command), never to
models or rules. In a world other than the default (issue 14, portal.worlds) the session
is bound to that world's storage: its database file (SQLite) or its schema (PostgreSQL).
"""

from __future__ import annotations

from flask import Flask, current_app, g
from flask.globals import _cv_app
from sqlalchemy.orm import Session, sessionmaker

from models.base import create_schema, make_engine, make_session_factory


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessions"] = make_session_factory(engine)
    if app.config.get("CREATE_SCHEMA"):
        create_schema(engine)
    app.teardown_appcontext(_close_session)


def _factory() -> sessionmaker:
    from portal.worlds import current_world

    world = current_world()
    if world is None:
        return current_app.extensions["db_sessions"]
    return current_app.extensions["worlds"].sessions(world.id)


def get_session() -> Session:
    """The session of the current request (or app context), opened on first use, in
    the request's world. (`g` is read from Flask's context variable, not through its
    proxy: a page asks for its session several times, issue 12.)"""
    state = _cv_app.get().g.__dict__
    found = state.get("db_session")
    if found is None:
        found = state["db_session"] = _factory()()
    return found


def new_session(app: Flask) -> Session:
    """A session of the default world outside any request, for CLI commands and tests."""
    return app.extensions["db_sessions"]()


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
