"""Cards of the virtual eID reader, read from `eid_cards.toml` (RG-1).

Only cards that are not simply valid are listed (for the demo: Luc Martens's expired
card); everybody else's card is valid.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import EidCard, Person

PATH = Path(__file__).with_name("eid_cards.toml")
MAX_WRONG_PINS = 3


def load_definitions(path: Path = PATH) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("cards", [])


def _national_number(session: Session, raw: dict) -> str:
    """The one national number of the person named by the entry."""
    name = f"{raw['first_name']} {raw['last_name']}"
    numbers = set(
        session.scalars(
            select(Person.national_number).where(
                Person.first_name == raw["first_name"], Person.last_name == raw["last_name"]
            )
        )
    )
    if len(numbers) != 1:
        raise ValueError(f"eid_cards.toml: {name} matches {len(numbers)} national numbers, not 1")
    return numbers.pop()


def _card_fields(raw: dict) -> dict:
    name = f"{raw['first_name']} {raw['last_name']}"
    valid_until = raw["valid_until"]
    wrong_pins = int(raw.get("wrong_pins", 0))
    if not isinstance(valid_until, date):
        raise ValueError(f"eid_cards.toml: {name}: valid_until must be a date (YYYY-MM-DD)")
    if not 0 <= wrong_pins < MAX_WRONG_PINS:
        raise ValueError(f"eid_cards.toml: {name}: wrong_pins must be 0 to {MAX_WRONG_PINS - 1}")
    return {
        "valid_until": valid_until,
        "wrong_pins": wrong_pins,
        "blocked": bool(raw.get("blocked", False)),
    }


def seed_eid_cards(session: Session, path: Path = PATH) -> list[EidCard]:
    """Add or reset the listed cards (after the personas are added; the caller commits).

    Running it twice leaves the same cards."""
    made = []
    for raw in load_definitions(path):
        number = _national_number(session, raw)
        fields = _card_fields(raw)
        card = session.get(EidCard, number)
        if card is None:
            card = EidCard(national_number=number, **fields)
            session.add(card)
        else:
            for key, value in fields.items():
                setattr(card, key, value)
        made.append(card)
    session.flush()
    return made
