"""The Insurgate data of the database, for data-driven tests (IG-1..IG-6): every office
with its groups (and their members), users, integrations and quotes.

Never a secret: no password hash, no session epoch, no email link (only its hash is
stored anyway, and the links are left out as a whole). A user's `status` says whether he
set his password ("active") or not yet ("invited"), as the users list shows it (IG-4).
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import Enum
from typing import IO, Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from models.insurgate import IgGroup, IgIntegration, IgMembership, IgOffice, IgQuote, IgUser

SECRET = {"password_hash", "session_epoch", "search_text"}  # search_text: a derived copy


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    """Every row of `table` in id order, without its secret columns."""
    columns = [c for c in table.c if c.name not in SECRET]
    found = connection.execute(select(*columns).order_by(table.c.id))
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in found]


def _by_office(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row.pop("office_id"), []).append(row)
    return grouped


def _users(connection: Connection) -> list[dict[str, Any]]:
    found = connection.execute(select(IgUser.id, IgUser.password_hash.is_not(None)))
    has_password = {user_id: has for user_id, has in found}
    users = _rows(connection, IgUser.__table__)
    for user in users:
        user["status"] = "active" if has_password[user["id"]] else "invited"
    return users


def _groups(connection: Connection) -> list[dict[str, Any]]:
    members: dict[int, list[int]] = {}
    for user_id, group_id in connection.execute(
        select(IgMembership.user_id, IgMembership.group_id).order_by(IgMembership.user_id)
    ):
        members.setdefault(group_id, []).append(user_id)
    groups = _rows(connection, IgGroup.__table__)
    for group in groups:
        group["member_ids"] = members.get(group["id"], [])
    return groups


def insurgate_facts(connection: Connection) -> list[dict[str, Any]]:
    """Every office, oldest first, with its groups, users, integrations and quotes."""
    parts = {
        "groups": _by_office(_groups(connection)),
        "users": _by_office(_users(connection)),
        "integrations": _by_office(_rows(connection, IgIntegration.__table__)),
        "quotes": _by_office(_rows(connection, IgQuote.__table__)),
    }
    offices = _rows(connection, IgOffice.__table__)
    for office in offices:
        for name, grouped in parts.items():
            office[name] = grouped.get(office["id"], [])
    return offices


def write_insurgate_json(connection: Connection, out: IO[str]) -> int:
    """A JSON object {"offices": [...]}; returns the number of offices."""
    offices = insurgate_facts(connection)
    json.dump({"offices": offices}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(offices)
