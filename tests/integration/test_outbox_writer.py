"""The one outbox writer on a real session (RG-1, RG-2, RG-6, DC-1): each channel, the
delivery date of a letter over a weekend and a public holiday, each fault applied once
to its own channel, and the texts of the template file in the recipient's language."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import Brand, Channel, Language
from models import outbox_writer as writer
from models.message_templates import TemplateError
from models.outbox import DeliveryStatus
from models.outbox_writer import post_message
from models.sim import FaultName, set_fault

TUESDAY = datetime(2026, 11, 10, 14, 0)  # the day before 11 November, a public holiday
FRIDAY = datetime(2026, 11, 27, 16, 0)
LETTER = {
    "name": "Louise Peeters",
    "street": "Kerkstraat 1",
    "city": "2000 Antwerpen",
    "contract": "PV-1",
    "code": "ABCD-EFGH",
    "expires": "11/12/2026",
}


def letter(db, now: datetime, business_days: int = 1):
    return post_message(
        db,
        "activation_letter",
        brand=Brand.PV,
        language=Language.NL,
        recipient="Louise Peeters, Kerkstraat 1, 2000 Antwerpen",
        values=LETTER,
        now=now,
        code="ABCD-EFGH",
        business_days=business_days,
    )


def sms(db, now: datetime):
    return post_message(
        db,
        "login_sms",
        brand=Brand.VIVIUM,
        language=Language.FR,
        recipient="+32470123456",
        values={"code": "123456", "minutes": 10},
        now=now,
        code="123456",
    )


def email(db, now: datetime):
    return post_message(
        db,
        "welcome_email",
        brand=Brand.PV,
        language=Language.FR,
        recipient="louise@example.be",
        values={"first_name": "Louise"},
        now=now,
    )


def test_rg1_a_letter_carries_its_texts_in_the_recipients_language_and_its_code(db):
    message = letter(db, TUESDAY)
    db.flush()
    assert (message.channel, message.kind, message.code) == (
        Channel.LETTER,
        "activation_letter",
        "ABCD-EFGH",
    )
    assert message.subject == "Uw activeringscode voor MyP&V"
    assert "Uw persoonlijke activeringscode: ABCD-EFGH" in message.body
    assert "Ga naar https://my.pv.be/," in message.body  # BR-2: one address for MyP&V
    assert "mypv@pv.be, 02 250 87 09." in message.body


def test_rg6_a_letter_posted_before_a_public_holiday_arrives_the_business_day_after_it(db):
    assert letter(db, TUESDAY).deliver_at == datetime(2026, 11, 12, 8, 0)


def test_rg6_a_letter_posted_on_friday_arrives_on_monday_from_eight(db):
    assert letter(db, FRIDAY).deliver_at == datetime(2026, 11, 30, 8, 0)
    assert letter(db, FRIDAY, business_days=2).deliver_at == datetime(2026, 12, 1, 8, 0)


def test_rg2_an_sms_and_an_email_arrive_at_once(db):
    text, mail = sms(db, FRIDAY), email(db, FRIDAY)
    assert text.deliver_at == mail.deliver_at == FRIDAY
    assert text.subject == "MyVivium"
    assert text.body.startswith("MyVivium : votre code de connexion est 123456. Valable 10")
    assert mail.subject == "Bienvenue dans MyP&V"
    assert text.status(FRIDAY) == mail.status(FRIDAY) == DeliveryStatus.DELIVERED


def test_rg1_the_letter_lost_fault_loses_letters_only(db):
    set_fault(db, FaultName.LETTER_LOST, True)
    lost = letter(db, TUESDAY)
    assert lost.lost and lost.status(datetime(2027, 1, 1)) == DeliveryStatus.LOST
    assert not sms(db, TUESDAY).lost and not email(db, TUESDAY).lost


def test_rg2_the_sms_fault_loses_sms_only(db):
    set_fault(db, FaultName.SMS_NOT_DELIVERED, True)
    lost = sms(db, TUESDAY)
    assert lost.lost and lost.status(TUESDAY) == DeliveryStatus.NOT_DELIVERED
    assert not letter(db, TUESDAY).lost and not email(db, TUESDAY).lost


def test_each_message_reads_its_channels_fault_once_and_an_email_none(db, monkeypatch):
    read: list[FaultName] = []
    monkeypatch.setattr(writer, "fault_on", lambda session, fault: read.append(fault) or False)
    letter(db, TUESDAY), sms(db, TUESDAY), email(db, TUESDAY)
    assert read == [FaultName.LETTER_LOST, FaultName.SMS_NOT_DELIVERED]


def test_a_letter_without_business_days_or_an_email_with_them_is_refused(db):
    with pytest.raises(TemplateError, match="business_days"):
        post_message(
            db,
            "activation_letter",
            brand=Brand.PV,
            language=Language.NL,
            recipient="x",
            values=LETTER,
            now=TUESDAY,
        )
    with pytest.raises(TemplateError, match="business_days"):
        post_message(
            db,
            "welcome_email",
            brand=Brand.PV,
            language=Language.NL,
            recipient="x",
            values={"first_name": "Louise"},
            now=TUESDAY,
            business_days=1,
        )


def test_an_unknown_kind_or_a_missing_value_is_refused_before_anything_is_written(db):
    with pytest.raises(TemplateError, match="no message template 'postcard'"):
        post_message(
            db,
            "postcard",
            brand=Brand.PV,
            language=Language.NL,
            recipient="x",
            values={},
            now=TUESDAY,
        )
    with pytest.raises(TemplateError, match=r"missing \['first_name'\]"):
        post_message(
            db,
            "welcome_email",
            brand=Brand.PV,
            language=Language.NL,
            recipient="x",
            values={},
            now=TUESDAY,
        )
    assert not db.new


def test_a_long_subject_is_cut_to_what_the_outbox_stores(db):
    message = post_message(
        db,
        "support_answer",
        brand=Brand.VIVIUM,
        language=Language.FR,
        recipient="a@example.be",
        values={"text": "x" * 300},
        now=TUESDAY,
    )
    assert message.subject == "MyVivium : réponse à votre message"
    assert len(message.subject) <= writer.SUBJECT_LENGTH
    assert message.body.startswith("x" * 300 + "\n\nBien à vous,\nLe support MyVivium\n")
