"""Configuration from the environment, with defaults that work on a fresh machine.

The instance folder (0700) keeps the secret key and console token (0600 files) and the
default SQLite database (created 0600). A missing secret key next to a database that
already holds data is refused (`StartupError`) rather than replaced: a new key would
end every session and change the itsme and eID pairwise subjects, so that the same
person would get a second identity link (RG-1).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from auth import settings as auth_settings

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


class StartupError(RuntimeError):
    """The simulator cannot start as configured: the message says what to do."""


def instance_folder(instance_path: str) -> Path:
    """The instance folder, created 0700 when missing; StartupError when it cannot be."""
    path = Path(instance_path)
    try:
        path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as exc:
        raise StartupError(
            f"Cannot create the instance folder {path} ({exc.strerror or exc}): create it, "
            "writable by this user, or point INSTANCE_PATH elsewhere."
        ) from None
    if not path.is_dir() or not os.access(path, os.W_OK | os.X_OK):
        raise StartupError(
            f"The instance folder {path} is not a folder this user can write: fix its "
            "permissions, or point INSTANCE_PATH elsewhere."
        )
    return path


def private_file(path: Path, content: str) -> None:
    """Write `content` to a new file readable by this user only; the first writer wins
    (several workers may start at once)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(content)
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # atomic: the first worker to start wins
    finally:
        tmp.unlink()


def instance_secret(instance_path: str, env_name: str, filename: str,
                    database_url: str | None = None) -> str:  # fmt: skip
    """A secret from the environment, else one kept in the instance folder (0600).

    Keeping it in a file lets several workers and restarts share it. With
    `database_url`, a missing file is created only while that database holds no data.
    """
    if os.environ.get(env_name):
        return os.environ[env_name]
    path = instance_folder(instance_path) / filename
    if not path.exists():
        if database_url and database_has_data(database_url):
            raise StartupError(
                f"{path} is missing but the database already holds data: restore that file "
                f"(or set {env_name} to its former value). A new key would end every "
                "session and give itsme and eID users a second identity; to start afresh, "
                "delete the database first."
            )
        private_file(path, secrets.token_hex(32))
    if path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_FILE)
    return path.read_text().strip()


def database_has_data(url: str) -> bool:
    """Whether the database exists and has tables (a missing SQLite file has none)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database or ""
        if not name or name == ":memory:" or "mode=memory" in url:
            return False
        if not Path(name).is_file() or Path(name).stat().st_size == 0:
            return False
    try:
        engine = create_engine(url)
        try:
            return bool(inspect(engine).get_table_names())
        finally:
            engine.dispose()
    except SQLAlchemyError as exc:
        shown = parsed.render_as_string(hide_password=True)
        raise StartupError(f"Cannot open the database {shown}: {_reason(exc)}") from None


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def private_sqlite_file(url: str) -> None:
    """Create a SQLite database file 0600 before SQLite does (it would follow the umask,
    usually 0644); its -wal and -shm files take the same permissions."""
    parsed = make_url(url)
    name = parsed.database or ""
    if (
        parsed.get_backend_name() != "sqlite"
        or not name
        or name == ":memory:"
        or ("mode=memory" in url or name.startswith("file:"))
    ):
        return
    path = Path(name)
    if path.exists() or not path.parent.is_dir():
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StartupError(
            f"Cannot create the database file {path} ({exc.strerror or exc}): make its "
            "folder writable by this user, or set DATABASE_URL."
        ) from None


def auth_environment() -> dict[str, int | str]:
    """AUTH_<FIELD> environment variables (auth/settings.py, for instance
    AUTH_PASSWORD_HASH or AUTH_REGISTER_ADDRESS_HOUR); a value that does not fit stops
    the start with a message naming it. The app's own config overrides them."""
    found = {}
    for name, key in auth_settings.setting_keys():
        if os.environ.get(key, "").strip():
            try:
                found[key] = auth_settings.parse(name, os.environ[key])
            except ValueError as exc:
                raise StartupError(str(exc)) from None
    return found


def default_database_url(instance_path: str) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'portal.sqlite3'}"


def defaults(instance_path: str, given: Mapping[str, object] | None = None) -> dict:
    """The configuration; secrets and the database URL `given` (the app's overrides)
    are taken as they are, the others read or created."""
    given = given or {}
    url = str(given.get("DATABASE_URL") or default_database_url(instance_path))
    if url == default_database_url(instance_path) and not os.environ.get("DATABASE_URL"):
        instance_folder(instance_path)  # the database lives there
    secret_key = given.get("SECRET_KEY") or instance_secret(
        instance_path, "SECRET_KEY", "secret_key", url
    )
    sim_token = given.get("SIM_TOKEN") or instance_secret(instance_path, "SIM_TOKEN", "sim_token")
    private_sqlite_file(url)
    return {
        "SECRET_KEY": secret_key,
        "SIM_TOKEN": sim_token,
        "DATABASE_URL": url,
        "PORTAL_CATALOGUE": os.environ.get("PORTAL_CATALOGUE"),
        "ITSME_ISSUER": os.environ.get("ITSME_ISSUER"),
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Only the real-time limit of the signed cookie: the 30-minute idle and 12-hour
        # limits follow the simulated clock (auth/settings.py), so a frozen clock keeps an
        # active customer signed in; the cookie itself ends with the browser.
        "PERMANENT_SESSION_LIFETIME": 7 * 24 * 3600,
        "SIM_LISTEN_HOST": os.environ.get("HOST"),
        "SIM_ALLOWED_HOSTS": os.environ.get("SIM_ALLOWED_HOSTS"),
        "SIM_STUBS": os.environ.get("SIM_STUBS"),
        **auth_environment(),
    }
