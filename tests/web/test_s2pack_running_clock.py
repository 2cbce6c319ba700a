"""A running simulated clock fires the S² Pack's steps as it passes them, the way moving
the clock does (S2-5, S2-6): the console and the API play what is due before they read
the world (portal.sim.s2pack_api.catch_up)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

import models.sim
from models import Brand, Language, OutboxMessage
from models.sim import set_clock
from models.telematics import S2Box
from portal.backoffice import s2pack
from portal.rules.s2pack import SEND_DELAY
from seed import build

REAL = datetime(2026, 6, 1, 8, 0)  # the machine's time while the test runs
SIMULATED = datetime(2026, 3, 12, 10, 0)  # where the trainer set the running clock


@pytest.fixture
def machine(monkeypatch):
    """The machine's clock, moved by the test instead of by waiting."""
    moments = [REAL]
    monkeypatch.setattr(models.sim, "real_now", lambda: moments[-1])
    return moments


@pytest.fixture
def box_sent_in_one_second(db, machine):
    """A box whose delivery step is due one second after the simulated now."""
    holder = build.add_person(db, first_name="Ine", language=Language.NL, mobile="+32470556677")
    contract = build.add_contract(
        db, holder, "car", number="7700456", brand=Brand.VIVIUM, covered=["civil_liability"]
    )
    db.flush()
    signed = SIMULATED - SEND_DELAY + timedelta(seconds=1)
    s2pack.add_s2_pack(db, contract, signed, password="pw-s2-run1", hash_method="pbkdf2:sha256:1")
    set_clock(db, SIMULATED, frozen=False)
    db.commit()


def stage(db) -> str:
    db.expire_all()
    return db.scalars(select(S2Box.stage)).one().value


def delivery_sms(db) -> list[OutboxMessage]:
    return db.scalars(select(OutboxMessage).where(OutboxMessage.kind == "s2_delivery_sms")).all()


def test_the_step_due_in_one_second_waits_while_the_clock_has_not_reached_it_s2_6(
    client, db, box_sent_in_one_second
):
    assert client.get("/sim/api/clock").status_code == 200
    assert stage(db) == "ordered" and delivery_sms(db) == []
    events = client.get("/sim/api/events").get_json()["events"]
    assert any(e["kind"] == "s2_box_sent" for e in events)


def test_the_step_fires_after_one_second_of_running_s2_6(
    client, db, machine, box_sent_in_one_second
):
    machine.append(REAL + timedelta(seconds=1))
    assert client.get("/sim/api/events").status_code == 200
    assert stage(db) == "sent"
    (sms,) = delivery_sms(db)
    assert sms.posted_at == SIMULATED + timedelta(seconds=1)  # at its own moment


def test_the_console_plays_the_passed_step_once_however_often_it_is_read_s2_6(
    client, db, machine, box_sent_in_one_second
):
    machine.append(REAL + timedelta(hours=1))
    for _ in range(3):
        assert client.get("/sim/").status_code == 200
    assert stage(db) == "sent" and len(delivery_sms(db)) == 1
