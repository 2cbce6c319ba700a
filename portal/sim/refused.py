"""A refused console action: the domain error as a flash in the trainer's language, its
code in brackets (portal.sim.refusal_texts), back to the page it came from, and the
request's transaction rolled back (portal.transaction). The JSON API keeps the error's
English message (portal.errors)."""

from __future__ import annotations

from flask import flash, redirect
from werkzeug.wrappers import Response

from portal.backoffice.errors import DomainError
from portal.sim.console_i18n import console_gettext, console_lang
from portal.sim.refusal_texts import refusal_text
from portal.transaction import abandon


def refused(exc: DomainError, back: str) -> Response:
    """Nothing the refused action did is kept; the tester reads why, with its code. In
    English the back office's own message, which names the status or action at stake;
    in French and Dutch the code's text."""
    abandon()
    if console_lang() == "en":
        flash(f"{exc.message} ({exc.code})", "error")
    else:
        flash(refusal_text(exc, console_gettext), "error")
    return redirect(back)
