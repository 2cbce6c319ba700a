"""Support desk of the brands' mailboxes: console pages and API routes (RG-5, DC-2, DC-3)."""

from __future__ import annotations

from portal.sim.blueprints import api, console  # noqa: F401
