"""Searching the back office by a text typed by a person (a name, an address part)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_

from models.backoffice import PERSON_NAME_KEYS


def escape_like(text: str) -> str:
    """The text as a literal inside a LIKE pattern (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fold(text: str, dialect: str) -> str:
    """The text lower-cased as the database's lower() does it: SQLite's only folds ASCII
    letters, PostgreSQL's every letter."""
    if dialect == "sqlite":
        return "".join(ch.lower() if ch.isascii() else ch for ch in text)
    return text.lower()


def name_starts_with(text: str, dialect: str) -> ColumnElement[bool]:
    """People whose "first last" or "last first" name starts with `text`, letter case
    aside: a range on each of the two name indexes (PERSON_NAME_KEYS), exact for a
    prefix because both databases compare these keys by code point (SQLite's BINARY
    collation, PostgreSQL's C.UTF-8)."""
    low = fold(text, dialect)
    high = low[:-1] + chr(ord(low[-1]) + 1)
    return or_(*(and_(key >= low, key < high) for key in PERSON_NAME_KEYS))
