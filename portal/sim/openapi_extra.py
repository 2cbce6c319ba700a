"""Path descriptions contributed by other API modules (support desk, broker views, ...)."""

from __future__ import annotations


def path_sets() -> list[dict]:
    sets = []
    try:
        from portal.sim.openapi_desk import PATHS as desk
    except ImportError:
        desk = {}
    sets.append(desk)
    return sets
