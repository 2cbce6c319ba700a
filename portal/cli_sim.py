"""`portal-sim reset | clock | outbox | personas`: the console's controls on the command
line, on the same database as the server."""

from __future__ import annotations

import json
import re
import time
from contextlib import contextmanager
from datetime import datetime

import click

from models.brands import brand_values
from models.sim import clock_now
from portal.migrate import open_app
from portal.sim import control
from portal.sim.outbox import REVEAL_UNDELIVERED, OutboxFilter, list_messages
from portal.sim.personas import persona_cards
from portal.sim.serializers import as_json
from portal.transaction import command_transaction


@contextmanager
def database():
    """One transaction for the command: committed when it ends, rolled back when it fails
    (portal.transaction)."""
    app = open_app()
    try:
        with command_transaction(app) as session:
            session.info["auth_settings"] = app.extensions["auth_settings"]
            yield session
    finally:
        app.extensions["db_engine"].dispose()


@click.command()
@click.option(
    "--empty", is_flag=True, help="Leave the simulator empty instead of loading the personas."
)
def reset(empty: bool) -> None:
    """Back to the demo personas (or empty): accounts, outbox, clock and faults go."""
    with database() as db:
        count = control.reset(db, "empty" if empty else "demo")
    click.echo("Simulator emptied." if empty else f"Simulator reset: {count} personas loaded.")


@click.command()
@click.option("--advance", "advance_", default=None, help="Move the clock: 3d, 12h, 1d6h.")
@click.option("--set", "set_", default=None, help="Set the clock to an ISO date and time.")
@click.option("--frozen/--running", default=False, help="With --set: stop the clock there.")
@click.option("--deliver", is_flag=True, help="Deliver every letter (SMS, email) in transit now.")
@click.option("--next-event", is_flag=True, help="Move the clock to the next scheduled event.")
def clock(
    advance_: str | None, set_: str | None, frozen: bool, deliver: bool, next_event: bool
) -> None:
    """Show or move the simulated clock."""
    with database() as db:
        try:
            if set_:
                control.put_clock(db, datetime.fromisoformat(set_).replace(tzinfo=None), frozen)
            if advance_:
                control.move_clock(db, **parse_duration(advance_))
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
        event = control.advance_to_next_event(db, db.info["auth_settings"]) if next_event else None
        delivered = control.deliver_all_letters(db) if deliver else None
        db.flush()
        click.echo(f"Simulated time: {clock_now(db):%A %d/%m/%Y %H:%M}")
        if next_event:
            click.echo(f"Next event: {event.what}." if event else "No scheduled event.")
        if delivered is not None:
            click.echo(f"{delivered} message(s) delivered.")


def parse_duration(text: str) -> dict:
    """Read "3d", "12h" or "1d6h" as days and hours; negative values move back."""
    parts = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?d)?\s*(-?\d+(?:\.\d+)?h)?\s*", text or "")
    if not parts or not any(parts.groups()):
        raise ValueError(f"cannot read the duration {text!r}: use for instance 3d, 12h or 1d6h")
    days, hours = parts.groups()
    return {"days": float(days[:-1]) if days else 0, "hours": float(hours[:-1]) if hours else 0}


@click.command()
@click.option("--brand", type=click.Choice(brand_values()))
@click.option("--channel", type=click.Choice(["letter", "sms", "email"]))
@click.option("--recipient")
@click.option("--kind")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--json", "as_json_", is_flag=True, help="One JSON object per line.")
@click.option("--follow", is_flag=True, help="Keep printing new messages (Ctrl+C to stop).")
@click.option(
    "--reveal-undelivered",
    is_flag=True,
    help="Also print the codes and content of messages not delivered (breaks realism).",
)
def outbox(brand, channel, recipient, kind, limit, as_json_, follow, reveal_undelivered) -> None:
    """Print the newest messages of the outbox; a code only once its message is
    delivered (--follow prints a message again when its status changes)."""
    args = {
        "brand": brand,
        "channel": channel,
        "recipient": recipient,
        "kind": kind,
        "limit": limit,
        "reveal": REVEAL_UNDELIVERED if reveal_undelivered else None,
    }
    try:
        f = OutboxFilter.parse({k: v for k, v in args.items() if v})
    except ValueError as exc:
        raise click.BadParameter(f"invalid value for --{exc}") from exc
    if f.reveal:
        click.echo("Realism broken: codes of messages not delivered are shown.", err=True)
    printed: dict[int, str] = {}
    with database() as db:
        while True:
            now = clock_now(db)
            for m in reversed(list_messages(db, f)):
                status = m.status(now).value
                if printed.get(m.id) == status:
                    continue
                printed[m.id] = status
                data = as_json(m, now, f.reveal)
                click.echo(json.dumps(data, ensure_ascii=False) if as_json_ else line(data))
            if not follow:
                return
            db.expire_all()
            db.rollback()
            time.sleep(1)


def line(m: dict) -> str:
    """One message as a line: its code only when it may be read."""
    when = datetime.fromisoformat(m["expected_at"])
    state = {"in_transit": f"arrives {when:%d/%m %H:%M}"}.get(m["status"], m["status"])
    if m["revealed"]:
        state += ", revealed"
    posted = datetime.fromisoformat(m["posted_at"])
    return (
        f"#{m['id']} {posted:%d/%m %H:%M} {m['brand']:<6} {m['channel']:<6} {m['kind']:<20} "
        f"{m['recipient'][:40]:<40} code={m['code'] or '-'} ({state})"
    )


@click.command()
@click.option("--json", "as_json_", is_flag=True)
def personas(as_json_: bool) -> None:
    """The personas with their identifiers."""
    with database() as db:
        cards = persona_cards(db)
    if as_json_:
        click.echo(json.dumps(cards, ensure_ascii=False, indent=2))
        return
    for c in cards:
        contracts = ", ".join(f"{x['brand']}:{x['number']}" for x in c["contracts"])
        click.echo(
            f"{c['key']:<12} {c['name']:<22} NN {c['national_number']} born {c['birth_date']}  {contracts}"
        )
