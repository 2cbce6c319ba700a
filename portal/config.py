"""Configuration from the environment, with defaults that work on a fresh machine."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def instance_secret(instance_path: str, env_name: str, filename: str) -> str:
    """A secret from the environment, else one kept in the instance folder.

    Keeping it in a file lets several workers and restarts share it.
    """
    if os.environ.get(env_name):
        return os.environ[env_name]
    path = Path(instance_path) / filename
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{filename}.{os.getpid()}")
        tmp.write_text(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # atomic: the first worker to start wins
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()


def default_database_url(instance_path: str) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'portal.sqlite3'}"


def defaults(instance_path: str) -> dict:
    return {
        "SECRET_KEY": instance_secret(instance_path, "SECRET_KEY", "secret_key"),
        "SIM_TOKEN": instance_secret(instance_path, "SIM_TOKEN", "sim_token"),
        "DATABASE_URL": default_database_url(instance_path),
        "PORTAL_CATALOGUE": os.environ.get("PORTAL_CATALOGUE"),
        "ITSME_ISSUER": os.environ.get("ITSME_ISSUER"),
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": 30 * 60,
    }
