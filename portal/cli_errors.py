"""What the `portal-sim` commands answer when the simulator cannot start or its
database refuses: one line saying what to do and exit status 1, never a traceback."""

from __future__ import annotations

import click
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from portal.config import StartupError

READ_ONLY_HINT = (
    "give this user write access to the database (for SQLite: the file and its folder), "
    "or set DATABASE_URL to one it can write"
)


def plain_reason(exc: SQLAlchemyError) -> str:
    """The driver's first line, without SQLAlchemy's statement and background link."""
    original = exc.orig if isinstance(exc, DBAPIError) else None
    return str(original or exc).strip().splitlines()[0] if str(original or exc).strip() else ""


def database_problem(exc: SQLAlchemyError) -> str:
    reason = plain_reason(exc)
    if "readonly" in reason or "read-only" in reason or "read only" in reason:
        return f"The database cannot be written ({reason}): {READ_ONLY_HINT}."
    return f"The database refused the command ({reason}): check DATABASE_URL and that it runs."


def check_writable(engine: Engine) -> None:
    """StartupError when the database only reads (checked before serving, since an
    up-to-date schema needs no write to start): SQLite tries a write and rolls it back;
    PostgreSQL reports whether the session is read-only."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":  # rewrite a header field, then undo it
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    version = connection.exec_driver_sql("PRAGMA user_version").scalar()
                    connection.exec_driver_sql(f"PRAGMA user_version = {int(version or 0)}")
                finally:
                    connection.exec_driver_sql("ROLLBACK")
            elif connection.execute(text("SHOW transaction_read_only")).scalar() == "on":
                raise StartupError(f"The database is read-only: {READ_ONLY_HINT}.")
    except OperationalError as exc:
        raise StartupError(database_problem(exc)) from None


class PortalGroup(click.Group):
    """A command group whose commands end on one clear line when the configuration or
    the database stands in the way."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StartupError as exc:
            raise click.ClickException(str(exc)) from None
        except SQLAlchemyError as exc:
            raise click.ClickException(database_problem(exc)) from None
