"""URL converters. `int` is bounded to what an id column holds (a 32-bit integer on
PostgreSQL, and what SQLite can bind), so `/documents/99999999999999999999.pdf`
answers 404 instead of failing in the database driver: every `<int:...>` of every
rule is covered by registering it once (`init_app`)."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

LARGEST_ID = 2**31 - 1


class BoundedInt(IntegerConverter):
    """`<int:name>`: digits only, from 0 to LARGEST_ID unless the rule says otherwise."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedInt
