"""`portal-sim check` (portal/cli_check.py): the pytest command it builds and its checks.
The command's real run against a server is the pack itself with --sim-url."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from portal.cli_check import PACK, acceptance_pack, check, pytest_arguments


def test_the_pack_of_the_checkout_is_found():
    assert acceptance_pack() == PACK and (PACK / "features").is_dir()


def test_the_pytest_command_runs_the_pack_against_the_url_with_token_and_report():
    args = pytest_arguments(
        PACK, "http://10.0.0.5:5000/", "s3cret", Path("/tmp/out"), keyword="RG", browser=False
    )
    assert args[0] == str(PACK)
    assert args[args.index("--sim-url") + 1] == "http://10.0.0.5:5000"
    assert args[args.index("--sim-token") + 1] == "s3cret"
    assert args[args.index("--acceptance-report") + 1] == "/tmp/out"
    assert args[args.index("-k") + 1] == "RG" and args[args.index("-m") + 1] == "not browser"
    plain = pytest_arguments(PACK, "http://h:1", None, Path("r"), extra=("-x",))
    assert "--sim-token" not in plain and "-m" not in plain and plain[-1] == "-x"


def test_a_url_that_is_not_http_is_refused_before_anything_runs():
    result = CliRunner().invoke(check, ["--url", "127.0.0.1:5000"])
    assert result.exit_code == 2 and "simulator's address" in result.output
