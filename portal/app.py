"""The application factory: both brand portals over one back-office database."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from auth import login as auth_login
from auth import sessions as auth_sessions
from auth.settings import AuthSettings
from models.catalogue import default_catalogue, load_catalogue
from portal import converters, db, errors, hosts, i18n, security, transaction, worlds
from portal.config import defaults
from portal.sim import access as sim_access

ROOT = Path(__file__).resolve().parent.parent


def template_folder() -> Path:
    """templates/ of the source tree, or its copy inside an installed wheel."""
    source = ROOT / "templates"
    return source if source.is_dir() else Path(__file__).resolve().parent / "templates"


#: Most answers `PortalFlask.ensure_sync` keeps before it starts again (the hooks and
#: views are a few dozen; a request's own `after_this_request` callbacks come and go).
SYNC_CACHE_SIZE = 512


class PortalFlask(Flask):
    """Flask, with `ensure_sync`'s answer kept per function.

    Flask asks `inspect.iscoroutinefunction` about every hook, context processor and view
    it runs, about twenty times per page and five Python calls each (issue 12); the
    answer for a given function never changes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._synced: dict = {}

    def ensure_sync(self, func):
        try:
            return self._synced[func]
        except KeyError:
            pass
        except TypeError:  # an unhashable callable: asked every time, as Flask does
            return super().ensure_sync(func)
        if len(self._synced) >= SYNC_CACHE_SIZE:
            self._synced.clear()
        synced = self._synced[func] = super().ensure_sync(func)
        return synced


def create_app(overrides: dict | None = None) -> Flask:
    app = PortalFlask(
        __name__,
        template_folder=str(template_folder()),
        static_folder="static",
        instance_relative_config=True,
    )
    overrides = dict(overrides or {})
    instance = overrides.pop("INSTANCE_PATH", None) or os.environ.get("INSTANCE_PATH")
    if instance:
        app.instance_path = instance
    app.config.from_mapping(defaults(app.instance_path, overrides))
    app.config.from_mapping(overrides)
    path = app.config.get("PORTAL_CATALOGUE")
    app.extensions["catalogue"] = load_catalogue(path) if path else default_catalogue()

    app.extensions["auth_settings"] = AuthSettings.from_config(app.config)
    transaction.init_app(app)  # first: its after_request commit runs after all others
    converters.init_app(app)
    hosts.init_app(app)  # first: a foreign Host (DNS rebinding) is refused before anything
    sim_access.init_app(app)  # SIM_STUBS, console sign-in, tokens masked in access logs
    CSRFProtect(app)  # registers itself as app.extensions["csrf"]
    db.init_app(app)
    worlds.init_app(app)  # /w/<id>/... : the request's world, before anything reads data
    i18n.init_app(app)
    auth_sessions.init_app(app)
    security.init_app(app)
    auth_login.init_app(app, db.get_session)
    errors.init_app(app)

    from portal.views import register

    register(app)
    return app
