"""WSGI entry point for gunicorn: `gunicorn -w 2 -b 127.0.0.1:8000 portal.wsgi:app`.

Run `portal-sim db upgrade` once before starting the workers: they share one database
(clock, outbox, codes, attempt counters, sessions), so they behave as one simulator.
"""

from portal.app import create_app

app = create_app()
