"""The simulator's fault switches as one enum: every name, its description, and a
clear error for a name that is not a fault (a typo fails at the call, not later)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from models.base import Base
from models.sim import Fault, FaultName, fault_named, fault_on, set_fault

NAMES = {
    "itsme_unavailable",
    "eid_reader_missing",
    "sms_not_delivered",
    "letter_lost",
    "informex_unavailable",
}


@pytest.fixture
def session():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[Fault.__table__])
    with Session(engine) as db:
        yield db
    engine.dispose()


def test_the_faults_keep_their_names_and_each_has_a_description():
    assert {fault.value for fault in FaultName} == NAMES
    assert all(fault.description for fault in FaultName)
    assert FaultName.LETTER_LOST == "letter_lost"


def test_a_name_from_the_console_or_the_api_is_read_as_a_fault_or_none():
    assert fault_named("sms_not_delivered") is FaultName.SMS_NOT_DELIVERED
    assert fault_named("meteor") is None


def test_a_fault_is_off_until_switched_on_and_stored_under_its_name(session):
    assert fault_on(session, FaultName.LETTER_LOST) is False
    set_fault(session, FaultName.LETTER_LOST, True)
    assert fault_on(session, FaultName.LETTER_LOST) is True
    assert session.get(Fault, "letter_lost").enabled is True
    set_fault(session, "letter_lost", False)
    assert fault_on(session, FaultName.LETTER_LOST) is False


def test_reading_a_fault_by_a_bare_string_is_refused_at_the_call(session):
    with pytest.raises(TypeError, match="FaultName"):
        fault_on(session, "letter_lost")
    with pytest.raises(TypeError, match="FaultName"):
        fault_on(session, "leter_lost")


def test_switching_an_unknown_fault_is_refused_with_its_name(session):
    with pytest.raises(ValueError, match="meteor"):
        set_fault(session, "meteor", True)
