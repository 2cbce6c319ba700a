"""URL converters. `int` is bounded to what an id column holds (a 32-bit integer on
PostgreSQL, and what SQLite can bind), so `/documents/99999999999999999999.pdf`
answers 404 instead of failing in the database driver: every `<int:...>` of every
rule is covered by registering it once (`init_app`). Likewise a path segment never
holds a control character: `/contracts/5436548%00` answers 404 before any query (a NUL
byte would reach PostgreSQL, which refuses it). `<brand:name>` is a brand space: one of
the brands that have a profile when the application starts (BR-1)."""

from __future__ import annotations

import re

from flask import Flask
from werkzeug.routing import BaseConverter, IntegerConverter, UnicodeConverter

from models.brands import PROFILES
from models.enums import Brand

LARGEST_ID = 2**31 - 1


class BoundedInt(IntegerConverter):
    """`<int:name>`: digits only, from 0 to LARGEST_ID unless the rule says otherwise."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)


class PrintableString(UnicodeConverter):
    """`<name>` and `<string:name>`: one path segment without control characters."""

    def __init__(self, map, *args, **kwargs) -> None:
        super().__init__(map, *args, **kwargs)
        self.regex = self.regex.replace("[^/]", "[^/\\x00-\\x1f\\x7f]", 1)


class BrandSpace(BaseConverter):
    """`<brand:name>`: the URL segment of a brand with a profile, as that brand."""

    part_isolating = True

    def __init__(self, map, *args, **kwargs) -> None:
        super().__init__(map, *args, **kwargs)
        self.regex = "|".join(re.escape(segment) for segment in sorted(PROFILES))

    def to_python(self, value: str) -> Brand:
        return PROFILES[value].brand


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedInt
    app.url_map.converters["default"] = PrintableString
    app.url_map.converters["string"] = PrintableString
    app.url_map.converters["brand"] = BrandSpace
