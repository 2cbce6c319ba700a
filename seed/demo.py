"""Load the demo dataset into a database session."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Base, Person
from seed.eid_cards import seed_eid_cards
from seed.personas import Persona, seed_personas


def is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Person)) == 0


def clear(session: Session) -> None:
    """Delete every row of every table, children first, and forget the loaded objects."""
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(table.delete())
    session.expunge_all()


def load_demo(session: Session, reset: bool = False) -> list[Persona]:
    """Seed the personas (after emptying the database when `reset`) and commit."""
    if reset:
        clear(session)
    personas = seed_personas(session)
    session.flush()
    seed_eid_cards(session)
    session.commit()
    return personas
