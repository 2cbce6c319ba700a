"""`portal-sim seed` (demo personas, or N generated customers) and `portal-sim export`
(the login-relevant facts of the customers, as CSV or JSON), on the configured
database (DATABASE_URL), its schema upgraded first like the other commands."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import click
from sqlalchemy.orm import Session

from portal.migrate import open_app
from portal.transaction import command_transaction
from seed.belgium import AS_OF_RANGE, REFERENCE_DATE
from seed.bulk import Summary, seed_customers
from seed.demo import clear, is_empty, load_demo
from seed.export import customer_facts, write_csv, write_json
from seed.export_insurgate import write_insurgate_json
from seed.generator import BRANDS, Options, parse_mix

LANGUAGES = ("fr", "nl")


@contextmanager
def database() -> Iterator[Session]:
    """One transaction for the command (portal.transaction); bulk seeding commits its
    batches itself."""
    app = open_app()  # the configured application, its schema brought up to date
    try:
        with command_transaction(app) as session:
            yield session
    finally:
        app.extensions["db_engine"].dispose()


def _mix(allowed: tuple[str, ...]):
    def parse(_ctx, param, value):
        try:
            return parse_mix(value, allowed)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param=param) from exc

    return parse


def _as_of(_ctx, param, value: datetime | None) -> date | None:
    """--as-of YYYY-MM-DD: the day generated dates count from, within AS_OF_RANGE."""
    if value is None:
        return None
    first, last = AS_OF_RANGE
    if not first <= value.date() <= last:
        raise click.BadParameter(f"must be between {first} and {last}", param=param)
    return value.date()


@click.command()
@click.option("--reset", is_flag=True, help="Empty the database first.")
@click.option("--append", is_flag=True, help="Add the customers after the existing data.")
@click.option(
    "--customers", type=click.IntRange(min=1), help="Generate N customers instead of the personas."
)
@click.option("--seed", "seed_", type=int, default=1, show_default=True, help="Random seed.")
@click.option("--brand-mix", callback=_mix(BRANDS), help="Shares of the brands: vivium=0.5,pv=0.5.")
@click.option(
    "--language-mix", callback=_mix(LANGUAGES), help="Shares of the languages: fr=0.4,nl=0.6."
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    callback=_as_of,
    help=f"The day generated dates count from (YYYY-MM-DD; default {REFERENCE_DATE}): "
    "contracts start by then, renew after it. Never the machine's date.",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=2000, hidden=True)
def seed(reset, append, customers, seed_, brand_mix, language_mix, as_of, batch_size) -> None:
    """Load the demo personas, or generate --customers N fake Belgian customers."""
    if reset and append:
        raise click.UsageError("--reset and --append exclude each other.")
    if customers is None and (append or brand_mix or language_mix or as_of):
        raise click.UsageError(
            "--append, --brand-mix, --language-mix and --as-of need --customers "
            "(the personas' dates are fixed)."
        )
    with database() as session:
        if not reset and not append and not is_empty(session):
            hint = " or --append to add to it" if customers else ""
            raise click.ClickException(
                f"The database is not empty: use --reset to replace its data{hint}."
            )
        if customers is None:
            personas = load_demo(session, reset=reset)
        else:
            if reset:
                clear(session)  # committed with the first batch of the bulk seeding
            options = Options(
                brand_mix=brand_mix or Options.brand_mix,
                language_mix=language_mix or Options.language_mix,
                as_of=as_of or REFERENCE_DATE,
            )
            summary = _generate(session, customers, seed_, options, batch_size)
    if customers is None:
        click.echo(f"Seeded {len(personas)} personas:")
        for p in personas:
            click.echo(f"  {p.key:<12} {p.name:<22} {p.national_number}")
    else:
        for line in summary_lines(summary):
            click.echo(line)


def _generate(session: Session, count: int, seed_: int, options: Options, size: int) -> Summary:
    """Seed with a progress bar on a terminal, silently otherwise."""
    if not sys.stdout.isatty():
        return seed_customers(
            session, count, seed_, options, batch_size=size, commit=True, bulk=True
        )
    with click.progressbar(length=count, label="Seeding customers") as bar:
        return seed_customers(
            session,
            count,
            seed_,
            options,
            batch_size=size,
            progress=bar.update,
            commit=True,
            bulk=True,
        )


def summary_lines(s: Summary) -> list[str]:
    """What a generation run made, for the terminal."""
    lines = [
        f"Seeded {s.customers:,} customers in {s.seconds:.1f} s "
        f"({s.per_second:,.0f} customers/s, {s.rows / s.seconds if s.seconds else 0:,.0f} rows/s).",
        f"  people:        {s.people:,} records ({s.duplicates:,} customers recorded twice)",
        f"  professionals: {s.professionals:,}; with contracts of both brands: {s.both_brands:,}",
        f"  contracts:     {s.contracts:,} ({s.hidden:,} hidden by the portal)",
    ]
    for product, count in sorted(s.products.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"    {product:<24} {count:>10,}")
    lines.append(
        f"  life components: {s.components:,}; beneficiaries: {s.beneficiaries:,}; "
        f"documents: {s.documents:,}"
    )
    return lines


@click.command()
@click.option(
    "--format", "format_", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default: stdout).",
)
@click.option(
    "--insurgate",
    is_flag=True,
    help="Write the Insurgate offices (groups, users, integrations, quotes) as JSON instead.",
)
def export(format_: str, output: str | None, insurgate: bool) -> None:
    """Write every customer record's login facts: national number, birth date, language,
    contract numbers per brand, account e-mail addresses; or, with --insurgate, the
    Insurgate offices without any password hash (IG-1..IG-6)."""
    with database() as session, click.open_file(output or "-", "w", encoding="utf-8") as out:
        if insurgate:
            count = write_insurgate_json(session.connection(), out)
        else:
            rows = customer_facts(session.connection())
            count = write_json(rows, out) if format_ == "json" else write_csv(rows, out)
    if output:
        what = "Insurgate offices" if insurgate else "customer records"
        click.echo(f"Exported {count:,} {what} to {output}.")
