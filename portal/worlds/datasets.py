"""What a new world is filled with (issue 14): the demo personas, nothing, or customers
generated from a seed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from seed.bulk import seed_customers
from seed.demo import load_demo

DATASETS = ("demo", "empty", "generated")
MAX_SIZE = 5000


@dataclass(frozen=True)
class Dataset:
    name: str = "demo"
    seed: int | None = None
    size: int | None = None


def load_dataset(session: Session, dataset: Dataset) -> None:
    """Fill a freshly created world (the caller commits)."""
    if dataset.name == "demo":
        load_demo(session)
    elif dataset.name == "generated":
        seed_customers(session, dataset.size or 1, dataset.seed or 1)
