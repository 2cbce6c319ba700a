"""Checkers of the values a tester sends to the control API: each takes the JSON value
and returns the clean one, or raises `Refused` with a message in plain words (never
Python's own text). `field_of` puts the field's name in front."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import Any

Checker = Callable[[Any], Any]
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class Refused(ValueError):
    """A value the API does not take: `field` (dotted path) and a plain message."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field, self.message = field, message

    def within(self, prefix: str) -> Refused:
        if not self.field:
            return Refused(self.message, prefix)
        joint = "" if self.field.startswith("[") else "."
        return Refused(self.message, f"{prefix}{joint}{self.field}")


def clean_fields(values: Mapping[str, Any], checkers: Mapping[str, Checker],
                 nullable: Collection[str] = ()) -> dict[str, Any]:  # fmt: skip
    """Each known field checked; an unknown one refused. null leaves a field to the
    generator, except for the `nullable` ones, where it means "none"."""
    unknown = sorted(set(values) - set(checkers))
    if unknown:
        raise Refused(f"unknown field (accepted: {', '.join(sorted(checkers))})", unknown[0])
    out = {}
    for name, value in values.items():
        if value is None:
            if name in nullable:
                out[name] = None
            continue
        try:
            out[name] = checkers[name](value)
        except Refused as exc:
            raise exc.within(name) if exc.field else Refused(exc.message, name) from None
    return out


def text(max_length: int, pattern: str | None = None, hint: str = "") -> Checker:
    """A string of 1 to `max_length` characters, no control characters, trimmed."""
    shape = re.compile(pattern, re.ASCII) if pattern else None

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise Refused("must be a text")
        value = value.strip()
        if not value:
            raise Refused("must not be empty")
        if len(value) > max_length:
            raise Refused(f"at most {max_length} characters")
        if any(unicodedata.category(ch).startswith("C") for ch in value):
            raise Refused("must not contain control or invisible characters")
        if shape is not None and not shape.fullmatch(value):
            raise Refused(hint or "has not the expected form")
        return value

    return check


def choice(allowed: Collection[str]) -> Checker:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise Refused(f"must be one of {', '.join(sorted(allowed))}")
        return value

    return check


def integer(low: int, high: int) -> Checker:
    def check(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise Refused("must be a whole number")
        if not low <= value <= high:
            raise Refused(f"must be from {low} to {high}")
        return value

    return check


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Refused("must be true or false")
    return value


def iso_date(low: date, high: date) -> Checker:
    def check(value: Any) -> date:
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise Refused("must be a date written YYYY-MM-DD")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise Refused("is not a date of the calendar") from None
        if not low <= day <= high:
            raise Refused(f"must be from {low.isoformat()} to {high.isoformat()}")
        return day

    return check


def items(check_item: Checker, most: int) -> Checker:
    """A list of at most `most` values, each checked ("[i]" in the field's path)."""

    def check(value: Any) -> list:
        if not isinstance(value, list):
            raise Refused("must be a list")
        if len(value) > most:
            raise Refused(f"at most {most} entries")
        out = []
        for i, item in enumerate(value):
            try:
                out.append(check_item(item))
            except Refused as exc:
                field = f"[{i}].{exc.field}" if exc.field else f"[{i}]"
                raise Refused(exc.message, field) from None
        return out

    return check


def record(checkers: Mapping[str, Checker], required: Collection[str] = ()) -> Checker:
    """A JSON object with these fields, the `required` ones present."""

    def check(value: Any) -> dict:
        if not isinstance(value, dict):
            raise Refused("must be an object")
        for name in required:
            if value.get(name) is None:
                raise Refused("is required", name)
        return clean_fields(value, checkers)

    return check
