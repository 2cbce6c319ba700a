"""The broker's and agent's view of a customer: console pages and API routes (BK-1 to BK-3, PD-2)."""

from __future__ import annotations

from portal.sim.blueprints import api, console  # noqa: F401
