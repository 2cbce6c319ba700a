"""The `portal-sim` command: serve the portals, seed the demo data."""

from __future__ import annotations

import os

import click

from models.brands import PROFILES
from portal import cli_check, cli_seed, cli_sim, heap, migrate
from portal.app import create_app
from portal.cli_errors import PortalGroup, check_writable
from portal.transaction import command_transaction
from seed.demo import is_empty, load_demo


def _urls(host: str, port: int) -> list[tuple[str, str]]:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    base = f"http://{shown}:{port}"
    urls = [("Start page", f"{base}/")]
    for brand, profile in PROFILES.items():
        for lang in profile.languages:
            urls.append(
                (f"{profile.portal_name} ({lang.upper()})", f"{base}/{brand.value}/{lang}/")
            )
    for profile in PROFILES.values():  # the intermediaries' tools, FR/NL switch inside
        urls.append((profile.tool.name, f"{base}/{profile.tool.segment}/fr/"))
    urls += [("Insurgate", f"{base}/insurgate/fr/"), ("S² Pack page", f"{base}/s2/fr/")]
    return urls


@click.group(cls=PortalGroup)
def main() -> None:
    """Simulator of the MyVivium and MyP&V customer portals."""


@main.group()
def db() -> None:
    """The database schema (Alembic migrations)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Create or upgrade the schema; existing data are kept."""
    app = create_app()
    at = migrate.upgrade(app.extensions["db_engine"], revision)
    click.echo(f"Database at revision {at} ({app.config['DATABASE_URL'].split('@')[-1]})")


@db.command("current")
def db_current() -> None:
    """Print the schema revision of the database."""
    app = create_app()
    engine = app.extensions["db_engine"]
    click.echo(f"current: {migrate.current(engine)}  newest: {migrate.head(engine)}")


@main.command()
@click.option(
    "--host", default=lambda: os.environ.get("HOST", "127.0.0.1"), show_default="127.0.0.1 or $HOST"
)
@click.option(
    "--port",
    type=int,
    default=lambda: int(os.environ.get("PORT", "5000")),
    show_default="5000 or $PORT",
)
@click.option(
    "--no-seed", is_flag=True, help="Do not load the demo personas into an empty database."
)
def run(host: str, port: int, no_seed: bool) -> None:
    """Serve both portals; seed the demo personas first if the database is empty."""
    app = migrate.open_app()
    check_writable(app.extensions["db_engine"])
    with app.app_context():
        with command_transaction(app) as session:
            personas = load_demo(session) if not no_seed and is_empty(session) else None
        if personas is not None:
            click.echo(f"Seeded {len(personas)} demo personas into {app.config['DATABASE_URL']}")
    click.echo("Serving the portal simulator:")
    for label, url in _urls(host, port):
        click.echo(f"  {label:<18} {url}")
    console = _urls(host, port)[0][1] + "sim/"
    click.echo(f"  {'Console':<18} {console}")
    click.echo(f"  {'Trainer stories':<18} {console}stories")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"  Console token (needed from other machines): {app.config['SIM_TOKEN']}")
    app.config["SIM_LISTEN_HOST"] = host  # a Host name the portal answers (portal.hosts)
    heap.settle()  # issue 12: start-up's objects out of the collector's way
    app.run(host=host, port=port, threaded=True, use_reloader=False)


for _command in (
    cli_seed.seed,
    cli_seed.export,
    cli_sim.reset,
    cli_sim.clock,
    cli_sim.outbox,
    cli_sim.personas,
    cli_check.check,
):
    main.add_command(_command)
