"""Belgian identifiers built from their definition (checked with python-stdnum in tests)."""

from __future__ import annotations

from datetime import date


def national_number(birth: date, serial: int) -> str:
    """The 11-digit national register number: YYMMDD, a serial (odd for men, even for
    women), and a check number 97 - (n mod 97), where n gets a leading 2 for births
    from 2000 on."""
    if not 1 <= serial <= 998:
        raise ValueError("serial must be between 1 and 998")
    year = birth.year
    base = (year % 100 * 10_000 + birth.month * 100 + birth.day) * 1000 + serial
    # computed, not formatted and parsed: seeding builds one per customer
    number = base + 2_000_000_000 if year >= 2000 else base
    return f"{base:09d}{97 - number % 97:02d}"


def serial_for(sex: str, n: int) -> int:
    """A serial that is odd for "M" and even for "F", from any small integer."""
    serial = (n % 498) * 2 + 1
    return serial if sex == "M" else serial + 1
