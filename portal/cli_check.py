"""`portal-sim check`: run the acceptance scenario pack (tests/acceptance) against a
running simulator, print the rule coverage, write its HTML page, and exit non-zero when
a scenario fails.

Every scenario resets the simulator to the demo personas: point it at a simulator
nobody is using.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

import click

PACK = Path(__file__).resolve().parent.parent / "tests" / "acceptance"


def acceptance_pack() -> Path:
    """The pack of the installed project (a checkout or an editable install)."""
    if not (PACK / "features").is_dir() or not (PACK / "conftest.py").is_file():
        raise click.ClickException(
            f"The acceptance pack is not installed here ({PACK}): run the command from a "
            "checkout of the project, installed with pip install -e '.[test]'."
        )
    return PACK


def pytest_arguments(
    pack: Path,
    url: str,
    token: str | None,
    report: Path,
    keyword: str | None = None,
    browser: bool = True,
    extra: tuple[str, ...] = (),
) -> list[str]:
    """The pytest command line that runs the pack against `url`."""
    args = [
        str(pack),
        f"--rootdir={pack.parents[1]}",
        "-p",
        "no:cacheprovider",
        "--sim-url",
        url.rstrip("/"),
        "--acceptance-report",
        str(report),
    ]
    if token:
        args += ["--sim-token", token]
    if keyword:
        args += ["-k", keyword]
    if not browser:
        args += ["-m", "not browser"]
    return args + list(extra)


def _check_url(_ctx, _param, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.BadParameter("give the simulator's address, e.g. http://127.0.0.1:5000")
    return value


@click.command("check", context_settings={"ignore_unknown_options": True})
@click.option(
    "--url", required=True, callback=_check_url, help="The simulator, e.g. http://127.0.0.1:5000."
)
@click.option(
    "--token",
    envvar="SIM_TOKEN",
    default=None,
    help="Its console token (needed unless it runs on this machine); or $SIM_TOKEN.",
)
@click.option(
    "--report",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("test-results/acceptance"),
    show_default=True,
    help="Directory of coverage.html and coverage.json.",
)
@click.option("-k", "keyword", default=None, help="Only the scenarios matching this -k expression.")
@click.option("--no-browser", is_flag=True, help="Leave out the @browser scenarios.")
@click.argument("pytest_args", nargs=-1, type=click.UNPROCESSED)
def check(
    url: str,
    token: str | None,
    report: Path,
    keyword: str | None,
    no_browser: bool,
    pytest_args: tuple[str, ...],
) -> None:
    """Run the acceptance scenarios against the simulator at URL (it is reset!).

    Extra arguments go to pytest, e.g. `-- -x -m "RG-6 and pv"`.
    """
    missing = [name for name in ("pytest", "pytest_bdd") if find_spec(name) is None]
    if missing:
        raise click.ClickException(
            f"The acceptance pack needs the test extras ({', '.join(missing)} missing): "
            "pip install -e '.[test]'"
        )
    import pytest  # imported here: the simulator itself does not need it

    args = pytest_arguments(
        acceptance_pack(),
        url,
        token,
        report.resolve(),
        keyword=keyword,
        browser=not no_browser,
        extra=pytest_args,
    )
    code = pytest.main(args)
    raise SystemExit(int(code))
