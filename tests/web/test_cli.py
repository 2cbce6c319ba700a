"""The `portal-sim` command: seeding the personas, the URLs it prints."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from portal import cli


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("SECRET_KEY", "cli")
    return tmp_path


def test_seed_loads_the_personas_into_an_empty_database(env):
    result = CliRunner().invoke(cli.main, ["seed"])
    assert result.exit_code == 0, result.output
    assert "Louise Peeters" in result.output and "Nathalie Dupont" in result.output


def test_seed_refuses_a_database_that_has_data_unless_reset(env):
    runner = CliRunner()
    runner.invoke(cli.main, ["seed"])
    again = runner.invoke(cli.main, ["seed"])
    assert again.exit_code != 0 and "--reset" in again.output
    reset = runner.invoke(cli.main, ["seed", "--reset"])
    assert reset.exit_code == 0, reset.output


def test_run_prints_the_urls_of_both_portals_and_of_the_intermediaries_systems():
    urls = dict(cli._urls("0.0.0.0", 8080))
    assert urls["MyVivium (FR)"] == "http://127.0.0.1:8080/vivium/fr/"
    assert urls["MyP&V (NL)"] == "http://127.0.0.1:8080/pv/nl/"
    assert urls["Connect 360"] == "http://127.0.0.1:8080/connect360/fr/"
    assert urls["V-Connect"] == "http://127.0.0.1:8080/vconnect/fr/"
    assert urls["Insurgate"] == "http://127.0.0.1:8080/insurgate/fr/"
    assert urls["S² Pack page"] == "http://127.0.0.1:8080/s2/fr/"
    assert len(urls) == 9


def test_simulator_commands_reset_move_the_clock_and_print_the_outbox(env):
    runner = CliRunner()
    assert "8 personas" in runner.invoke(cli.main, ["reset"]).output
    set_ = runner.invoke(cli.main, ["clock", "--set", "2026-11-23T09:00", "--frozen"])
    assert "23/11/2026 09:00" in set_.output, set_.output
    moved = runner.invoke(cli.main, ["clock", "--advance", "1d6h"])
    assert "24/11/2026 15:00" in moved.output
    bad = runner.invoke(cli.main, ["clock", "--advance", "soon"])
    assert bad.exit_code != 0 and "duration" in bad.output
    listing = runner.invoke(cli.main, ["personas"])
    assert "louise" in listing.output and "pv:5436548" in listing.output
    assert runner.invoke(cli.main, ["outbox"]).exit_code == 0
    assert "emptied" in runner.invoke(cli.main, ["reset", "--empty"]).output


def test_parse_duration_reads_days_and_hours():
    assert cli.cli_sim.parse_duration("3d") == {"days": 3, "hours": 0}
    assert cli.cli_sim.parse_duration("1d6h") == {"days": 1, "hours": 6}
    with pytest.raises(ValueError):
        cli.cli_sim.parse_duration("")


def test_outbox_prints_a_code_only_once_delivered_or_with_reveal_and_clock_goes_to_next_event(
    env,
):
    """RG-6: `portal-sim outbox` is the letterbox: a letter in transit shows no code,
    `--reveal-undelivered` shows it and says realism is broken; `clock --next-event`
    moves to its delivery."""
    import json
    from datetime import datetime

    from models import Brand, Channel, Language, OutboxMessage

    runner = CliRunner()
    runner.invoke(cli.main, ["reset"])
    runner.invoke(cli.main, ["clock", "--set", "2026-11-23T09:00", "--frozen"])
    with cli.cli_sim.database() as db:
        db.add(
            OutboxMessage(
                brand=Brand.PV,
                channel=Channel.LETTER,
                kind="activation_letter",
                language=Language.NL,
                recipient="Louise Peeters, Kerkstraat 12, 2000 Antwerpen",
                subject="Uw activeringscode",
                body="Uw code: ABCD-EFGH",
                code="ABCD-EFGH",
                posted_at=datetime(2026, 11, 23, 9, 0),
                deliver_at=datetime(2026, 11, 25, 8, 0),
                lost=False,
            )
        )
        db.commit()
    sealed = runner.invoke(cli.main, ["outbox"])
    assert "code=- (arrives 25/11 08:00)" in sealed.output, sealed.output
    revealed = runner.invoke(cli.main, ["outbox", "--reveal-undelivered"])
    assert "code=ABCD-EFGH (arrives 25/11 08:00, revealed)" in revealed.output
    assert "Realism broken" in revealed.output
    moved = runner.invoke(cli.main, ["clock", "--next-event"])
    assert "25/11/2026 08:00" in moved.output and "Next event: activation_letter" in moved.output
    (line,) = runner.invoke(cli.main, ["outbox", "--json"]).output.splitlines()
    message = json.loads(line)
    assert (message["status"], message["code"]) == ("delivered", "ABCD-EFGH")
    assert "No scheduled event" in runner.invoke(cli.main, ["clock", "--next-event"]).output
