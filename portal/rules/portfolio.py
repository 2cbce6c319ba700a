"""What an intermediary's tool works out from a customer's contracts (BK-2, BK-3).

Pure functions: no I/O; the contracts are plain objects with `status`, `line` and
`intermediary_id`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.enums import ContractStatus, Line


@dataclass(frozen=True)
class PolicyCounts:
    life: int
    non_life: int


def active_policy_counts(contracts: Iterable) -> PolicyCounts:
    """Connect 360's "active life / non-life policies" of an account: active contracts
    only, an ended or suspended one counts in neither."""
    active = [c for c in contracts if c.status == ContractStatus.ACTIVE]
    life = sum(1 for c in active if c.line == Line.LIFE)
    return PolicyCounts(life=life, non_life=len(active) - life)


def in_portfolio(contracts: Iterable, intermediary_id: int) -> list:
    """BK-3: the contracts the intermediary holds; BK-2 gives him no one else's."""
    return [c for c in contracts if c.intermediary_id == intermediary_id]


def normalise_plate(text: str) -> str:
    """A Belgian plate as the back office writes it: capitals, no space, dash or dot
    ("1-abc-234" -> "1ABC234")."""
    return "".join(ch for ch in text.upper() if ch.isalnum())
