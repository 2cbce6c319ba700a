"""The worlds card of the console home (issue 14): the worlds of the instance, a button
that makes a new one (its token shown once, on the page that answers) and one that
deletes a world. Inside a world the card names the world instead."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim.blueprints import console
from portal.sim.console_i18n import console_gettext as _
from portal.sim.worlds_api import urls
from portal.worlds import now, requested_world, service, storage
from portal.worlds.datasets import Dataset

CONSOLE_DATASETS = ("demo", "empty")


def worlds_card() -> dict:
    """What the card shows; read only when the dashboard includes the card."""
    if requested_world() is not None:
        return {"inside": requested_world(), "worlds": []}
    return {"inside": None, "worlds": service.listing(get_session(), storage(), now())}


@console.context_processor
def _worlds():
    return {"worlds_card": worlds_card}


@console.post("/worlds")
def world_create():
    if requested_world() is not None or not EmptyForm().validate_on_submit():
        abort(400 if requested_world() is None else 404)
    name = request.form.get("dataset", "demo")
    if name not in CONSOLE_DATASETS:
        abort(400)
    config = current_app.config
    try:
        created = service.create(get_session(), storage(), Dataset(name), now(),
                                 idle=config["WORLD_IDLE_SECONDS"], limit=config["WORLD_LIMIT"])  # fmt: skip
    except service.TooManyWorlds:
        flash(_("This instance holds as many worlds as it may: delete one first."), "error")
        return redirect(url_for("sim.dashboard"))
    page = render_template(
        "sim/world_created.html",
        world=created.world,
        token=created.token,
        urls=urls(created.world.id),
    )
    return page, 201


@console.post("/worlds/<world_id>/delete")
def world_delete_page(world_id: str):
    if requested_world() is not None or not EmptyForm().validate_on_submit():
        abort(400 if requested_world() is None else 404)
    try:
        service.delete(get_session(), storage(), world_id, now())
    except service.UnknownWorld:
        abort(404)
    flash(_("World %(world)s deleted.", world=world_id))
    return redirect(url_for("sim.dashboard"))
