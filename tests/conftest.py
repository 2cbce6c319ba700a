"""Shared fixtures: an app on a fresh database, a client, builders and a login helper.

The login helper writes the brand space's signed session cookie the way Flask-Login
would after a successful login; it exists only in the tests (the portal has no back
door).
"""

from __future__ import annotations

import os
import shutil

import pytest

from models import Brand
from portal import heap
from portal.app import create_app
from portal.db import new_session
from seed import build
from tests import app_cache
from tests.databases import DemoRows, emptier, per_worker_databases
from tests.worlds_support import no_stale_world_schemas, worlds  # noqa: F401  (issue 14)

per_worker_databases()  # before anything reads TEST_DATABASE_URL (pytest -n 2 on PostgreSQL)
app_cache.install()  # every test app shares the compiled URL builders and the Alembic head
heap.settle()  # as a serving worker does (portal/heap.py): about half the collector's time
SHARED_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture(scope="session")
def shared_database():
    """With TEST_DATABASE_URL (PostgreSQL in CI): create the schema once, empty it
    before each test (tests/databases.py `emptier`). Without it, None."""
    if not SHARED_URL:
        yield None
        return
    from models.base import Base, create_schema, make_engine

    engine = make_engine(SHARED_URL)
    Base.metadata.drop_all(engine)
    create_schema(engine)
    yield emptier(engine, Base.metadata)
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """On SQLite: a database file with the whole schema, made once per test process;
    each test gets a copy of it (copying a file is much cheaper than creating every table
    and index again)."""
    if SHARED_URL:
        return None
    from models.base import create_schema, make_engine

    path = tmp_path_factory.mktemp("schema") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    engine.dispose()  # closing the last connection folds the WAL back into the file
    return path


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory):
    """The French and Dutch catalogues compiled once per test process (portal.i18n);
    each test app's instance folder gets a copy with the same file dates, so that the
    app's own start-up check (`compile_translations`: is a `.po` newer?) finds them up
    to date instead of reading every `.po` file again (about 40 ms per app). A `.po`
    edited during the run is newer than the copy: that app compiles it again itself."""
    from portal.i18n import compile_translations

    path = tmp_path_factory.mktemp("translations") / "translations"
    compile_translations(path)
    return path


@pytest.fixture
def app(tmp_path, shared_database, sqlite_template, compiled_translations):
    if shared_database:
        shared_database()
        url = SHARED_URL
    else:
        shutil.copyfile(sqlite_template, tmp_path / "test.sqlite3")
        url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    shutil.copytree(compiled_translations, tmp_path / "instance" / "translations")
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": url,
            "CREATE_SCHEMA": False,  # PostgreSQL: made once; SQLite: copied from the template
            "SECRET_KEY": "test-secret",
            "INSTANCE_PATH": str(tmp_path / "instance"),
        }
    )
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    """A session for arranging data; tests commit what the app must see."""
    session = new_session(app)
    yield session
    session.close()


@pytest.fixture(scope="session")
def demo_rows(tmp_path_factory):
    """The demo's rows, read after the first load of a test process (tests/databases.py)."""
    from models.base import Base

    return DemoRows(Base.metadata, tmp_path_factory.mktemp("demo_rows"))


@pytest.fixture
def personas(db, demo_rows):
    """The demo personas by key, loaded and committed (load_demo only flushes: the
    caller's unit of work commits); into an empty database, the first load's rows are
    written again (`DemoRows`: the same rows and ids)."""
    return {p.key: p for p in demo_rows.load(db)}


def session_cookie(app, brand: Brand, account_id: int) -> tuple[str, str, str]:
    """(name, value, path) of a logged-in session cookie for one brand space."""
    from auth.login import open_session
    from models import Account
    from models.brands import PROFILES
    from models.sim import clock_now

    session = new_session(app)
    now = clock_now(session)
    account = session.get(Account, account_id)
    token = (
        open_session(session, account, "test", now) if account and account.brand == brand else "x"
    )
    session.commit()
    session.close()
    moment = now.isoformat()
    serializer = app.session_interface.get_signing_serializer(app)
    value = serializer.dumps(
        {
            "_user_id": str(account_id),
            "_fresh": True,
            "sid": token,
            "auth_at": moment,
            "seen_at": moment,
        }
    )
    return PROFILES[brand].cookie_name, value, f"/{brand.value}"


@pytest.fixture
def login(app, client, db):
    """login(person, brand) -> the account; the client is then logged into that brand."""

    def _login(person, brand: Brand, **account_fields):
        account = build.add_account(db, person, brand, **account_fields)
        db.commit()
        name, value, path = session_cookie(app, brand, account.id)
        client.set_cookie(name, value, path=path)
        return account

    return _login


@pytest.fixture
def person_named(db):
    from sqlalchemy import select

    from models import Person

    def _find(first_name: str):
        return db.scalars(
            select(Person).where(Person.first_name == first_name).order_by(Person.id)
        ).first()

    return _find


def csrf_token(html: str) -> str:
    """The CSRF token of the first form of a page."""
    import re

    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.fixture
def submit(client):
    """submit(page_url, data, action=None): open a page, post its form with the page's
    CSRF token to `action` (default: the same URL), return the response."""

    def _submit(page_url: str, data: dict, action: str | None = None, **kwargs):
        page = client.get(page_url)
        assert page.status_code == 200, page.status_code
        payload = {"csrf_token": csrf_token(page.get_data(as_text=True)), **data}
        return client.post(action or page_url, data=payload, **kwargs)

    return _submit


@pytest.fixture
def freeze(db):
    """freeze(datetime): stop the simulated clock at that moment."""
    from models.sim import set_clock

    def _freeze(moment):
        set_clock(db, moment, frozen=True)
        db.commit()

    return _freeze
