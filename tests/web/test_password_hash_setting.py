"""The password hash cost set through the config or the environment (`AUTH_PASSWORD_HASH`)
is the one registration stores and the one an unknown email's dummy check pays (RG-2);
accounts hashed at another cost still log in, and their hash moves to the setting."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from auth import passwords
from auth.errors import InvalidCredentials
from auth.password_login import start_login
from auth.settings import AuthSettings
from models import Account, Brand, Channel, OutboxMessage
from portal.app import create_app
from portal.config import StartupError, defaults
from portal.sim.control import deliver_all_letters

CHEAP, OTHER = "pbkdf2:sha256:1000", "pbkdf2:sha256:2000"
PASSWORD = "correct horse battery"


def _use(app, method: str) -> AuthSettings:
    rules = replace(app.extensions["auth_settings"], password_hash=method)
    app.extensions["auth_settings"] = rules
    return rules


def _code(db, channel: Channel) -> str:
    db.expire_all()
    query = select(OutboxMessage).where(OutboxMessage.channel == channel)
    return db.scalars(query.order_by(OutboxMessage.id.desc())).first().code


def _register(submit, db) -> Account:
    """Louise Peeters registers on MyP&V with her personal data (RG-1, RG-2)."""
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    deliver_all_letters(db)
    db.commit()
    data = {
        "contract_number": "5436548",
        "code": _code(db, Channel.LETTER),
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470 12 34 56",
    }
    assert submit("/pv/nl/register/activate", data).status_code == 302
    assert submit("/pv/nl/register/confirm", {"code": _code(db, Channel.SMS)}).status_code == 302
    db.expire_all()
    return db.scalars(select(Account)).one()


@pytest.fixture
def registered(app, submit, db, freeze, personas):
    from datetime import datetime

    freeze(datetime(2026, 11, 23, 9, 0))
    _use(app, CHEAP)
    return _register(submit, db)


def test_registration_stores_the_hash_method_of_the_setting(registered):
    assert passwords.method_of(registered.password_hash) == CHEAP


def test_rg2_login_works_after_the_setting_changes_and_the_hash_follows_it(
    app, client, submit, db, registered
):
    client.delete_cookie("mypv_session", path="/pv")  # a new browser
    _use(app, OTHER)
    response = submit("/pv/nl/login/password", {"email": "louise@example.be", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"].endswith("/login/sms")
    assert submit("/pv/nl/login/sms", {"code": _code(db, Channel.SMS)}).status_code == 302
    db.expire_all()
    assert passwords.method_of(db.get(Account, registered.id).password_hash) == OTHER


def test_rg2_an_unknown_email_pays_a_check_at_the_same_cost_as_a_known_one(
    app, db, registered, monkeypatch
):
    checked: list[str] = []
    real = passwords.verify
    monkeypatch.setattr(passwords, "verify", lambda h, p: checked.append(h) or real(h, p))
    rules = app.extensions["auth_settings"]
    for email in ("louise@example.be", "nobody@example.be"):
        with pytest.raises(InvalidCredentials):
            start_login(db, Brand.PV, email, "not the password!", registered.created_at, rules)
        db.rollback()
    assert [passwords.method_of(h) for h in checked] == [CHEAP, CHEAP]


def test_the_environment_sets_the_hash_cost(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTH_PASSWORD_HASH", "scrypt:4096:8:1")
    monkeypatch.setenv("AUTH_REGISTER_ADDRESS_HOUR", "1000")
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url, "CREATE_SCHEMA": True,
                      "SECRET_KEY": "s", "INSTANCE_PATH": str(tmp_path / "i")})  # fmt: skip
    rules = app.extensions["auth_settings"]
    assert rules.password_hash == "scrypt:4096:8:1" and rules.register_address_hour == 1000
    app.extensions["db_engine"].dispose()


@pytest.mark.parametrize(
    ("name", "value"), [("AUTH_PASSWORD_HASH", "md5"), ("AUTH_SMS_PER_MOBILE_DAY", "lots")]
)
def test_a_bad_environment_setting_stops_the_start_with_its_name(
    tmp_path, monkeypatch, name, value
):
    monkeypatch.setenv(name, value)
    with pytest.raises(StartupError, match=name):
        defaults(str(tmp_path / "i"), {"SECRET_KEY": "s", "SIM_TOKEN": "t",
                                        "DATABASE_URL": "sqlite://"})  # fmt: skip
