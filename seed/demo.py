"""Load the demo dataset into a database session."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models import Person
from models.world import world_tables
from seed.eid_cards import seed_eid_cards
from seed.insurgate import seed_insurgate
from seed.personas import Persona, seed_personas
from seed.vconnect_auto import seed_vconnect_auto


def is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Person)) == 0


def clear(session: Session) -> None:
    """Delete every row of every table and forget the loaded objects.

    On PostgreSQL the id sequences restart too, so a reset gives the same ids as a fresh
    database (SQLite reuses ids of an emptied table by itself).
    """
    tables = world_tables()  # the registry of worlds stays (issue 14)
    for table in reversed(tables):
        session.execute(table.delete())
    if session.get_bind().dialect.name == "postgresql":
        for table in tables:
            if "id" in table.c and table.c.id.autoincrement is not False:
                session.execute(
                    text("SELECT setval(pg_get_serial_sequence(:t, 'id'), 1, false)"),
                    {"t": table.name},
                )
    session.expunge_all()


def load_demo(session: Session, reset: bool = False) -> list[Persona]:
    """Seed the personas (after emptying the database when `reset`) and the rest of the
    demo world (eID cards, Insurgate, V-Connect Auto quotes); returns the personas (the S²
    Pack customers, anchored to the simulated day, come from the console's S² page); the caller's unit of work commits."""
    if reset:
        clear(session)
    personas = seed_personas(session)
    session.flush()
    seed_eid_cards(session)
    seed_insurgate(session)
    seed_vconnect_auto(session)
    session.flush()
    return personas
