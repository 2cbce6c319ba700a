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


def test_run_prints_the_urls_of_both_portals():
    urls = dict(cli._urls("0.0.0.0", 8080))
    assert urls["MyVivium (FR)"] == "http://127.0.0.1:8080/vivium/fr/"
    assert urls["MyP&V (NL)"] == "http://127.0.0.1:8080/pv/nl/"
    assert len(urls) == 5
