"""What the application factory installs on the app, read alike by every front end (the
customer portals, the console, the intermediaries' tools), so that none of them imports
another to reach it."""

from __future__ import annotations

from flask import current_app

from auth.settings import AuthSettings
from models.catalogue import Catalogue


def catalogue() -> Catalogue:
    """The product catalogue loaded at start (PORTAL_CATALOGUE, or the default one)."""
    return current_app.extensions["catalogue"]


def auth_settings() -> AuthSettings:
    """The authentication rules of this instance (delays, limits, letter business days)."""
    return current_app.extensions["auth_settings"]
