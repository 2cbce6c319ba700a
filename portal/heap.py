"""The heap of a serving process, settled once the app is built (issue 12).

A built app holds about 200,000 objects the garbage collector tracks (Flask, SQLAlchemy's
mappers, Jinja, Babel, the routes). CPython's oldest generation is collected now and
then by walking all of them: measured here, 145 to 155 ms per collection, once every
300 or so console outbox pages. A worker that stops for 150 ms holds every request
queued behind it, and that was most of the outbox's p99 (86 ms against a p50 of 15 ms).

`settle` moves what exists at start-up into the permanent generation (`gc.freeze`), so
later collections walk only what requests created: under 3 ms measured. It also lets
more objects be allocated before a young collection: a page of 50 outbox messages holds
about a thousand live objects while it renders, and the default threshold of 700 made
the collector walk them twice per request (0.36 ms of the page's 4 ms) for nothing.

Only the serving entry points call it (`portal.wsgi`, `portal-sim run`): the tests and
the command-line tools keep the interpreter's defaults.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 5_000  # objects allocated (less those freed) before a young collection


def settle() -> None:
    """Collect what start-up left as garbage, freeze the rest, raise the young threshold."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
