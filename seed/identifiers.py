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


#: A bank code python-stdnum knows (Belfius): a fictitious account there is a valid IBAN.
DEMO_BANK = 96


def belgian_iban(account: int, bank: int = DEMO_BANK) -> str:
    """A Belgian IBAN, compact: BE, two check digits (98 - the IBAN's mod 97), then the
    12-digit account: a 3-digit bank code, 7 digits and their check (mod 97, 97 for 0)."""
    if not 0 <= account <= 9_999_999:
        raise ValueError("account must have at most 7 digits")
    body = bank * 10_000_000 + account
    bban = f"{body:010d}{body % 97 or 97:02d}"
    # BE = 11 14, then 00 for the check digits, moved behind the BBAN
    check = 98 - int(f"{bban}111400") % 97
    return f"BE{check:02d}{bban}"
