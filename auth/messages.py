"""What the customer-facing flows send: the activation letter (RG-1), the SMS codes
(RG-2) and the welcome email (RG-3). Each function gathers its message's fields and
hands them to the one outbox writer (models.outbox_writer), which owns the texts
(models/messages/*.toml), the delivery dates and the faults.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from auth.codes import display_code
from models import OutboxMessage, Person
from models.enums import Brand, Language
from models.outbox_writer import post_message


def post_activation_letter(
    session: Session,
    brand: Brand,
    person: Person,
    contract_number: str,
    code: str,
    now: datetime,
    expires_at: datetime,
    business_days: int,
) -> OutboxMessage:
    """RG-1: the activation code goes by post to the address on file."""
    street, city = person.address_lines
    shown = display_code(code)
    return post_message(
        session,
        "activation_letter",
        brand=brand,
        language=person.language,
        recipient=f"{person.full_name}, {street}, {city}",
        values={
            "name": person.full_name,
            "street": street,
            "city": city,
            "contract": contract_number,
            "code": shown,
            "expires": expires_at.strftime("%d/%m/%Y"),
        },
        now=now,
        person_id=person.id,
        code=shown,
        business_days=business_days,
    )


def send_sms(
    session: Session,
    brand: Brand,
    language: Language,
    mobile: str,
    code: str,
    purpose: str,
    now: datetime,
    minutes: int,
    person_id: int | None,
) -> OutboxMessage:
    """RG-2: an SMS with a one-time code, of kind `<purpose>_sms` (login, mobile,
    mobile_change); delivered at once unless the fault is on."""
    return post_message(
        session,
        f"{purpose}_sms",
        brand=brand,
        language=language,
        recipient=mobile,
        values={"code": code, "minutes": minutes},
        now=now,
        person_id=person_id,
        code=code,
    )


def send_welcome_email(
    session: Session, brand: Brand, person: Person, email: str, language: Language, now: datetime
) -> OutboxMessage:
    """RG-3: the welcome email once the account exists."""
    return post_message(
        session,
        "welcome_email",
        brand=brand,
        language=language,
        recipient=email,
        values={"first_name": person.first_name},
        now=now,
        person_id=person.id,
    )
