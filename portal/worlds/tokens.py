"""World ids and world console tokens (issue 14, SECURITY.md: console token).

A world token names its world (`wt_<id>_<secret>`), so a token shown to another world is
recognised and refused without a database look-up; the registry keeps only its SHA-256.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

WORLD_ID = re.compile(r"[0-9a-f]{8}")
WORLD_TOKEN = re.compile(r"wt_([0-9a-f]{8})_[A-Za-z0-9_-]{32}")


def new_world_id() -> str:
    return secrets.token_hex(4)


def new_token(world_id: str) -> str:
    return f"wt_{world_id}_{secrets.token_urlsafe(24)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def world_of_token(token: str | None) -> str | None:
    """The world a world token belongs to; None for anything else (the instance token)."""
    match = WORLD_TOKEN.fullmatch(token or "")
    return match.group(1) if match else None


def token_fits(token: str | None, world_id: str, stored_hash: str) -> bool:
    """Whether `token` is the console token of world `world_id`."""
    if world_of_token(token) != world_id:
        return False
    return hmac.compare_digest(token_hash(token or ""), stored_hash)
