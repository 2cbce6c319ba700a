"""Thin views: parse the request, call the rules, render."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from portal.views import context, customer, public

    context.init_app(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(customer.bp)
