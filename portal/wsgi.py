"""WSGI entry point for gunicorn: `gunicorn -w 2 -b 127.0.0.1:8000 portal.wsgi:app`.

Run `portal-sim db upgrade` once before starting the workers: they share one database
(clock, outbox, codes, attempt counters, sessions), so they behave as one simulator.
A configuration that cannot start (instance folder, secret key) ends the worker with
one line saying what to do, as the `portal-sim` commands do, never a traceback.
Once built, the worker's heap is settled (portal/heap.py).
"""

import sys

from portal import heap
from portal.app import create_app
from portal.config import StartupError

try:
    app = create_app()
except StartupError as exc:
    sys.exit(f"Error: {exc}")
heap.settle()  # issue 12: start-up's objects out of the collector's way
