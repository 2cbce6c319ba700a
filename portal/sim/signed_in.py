"""Who is signed in now (issue 19): the customer portals' sessions of this world that
have neither ended nor gone idle on the simulated clock, per portal, for a trainer who
wants to see which trainees are in. (The intermediaries' tools keep their sign-in in
their cookie only, so they have nothing to list.)"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, render_template
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Account, Person
from models.brands import brand_values
from models.portal import PortalSession
from models.sim import clock_now
from portal.db import get_session
from portal.sim.blueprints import console


def open_sessions(db: Session, now: datetime, idle_minutes: int) -> list[dict]:
    """Sessions not ended and seen within the idle timeout, newest activity first."""
    since = now - timedelta(minutes=idle_minutes)
    rows = db.execute(
        select(PortalSession, Account.email, Person.first_name, Person.last_name)
        .join(Account, Account.id == PortalSession.account_id)
        .join(Person, Person.id == Account.person_id)
        .where(PortalSession.ended_at.is_(None), PortalSession.seen_at >= since)
        .order_by(PortalSession.brand, PortalSession.seen_at.desc())
    ).all()
    return [
        {
            "brand": row.PortalSession.brand.value,
            "name": f"{row.first_name} {row.last_name}",
            "email": row.email,
            "method": row.PortalSession.method,
            "since": row.PortalSession.created_at,
            "seen": row.PortalSession.seen_at,
        }
        for row in rows
    ]


@console.get("/signed-in")
def signed_in_page():
    db = get_session()
    rules = current_app.extensions["auth_settings"]
    found = open_sessions(db, clock_now(db), rules.session_idle_minutes)
    portals = [(brand, [s for s in found if s["brand"] == brand]) for brand in brand_values()]
    return render_template("sim/signed_in.html", portals=portals)
