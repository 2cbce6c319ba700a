"""Activation and SMS codes as plain rules: making, hashing, and the state of a code at
a given time (RG-1, RG-2, RG-6)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from enum import StrEnum

# No I, O, 0 or 1: a code read from a letter is typed without confusion.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
ACTIVATION_LENGTH = 8


class CodeState(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    USED = "used"
    BLOCKED = "blocked"
    VOIDED = "voided"


def new_activation_code() -> str:
    """Eight characters from the operating system's secure random source."""
    return "".join(secrets.choice(ALPHABET) for _ in range(ACTIVATION_LENGTH))


def display_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise_code(raw: str) -> str:
    """What the customer typed, without spaces or dashes, in capitals (bounded length)."""
    return "".join(ch for ch in raw[:40] if ch.isalnum()).upper()


def hash_code(code: str, salt: str | None = None) -> str:
    """A salted SHA-256 of the code: the code itself is never stored."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()
    return f"{salt}${digest}"


def code_matches(code: str, stored: str) -> bool:
    salt, _, _digest = stored.partition("$")
    return hmac.compare_digest(hash_code(code, salt), stored)


def activation_code_state(code, now: datetime, max_attempts: int) -> CodeState:
    """RG-6: a code is usable once, until it expires, is replaced, or has been blocked
    by too many wrong tries."""
    if code.used_at is not None:
        return CodeState.USED
    if code.voided_at is not None:
        return CodeState.VOIDED
    if code.failed_attempts >= max_attempts:
        return CodeState.BLOCKED
    if now >= code.expires_at:
        return CodeState.EXPIRED
    return CodeState.VALID


def sms_challenge_state(challenge, now: datetime, max_attempts: int) -> CodeState:
    """RG-2: an SMS code is valid for a few minutes, once, with a few tries."""
    if challenge.used_at is not None:
        return CodeState.USED
    if challenge.failed_attempts >= max_attempts:
        return CodeState.BLOCKED
    if now >= challenge.expires_at:
        return CodeState.EXPIRED
    return CodeState.VALID
