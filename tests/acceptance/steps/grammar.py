"""The words the steps share: who acts, in which portal, with which tool.

Step texts are `parse` patterns compiled case-sensitively with these types, so that a
step matches one definition only.
"""

from __future__ import annotations

from pytest_bdd import parsers

from tests.acceptance.support.world import PORTALS, TOOLS, PortalRef


def _who(text: str) -> str:
    return text


_who.pattern = r"she|he|they|a stranger|the stranger|[A-Z][A-Za-zÀ-ÿ'-]*(?: [A-Z][A-Za-zÀ-ÿ'-]+)?"  # type: ignore[attr-defined]


def _portal(text: str) -> PortalRef:
    name, _, lang = text.partition(" (")
    return PortalRef(PORTALS[name], lang.rstrip(")") or None)


_portal.pattern = r"(?:MyVivium|MyP&V)(?: \((?:fr|nl)\))?"  # type: ignore[attr-defined]


def _tool(text: str) -> str:
    return TOOLS[text]


_tool.pattern = r"V-Connect|Connect 360"  # type: ignore[attr-defined]


def _switch(text: str) -> bool:
    return text == "on"


_switch.pattern = r"on|off"  # type: ignore[attr-defined]


def _quoted(text: str) -> str:
    return text


_quoted.pattern = r'[^"]*'  # type: ignore[attr-defined]


def _channel(text: str) -> str:
    return text


_channel.pattern = r"email|letter|SMS"  # type: ignore[attr-defined]


def _times(text: str) -> int:
    return {"once": 1, "twice": 2}.get(text) or int(text.split(" ")[0])


_times.pattern = r"once|twice|\d+ times"  # type: ignore[attr-defined]


def _field(text: str) -> str:
    return {"mobile number": "mobile"}.get(text, text)


_field.pattern = r"email|password|mobile number"  # type: ignore[attr-defined]


def _which(text: str) -> int:
    return 0 if text == "first" else -1


_which.pattern = r"first|latest"  # type: ignore[attr-defined]

TYPES = {
    "Which": _which,
    "Field": _field,
    "Times": _times,
    "Q": _quoted,
    "Channel": _channel,
    "Who": _who,
    "Portal": _portal,
    "Tool": _tool,
    "Switch": _switch,
}


def p(text: str) -> parsers.parse:
    """A step pattern with the shared types, e.g. "{who:Who} opens {portal:Portal}"."""
    return parsers.parse(text, extra_types=TYPES, case_sensitive=True)
