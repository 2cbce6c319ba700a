"""A trainer watching a trainee (issue 19): every signed-in page records the path it
shows, only when it changes, and asks whether a trainer's watch is open.

- Customer portals: the session row (`portal_session`) read with the account already
  carries `last_path` and `watched_until`, so an unchanged page costs no statement and a
  new page one UPDATE.
- Tools with their sign-in in their cookie (Connect 360, V-Connect, Insurgate, the S²
  page) register a `WatchedSpace` (who is signed in, the cookie contents that sign him
  in again); their pages cost one read of their `tool_seen` row, plus a write when the
  page changes. A space that reads the row with its signed-in user (`seen`: the
  intermediaries' tools join it to the intermediary, issue 12) costs no read of its own.

The console renders the recorded page again as that user inside its own request
(`RENDER_KEY` in the WSGI environ): such a render records nothing. The watch heartbeat
is on the wall clock: a trainer's presence is real time, even when the simulated clock
is frozen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from flask import Flask, request
from flask_login import current_user
from sqlalchemy import bindparam, delete, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from auth.sessions import brand_of_path, space_of_path
from models import PortalSession, ToolSeen
from models.watch import PATH_LENGTH

RENDER_KEY = "portal.watch_render"
#: Control characters (a NUL among them), which never reach the database.
_CONTROL = re.compile("[\x00-\x1f\x7f]")
HEARTBEAT = timedelta(seconds=15)


class Seen(NamedTuple):
    """The signed-in user's `tool_seen` row of his space, as read with him: the page he
    last saw (None: no row yet) and the end of a trainer's watch."""

    last_path: str | None
    watched_until: datetime | None


NOT_SEEN = Seen(None, None)


@dataclass(frozen=True)
class WatchedSpace:
    """A tool space a trainer can watch: `subject()` names who is signed in on this
    request, as (id, label), or None; `cookie(db, id)` is the session content that signs
    that user in again, or None when he no longer can; `seen()`, if given, is his
    `tool_seen` row as the space read it with him, or None when it did not."""

    subject: Callable[[], tuple[int, str] | None]
    cookie: Callable[[Session, int], dict | None]
    seen: Callable[[], Seen | None] | None = None


SPACES: dict[str, WatchedSpace] = {}


def watchable(segment: str, space: WatchedSpace) -> None:
    SPACES[segment] = space


def wall_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def page_path() -> str | None:
    """The GET page being shown, inside the request's world, if it can be recorded."""
    if request.method != "GET" or request.environ.get(RENDER_KEY):
        return None
    if request.routing_exception is not None:  # an error page: no page to watch
        return None
    path = request.full_path.rstrip("?")
    if len(path) > PATH_LENGTH or _CONTROL.search(path):
        return None  # control characters (a NUL) never reach the database
    return path


def _customer_watched(get_db: Callable[[], Session], path: str, moment: datetime) -> bool:
    user = current_user
    if not getattr(user, "is_authenticated", False) or not getattr(user, "token_hash", None):
        return False
    if user.last_path != path:
        get_db().execute(
            update(PortalSession)
            .where(PortalSession.token_hash == user.token_hash)
            .values(last_path=path)
        )
        user.last_path = path
    return user.watched_until is not None and user.watched_until > moment


def _tool_watched(get_db: Callable[[], Session], segment: str, path: str, moment: datetime) -> bool:
    space = SPACES[segment]
    who = space.subject()
    if who is None:
        return False
    db = get_db()
    known = space.seen() if space.seen is not None else None
    if known is not None:
        return _seen_watched(db, segment, who, known, path, moment)
    row = db.get(ToolSeen, (segment, who[0]))
    if row is None:  # a first page: written as `_seen_watched` writes one (no race)
        values = {"space": segment, "subject_id": who[0], "label": who[1][:200],
                  "last_path": path, "seen_at": moment}  # fmt: skip
        db.connection().execute(_first_page(db.get_bind().dialect.name), values)
        return False
    if row.last_path != path:
        row.last_path, row.seen_at, row.label = path, moment, who[1][:200]
    return row.watched_until is not None and row.watched_until > moment


#: The tool user's `tool_seen` row moved to another page: a Core statement built once on
#: the session's connection (no ToolSeen entity is loaded on this path; issue 12).
_TOOL_PAGE_MOVED = (
    update(ToolSeen)
    .where(ToolSeen.space == bindparam("in_space"), ToolSeen.subject_id == bindparam("of_subject"))
    .values(last_path=bindparam("path"), seen_at=bindparam("moment"), label=bindparam("named"))
)


def _first_page(dialect: str):
    """INSERT of a `tool_seen` row that moves the row already there instead (SQLite and
    PostgreSQL both say ON CONFLICT ... DO UPDATE)."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(ToolSeen)  # its VALUES: the columns given when executed
    moved = {name: statement.excluded[name] for name in ("label", "last_path", "seen_at")}
    return statement.on_conflict_do_update(index_elements=["space", "subject_id"], set_=moved)


def _seen_watched(
    db: Session, segment: str, who: tuple[int, str], known: Seen, path: str, moment: datetime
) -> bool:
    """`_tool_watched` with the row already read: no statement when the page is the
    same, else one INSERT or UPDATE."""
    if known.last_path is None:
        # His first page, or so it looked when read: another request of his (a second
        # tab) may have written the row since, so the row is written or moved in one
        # statement rather than a second INSERT refused at commit.
        values = {"space": segment, "subject_id": who[0], "label": who[1][:200],
                  "last_path": path, "seen_at": moment}  # fmt: skip
        db.connection().execute(_first_page(db.get_bind().dialect.name), values)
    elif known.last_path != path:
        values = {"in_space": segment, "of_subject": who[0], "path": path, "moment": moment,
                  "named": who[1][:200]}  # fmt: skip
        db.connection().execute(_TOOL_PAGE_MOVED, values)
    return known.watched_until is not None and known.watched_until > moment


def signed_out(db: Session, subject_id: object) -> None:
    """The tool user signing out on this request leaves the console's "signed in now"
    list at once: his `tool_seen` row of this space goes (issue 19)."""
    segment = space_of_path(request.path)
    if segment in SPACES and isinstance(subject_id, int):
        db.execute(
            delete(ToolSeen).where(ToolSeen.space == segment, ToolSeen.subject_id == subject_id)
        )


def init_app(app: Flask, get_session: Callable[[], Session]) -> None:
    @app.template_global()
    def trainer_watching() -> bool:
        """Whether a trainer watches this page's session; records the page shown."""
        path = page_path()
        if path is None:
            return False
        if brand_of_path(request.path) is not None:
            return _customer_watched(get_session, path, wall_now())
        segment = space_of_path(request.path)
        if segment in SPACES:
            return _tool_watched(get_session, segment, path, wall_now())
        return False
