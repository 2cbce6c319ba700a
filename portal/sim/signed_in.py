"""Who is signed in now (issue 19), per portal and per tool, for a trainer who wants to
see which trainees are in and watch one (portal.sim.watch).

- The customer portals: the sessions of this world that have neither ended nor gone
  idle on the simulated clock (the console's own `watch` sessions left out).
- The tools that keep their sign-in in their cookie (Connect 360, V-Connect, Insurgate,
  the S² page): the users whose pages moved within the same idle time, on the wall clock
  (their `tool_seen` rows, auth.watching; a tool has no simulated session expiry).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, render_template
from sqlalchemy import select
from sqlalchemy.orm import Session

from auth.watching import SPACES, wall_now
from models import Account, Person, ToolSeen
from models.brands import PROFILES, brand_values
from models.portal import PortalSession
from models.sim import clock_now
from portal.db import get_session
from portal.sim.blueprints import console

PORTAL_NAMES = {p.brand.value: p.portal_name for p in PROFILES.values()}
OTHER_SPACES = {"insurgate": "Insurgate", "s2": "VIVIUM S²"}


def space_names() -> dict[str, str]:
    """Every watchable space by its path segment: the portals, then the tools."""
    names = {brand: PORTAL_NAMES.get(brand, brand) for brand in brand_values()}
    tools = {p.tool.segment: p.tool.name for p in PROFILES.values()}
    for segment in sorted(SPACES):
        names[segment] = tools.get(segment) or OTHER_SPACES.get(segment, segment)
    return names


def open_sessions(db: Session, now: datetime, idle_minutes: int) -> list[dict]:
    """Customer sessions not ended and seen within the idle timeout, newest first."""
    since = now - timedelta(minutes=idle_minutes)
    rows = db.execute(
        select(PortalSession, Account.email, Person.first_name, Person.last_name)
        .join(Account, Account.id == PortalSession.account_id)
        .join(Person, Person.id == Account.person_id)
        .where(
            PortalSession.ended_at.is_(None),
            PortalSession.seen_at >= since,
            PortalSession.method != "watch",
        )
        .order_by(PortalSession.brand, PortalSession.seen_at.desc())
    ).all()
    return [
        {
            "space": row.PortalSession.brand.value,
            "key": row.PortalSession.token_hash,
            "name": f"{row.first_name} {row.last_name}",
            "detail": row.email,
            "method": row.PortalSession.method,
            "since": row.PortalSession.created_at,
            "seen": row.PortalSession.seen_at,
            "path": row.PortalSession.last_path,
        }
        for row in rows
    ]


def tool_sessions(db: Session, wall: datetime, idle_minutes: int) -> list[dict]:
    """Tool users whose page moved within the idle time (wall clock), newest first."""
    since = wall - timedelta(minutes=idle_minutes)
    rows = db.scalars(
        select(ToolSeen)
        .where(ToolSeen.seen_at >= since)
        .order_by(ToolSeen.space, ToolSeen.seen_at.desc())
    ).all()
    return [
        {
            "space": r.space,
            "key": str(r.subject_id),
            "name": r.label,
            "detail": "",
            "method": "",
            "since": None,
            "seen": r.seen_at,
            "path": r.last_path,
        }
        for r in rows
    ]


@console.get("/signed-in")
def signed_in_page():
    db = get_session()
    idle = current_app.extensions["auth_settings"].session_idle_minutes
    found = open_sessions(db, clock_now(db), idle) + tool_sessions(db, wall_now(), idle)
    spaces = [
        (segment, name, [s for s in found if s["space"] == segment])
        for segment, name in space_names().items()
    ]
    return render_template("sim/signed_in.html", spaces=spaces)
