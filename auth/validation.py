"""Parsers of what customers type: email, Belgian mobile number, date of birth,
contract number, password. Each returns a clean value or raises a named refusal."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from auth.errors import InvalidEmail, InvalidMobile, WeakPassword

EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def parse_email(raw: str) -> str:
    """A plausible address, without surrounding spaces; at most 254 characters. Spaces
    inside are refused, never silently dropped: "' OR '1'='1' --@example.be" is no
    address, and "'OR'1'='1'--@example.be" is not what the customer typed."""
    address = (raw or "").strip()
    if len(address) > 254 or not EMAIL.match(address):
        raise InvalidEmail()
    return address


def parse_mobile(raw: str) -> str:
    """A Belgian mobile number in E.164 form (+324...)."""
    text = (raw or "")[:40]
    try:
        number = phonenumbers.parse(text, "BE")
    except phonenumbers.NumberParseException as exc:
        raise InvalidMobile() from exc
    if (
        number.country_code != 32
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
    ):
        raise InvalidMobile()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_password(password: str, min_length: int) -> str:
    """Long enough, not absurdly long; any characters allowed (NIST SP 800-63B)."""
    if password is None or not (min_length <= len(password) <= 128):
        raise WeakPassword()
    return password


def normalise_contract_number(raw: str) -> str:
    """Digits and letters only, as printed on a policy (spaces, dots, slashes dropped)."""
    return "".join(ch for ch in (raw or "")[:40] if ch.isalnum()).upper()


def mask_mobile(mobile: str) -> str:
    """+32 4xx xx xx 56 -> "+32 ••• •• •• 56", to show where a code was sent."""
    return f"{mobile[:3]} ••• •• •• {mobile[-2:]}" if len(mobile) > 5 else "•••"


def has_control_characters(text: str, allowed: str = "") -> bool:
    """Whether `text` holds a control character (NUL included) other than `allowed`:
    such text is refused before it reaches the database (PostgreSQL refuses NUL)."""
    return any(unicodedata.category(ch)[0] == "C" and ch not in allowed for ch in text)


def without_controls(raw: str | None, limit: int) -> str:
    """Typed search text without control characters, trimmed and capped at `limit`."""
    text = "".join(ch for ch in (raw or "")[: limit * 4] if unicodedata.category(ch)[0] != "C")
    return text.strip()[:limit]
