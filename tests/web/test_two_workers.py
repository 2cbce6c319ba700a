"""Two server processes on one database behave as one simulator: codes, attempt
counters and sessions live in the database, not in a process."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from models import Channel, OutboxMessage
from portal.sim.control import deliver_all_letters

PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def two_workers(app, personas):
    """Two gunicorn processes, one sync worker each, on the test database."""
    url = app.config["DATABASE_URL"]
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": app.config["SECRET_KEY"]}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    servers, bases = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(
                [
                    gunicorn,
                    "-w",
                    "1",
                    "-b",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                    "portal.wsgi:app",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    for base in bases:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(base + "/", timeout=5)
                break
            except requests.RequestException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
    yield bases
    for server in servers:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()


def post(http: requests.Session, page: str, action: str, data: dict) -> requests.Response:
    html = http.get(page, timeout=10).text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    return http.post(action, data={"csrf_token": token, **data}, timeout=10, allow_redirects=False)


def newest(db, channel) -> str:
    """The newest code of a channel; letters once the post delivered them (RG-6)."""
    db.expire_all()
    db.rollback()
    if channel == Channel.LETTER:
        deliver_all_letters(db)
        db.commit()
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.channel == channel)
        .order_by(OutboxMessage.id.desc())
    )
    return db.scalars(query).first().code


def refusal(response) -> str | None:
    match = re.search(r'data-refusal-code="([a-z_]+)"|data-code="([a-z_]+)"', response.text)
    return (match.group(1) or match.group(2)) if match else None


def test_a_code_sent_by_one_worker_is_accepted_by_the_other_and_tries_add_up(two_workers, db):
    a, b = (base + "/pv/nl" for base in two_workers)
    http = requests.Session()
    post(
        http,
        a + "/register",
        a + "/register",
        {"contract_number": "5436548", "birth_date": "1985-03-12"},
    )
    data = {
        "contract_number": "5436548",
        "code": newest(db, Channel.LETTER),
        "email": "l@example.be",
        "password": PASSWORD,
        "mobile": "0470123456",
    }
    post(http, a + "/register/activate", a + "/register/activate", data)
    done = post(
        http, b + "/register/confirm", b + "/register/confirm", {"code": newest(db, Channel.SMS)}
    )
    assert done.status_code == 302, refusal(done)
    http.cookies.clear()

    post(
        http,
        a + "/login/password",
        a + "/login/password",
        {"email": "l@example.be", "password": PASSWORD},
    )
    code = newest(db, Channel.SMS)
    wrong = "111111" if code != "111111" else "222222"
    outcomes = []
    for i in range(5):
        base = a if i % 2 == 0 else b
        outcomes.append(
            refusal(post(http, base + "/login/sms", base + "/login/sms", {"code": wrong}))
        )
    assert outcomes == ["sms_code_wrong"] * 4 + ["sms_code_blocked"]
    assert (
        refusal(post(http, b + "/login/sms", b + "/login/sms", {"code": code}))
        == "sms_code_blocked"
    )

    post(
        http,
        b + "/login/password",
        b + "/login/password",
        {"email": "l@example.be", "password": PASSWORD},
    )
    accepted = post(http, a + "/login/sms", a + "/login/sms", {"code": newest(db, Channel.SMS)})
    assert accepted.status_code == 302
    assert "Welkom, Louise" in http.get(b + "/", timeout=10).text
