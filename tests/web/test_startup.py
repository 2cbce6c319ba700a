"""Starting the simulator (issue 10): a folder or database that stands in the way gets
one clear line and a non-zero exit, never a traceback; a lost secret key is never
silently replaced next to a database with data (RG-1: the itsme and eID pairwise
subjects derive from it); the instance's secrets and database are private files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner
from flask import Flask

from portal import cli
from portal.app import create_app


@pytest.fixture
def env(tmp_path, monkeypatch):
    """No secret, token or database in the environment; the instance in tmp_path."""
    for name in ("SECRET_KEY", "SIM_TOKEN", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setattr(Flask, "run", lambda *a, **k: pytest.fail("the server started"))
    return tmp_path


def one_clear_line(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for word in words:
        assert word in lines[0], lines[0]


def test_an_instance_folder_that_cannot_be_created_gets_one_clear_line(env, monkeypatch):
    (env / "blocker").write_text("a file where a folder should be")
    monkeypatch.setenv("INSTANCE_PATH", str(env / "blocker" / "instance"))
    for command in (["run"], ["seed"], ["personas"], ["db", "upgrade"]):
        one_clear_line(CliRunner().invoke(cli.main, command), "instance folder", "INSTANCE_PATH")


def test_a_read_only_database_gets_one_clear_line(env, monkeypatch):
    path = env / "ro.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("SECRET_KEY", "kept")
    assert CliRunner().invoke(cli.main, ["seed"]).exit_code == 0
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    one_clear_line(CliRunner().invoke(cli.main, ["run"]), "cannot be written", "write access")
    one_clear_line(CliRunner().invoke(cli.main, ["reset"]), "cannot be written")


def test_a_lost_secret_key_next_to_a_database_with_data_is_refused(env, monkeypatch):
    """RG-1: a new key would change every pairwise subject; restore it instead."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{env / 'kept.sqlite3'}")
    assert CliRunner().invoke(cli.main, ["seed"]).exit_code == 0
    key = (env / "instance" / "secret_key").read_text()
    (env / "instance" / "secret_key").unlink()
    one_clear_line(CliRunner().invoke(cli.main, ["personas"]), "secret_key", "restore")
    one_clear_line(CliRunner().invoke(cli.main, ["run"]), "secret_key")
    assert not (env / "instance" / "secret_key").exists()
    monkeypatch.setenv("SECRET_KEY", key)
    assert CliRunner().invoke(cli.main, ["personas"]).exit_code == 0


def test_a_fresh_instance_keeps_its_secrets_and_database_private(env):
    app = create_app({"CREATE_SCHEMA": True})
    app.extensions["db_engine"].dispose()
    folder = env / "instance"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("secret_key", "sim_token", "portal.sqlite3"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    key = (folder / "secret_key").read_text()
    assert create_app().config["SECRET_KEY"] == key  # kept across restarts


def test_an_existing_secret_readable_by_others_is_made_private(env):
    folder = env / "instance"
    folder.mkdir()
    (folder / "sim_token").write_text("token")
    (folder / "sim_token").chmod(0o644)
    assert create_app({"SECRET_KEY": "x"}).config["SIM_TOKEN"] == "token"
    assert stat.S_IMODE((folder / "sim_token").stat().st_mode) == 0o600


def test_gunicorn_loading_a_folder_that_cannot_be_created_gets_one_clear_line(env):
    """portal.wsgi, as gunicorn imports it: one line on stderr, exit status 1."""
    (env / "blocker").write_text("a file where a folder should be")
    environment = {**os.environ, "INSTANCE_PATH": str(env / "blocker" / "instance")}
    done = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "instance folder" in lines[0]
