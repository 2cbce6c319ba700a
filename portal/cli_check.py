"""`portal-sim check`: run the acceptance scenario pack (tests/acceptance) against a
running simulator, print the rule coverage, write its HTML page, and exit non-zero when
a scenario fails.

Every scenario resets its world to the demo personas. By default the command asks the
simulator for a fresh world of its own (issue 14: `POST /sim/api/worlds`), runs the pack
under that world's prefix with the world's token, and deletes the world afterwards: the
default world and the worlds of other testers and pipelines are never touched, and two
checks against one instance run side by side. `--world ID` runs in an existing world
(it is reset), `--world default` in the default world (it is reset: nobody else may be
using the simulator).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

import click
import requests

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


NEW, DEFAULT = "new", "default"
TIMEOUT = 60


def _headers(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def _call(method: str, url: str, token: str | None, **kwargs) -> requests.Response:
    try:
        return requests.request(method, url, headers=_headers(token), timeout=TIMEOUT, **kwargs)
    except requests.RequestException as exc:
        raise click.ClickException(f"The simulator at {url} does not answer: {exc}") from None


def new_world(url: str, token: str | None) -> dict:
    """A fresh demo world on the simulator at `url` (its JSON, with its own token)."""
    answer = _call("POST", f"{url}/sim/api/worlds", token, json={"dataset": "demo"})
    if answer.status_code != 201:
        try:
            reason = answer.json().get("message") or answer.text
        except ValueError:
            reason = answer.text[:200]
        raise click.ClickException(
            f"The simulator refused a new world ({answer.status_code}): {reason}"
        )
    return answer.json()


@contextmanager
def target(url: str, token: str | None, world: str) -> Iterator[tuple[str, str | None]]:
    """(URL, token) the pack runs against; a new world is deleted afterwards."""
    url = url.rstrip("/")
    if world == DEFAULT:
        yield url, token
    elif world != NEW:
        yield f"{url}/w/{world}", token
    else:
        made = new_world(url, token)
        click.echo(f"Running in the new world {made['id']} ({made['urls']['base']}).")
        try:
            yield f"{url}/w/{made['id']}", made["token"]
        finally:
            _call("DELETE", f"{url}/sim/api/worlds/{made['id']}", made["token"])


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
@click.option(
    "--world",
    default=NEW,
    show_default=True,
    help="'new': a fresh world of its own, deleted afterwards; a world id: that world "
    "(reset!); 'default': the default world (reset!).",
)
@click.option("-k", "keyword", default=None, help="Only the scenarios matching this -k expression.")
@click.option("--no-browser", is_flag=True, help="Leave out the @browser scenarios.")
@click.argument("pytest_args", nargs=-1, type=click.UNPROCESSED)
def check(
    url: str,
    token: str | None,
    report: Path,
    world: str,
    keyword: str | None,
    no_browser: bool,
    pytest_args: tuple[str, ...],
) -> None:
    """Run the acceptance scenarios against the simulator at URL, in a fresh world of
    their own unless --world says otherwise.

    Extra arguments go to pytest, e.g. `-- -x -m "RG-6 and pv"`.
    """
    missing = [name for name in ("pytest", "pytest_bdd") if find_spec(name) is None]
    if missing:
        raise click.ClickException(
            f"The acceptance pack needs the test extras ({', '.join(missing)} missing): "
            "pip install -e '.[test]'"
        )
    import pytest  # imported here: the simulator itself does not need it

    pack = acceptance_pack()
    with target(url, token, world) as (where, world_token):
        args = pytest_arguments(
            pack,
            where,
            world_token,
            report.resolve(),
            keyword=keyword,
            browser=not no_browser,
            extra=pytest_args,
        )
        code = pytest.main(args)
    raise SystemExit(int(code))
