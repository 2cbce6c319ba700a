"""Dates that depend on today, worked out when shown from the simulated clock's today,
never stored: a contract's next renewal (CT-3). Pure: callers pass `today`."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from models.calendar import next_renewal
from models.enums import ContractStatus


class RenewingContract(Protocol):
    status: ContractStatus
    start_date: date
    renewal_date: date | None


def renewal_date(contract: RenewingContract, today: date) -> date | None:
    """CT-3: the next renewal date of an active contract (`models.calendar.next_renewal`:
    the day and month of its stored renewal date, else of its start, after `today`); an
    ended contract does not renew."""
    if contract.status != ContractStatus.ACTIVE:
        return None
    return next_renewal(contract.start_date, contract.renewal_date, today)
