"""The named demo personas, read from `personas.toml` (deterministic, no randomness).

Together they show every rule of the foundation (BR-1, CT-1 to CT-5, DC-1, DC-2) and
the registration failures of later flows (a person recorded twice, a customer with no
active contract of a brand).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from models import Brand, ContractStatus, DocumentKind, Language, Segment
from seed.build import add_contract, add_document, add_life_documents, add_person
from seed.intermediaries import seed_demo_intermediaries

PATH = Path(__file__).with_name("personas.toml")


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    demonstrates: str
    national_number: str


def _person_fields(raw: dict) -> dict:
    fields = dict(raw)
    fields["language"] = Language(fields.get("language", "fr"))
    fields["segment"] = Segment(fields.get("segment", "private"))
    return fields


def _contract_fields(raw: dict) -> dict:
    fields = {
        k: v
        for k, v in raw.items()
        if k not in ("holder", "product", "life_documents", "other_documents")
    }
    fields["brand"] = Brand(fields["brand"])
    fields["status"] = ContractStatus(fields.get("status", "active"))
    # CT-3: a persona renews on its own renewal day when personas.toml gives one, else on
    # its start's anniversary; the date shown is worked out from the simulated today.
    fields.setdefault("renewal_date", None)
    return fields


def load_definitions(path: Path = PATH) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["personas"]


def seed_personas(session: Session, path: Path = PATH) -> list[Persona]:
    """Add every persona to the session (the caller commits)."""
    made = []
    holders = seed_demo_intermediaries(session)  # BK-3: each contract in a portfolio
    for raw in load_definitions(path):
        people = [add_person(session, **_person_fields(p)) for p in raw["people"]]
        for c in raw.get("contracts", []):
            fields = _contract_fields(c)
            fields["intermediary"] = holders.get((raw["key"], fields["brand"]))
            contract = add_contract(session, people[c.get("holder", 0)], c["product"], **fields)
            if "life_documents" in c:
                add_life_documents(session, contract, c["life_documents"])
            for doc in c.get("other_documents", []):
                add_document(session, contract, DocumentKind(doc["kind"]), doc["year"])
        main = people[0]
        made.append(Persona(raw["key"], main.full_name, raw["demonstrates"], main.national_number))
    return made
