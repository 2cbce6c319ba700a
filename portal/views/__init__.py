"""Thin views: parse the request, call the rules and flows, render."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from portal.sim import (  # noqa: F401  (routes attach on import)
        api_views,
        blueprints,
        broker_views,
        customers_api,
        desk_views,
        openapi,
        views,
    )
    from portal.views import auth, context, customer, eid, itsme, password, profile, public

    context.init_app(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(customer.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(password.bp)
    app.register_blueprint(profile.bp)
    app.register_blueprint(itsme.bp)
    app.register_blueprint(itsme.stub)
    app.register_blueprint(eid.bp)
    app.register_blueprint(blueprints.console)
    app.register_blueprint(blueprints.api)
    app.extensions["csrf"].exempt(blueprints.api)
