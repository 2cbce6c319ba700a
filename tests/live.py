"""The app served by Werkzeug's development server on a free loopback port, for the
tests that need a real HTTP server (Chromium, the check command, the acceptance run).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from werkzeug.serving import make_server


def buffered(app):
    """The app with each response read whole and closed before the server writes it.

    Werkzeug's development server does not close a response when the client hangs up
    in the middle of it (a navigation that cancels a stylesheet): the open static file
    then surfaces later as a ResourceWarning in whatever test runs, an error under the
    suite's warning filter. With the body already in memory there is nothing left open.
    No page of the portal streams, so nothing a test sees changes.
    """

    def wsgi(environ, start_response):
        iterable = app(environ, start_response)
        try:
            return [b"".join(iterable)]
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()

    return wsgi


@contextmanager
def serving(app) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 in a thread; yield its base URL; stop it after."""
    server = make_server("127.0.0.1", 0, buffered(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
