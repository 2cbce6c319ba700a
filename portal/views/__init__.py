"""Thin views: parse the request, call the rules and flows, render."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from portal import insurgate, intermediary, s2page
    from portal.sim import (  # noqa: F401  (routes attach on import)
        api_views,
        blueprints,
        broker_views,
        customers_api,
        desk_views,
        insurgate_api,
        intermediaries_api,
        openapi,
        s2pack_api,
        s2pack_console,
        vconnect_auto_api,
        vconnect_auto_console,
        views,
        worlds_api,
        worlds_console,
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
    app.register_blueprint(insurgate.bp)
    app.register_blueprint(s2page.bp)  # the personal VIVIUM S² page (S2-1)
    intermediary.init_app(app)  # Connect 360 and V-Connect (BK-1 to BK-3)
    app.register_blueprint(blueprints.console)
    app.register_blueprint(blueprints.api)
    app.extensions["csrf"].exempt(blueprints.api)
