"""Who a verified identity is in one brand's back office (RG-5, BR-1)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from auth.errors import NoActiveContract, OtherBrandOnly, PersonDuplicated, PersonNotFound
from models.enums import Brand, ContractStatus


class ContractFacts(Protocol):
    brand: Brand
    status: ContractStatus


def match_person(records: Sequence, contracts_of: dict[int, Sequence[ContractFacts]], brand: Brand):
    """The one back-office record behind a national number, for `brand`.

    RG-5: not found, or found more than once, is refused with its own reason; so is a
    person with no active contract of this brand. BR-1: a person whose active contracts
    are all of other brands is sent to the portal of one of them.
    `records` are the people with that national number; `contracts_of` maps their ids to
    their contracts.
    """
    if not records:
        raise PersonNotFound()
    if len(records) > 1:
        raise PersonDuplicated()
    person = records[0]
    active = [c for c in contracts_of.get(person.id, ()) if c.status == ContractStatus.ACTIVE]
    if any(c.brand == brand for c in active):
        return person
    if active:
        raise OtherBrandOnly(active[0].brand)
    raise NoActiveContract()
