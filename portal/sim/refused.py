"""A refused console action: the domain error as a flash, back to the page it came from,
and the request's transaction rolled back (portal.transaction)."""

from __future__ import annotations

from flask import flash, redirect
from werkzeug.wrappers import Response

from portal.backoffice.errors import DomainError
from portal.transaction import abandon


def refused(exc: DomainError, back: str) -> Response:
    """Nothing the refused action did is kept; the tester reads why, with its code."""
    abandon()
    flash(f"{exc.message} ({exc.code})", "error")
    return redirect(back)
