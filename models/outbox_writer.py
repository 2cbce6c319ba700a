"""The one place that writes the outbox: letters, SMS and emails (RG-1, RG-2, RG-6,
DC-1, DC-2, DC-3).

Why in `models/`: posting a message needs only the outbox model, the Belgian calendar
(business days), the fault switches and the brand profiles, all in `models/`, plus the
standard library for the template files. Here both `auth/` (activation letters, SMS
codes, welcome email) and `portal/backoffice/` (support desk, publishing) can call it
without an upward import, and so could `seed/`.

What the writer decides, once for every message:
- the texts, from the message's template file (models.message_templates), in the
  recipient's language, with the brand's fields filled in;
- when it arrives: a letter `business_days` business days later from 08:00
  (models.calendar.letter_delivery), an SMS or an email at once;
- whether a fault loses it: `letter_lost` for a letter, `sms_not_delivered` for an SMS
  (CHANNEL_FAULTS); a lost message never arrives (models.outbox.delivery_status).

A new message is one file. To email with it, write `models/messages/quote_ready_email.toml`:

    channel = "email"
    fields = ["first_name", "quote"]

    [fr]
    subject = "Votre offre {quote} - {company}"
    body = "Bonjour {first_name},\\n\\nVotre offre {quote} est prête sur {url}."

    [nl]
    subject = "Uw offerte {quote} - {company}"
    body = "Beste {first_name},\\n\\nUw offerte {quote} staat klaar op {url}."

then, in a service (it flushes nothing and commits nothing; the request does):

    post_message(
        db,
        "quote_ready_email",
        brand=quote.brand,
        language=person.language,
        recipient=person.email,
        values={"first_name": person.first_name, "quote": quote.number},
        now=now,
        person_id=person.id,
    )
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.orm import Session

from models.brands import PROFILES
from models.calendar import letter_delivery
from models.enums import Brand, Language
from models.message_templates import TEMPLATES, MessageTemplate, TemplateError
from models.outbox import Channel, OutboxMessage
from models.sim import FaultName, fault_on

SUBJECT_LENGTH = 200  # OutboxMessage.subject
# The fault that loses a message of each channel; an email is never lost.
CHANNEL_FAULTS: dict[Channel, FaultName] = {
    Channel.LETTER: FaultName.LETTER_LOST,
    Channel.SMS: FaultName.SMS_NOT_DELIVERED,
}


def template(kind: str) -> MessageTemplate:
    """The template of a message kind; an unknown kind raises TemplateError."""
    try:
        return TEMPLATES[kind]
    except KeyError:
        raise TemplateError(f"no message template '{kind}'") from None


def brand_values(brand: Brand, language: Language) -> dict[str, str]:
    """The placeholders every template may use (message_templates.BRAND_FIELDS)."""
    profile, lang = PROFILES[brand], language.value
    return {
        "portal": profile.portal_name,
        "company": profile.company,
        "url": profile.real_address(lang),
        "support_email": profile.support_email,
        "support_phone": profile.support_phone,
        "intermediary": profile.intermediary.get(lang),
    }


def message_text(
    kind: str, part: str, brand: Brand, language: Language, values: Mapping[str, object]
) -> str:
    """One named part of a template (e.g. the text kept on a support request), filled
    like the message itself; `values` holds the template's fields that part uses."""
    found = template(kind)
    found.check_values(values, (part,))
    return found.render(part, language.value, {**values, **brand_values(brand, language)})


def post_message(
    session: Session,
    kind: str,
    *,
    brand: Brand,
    language: Language,
    recipient: str,
    values: Mapping[str, object],
    now: datetime,
    person_id: int | None = None,
    code: str | None = None,
    business_days: int | None = None,
) -> OutboxMessage:
    """Write one message of `kind` (its template file's name) to the outbox and return
    it (added to the session, not flushed). A letter needs `business_days` (RG-1, RG-6);
    an SMS or email arrives at `now`. The channel's fault, when on, marks it lost."""
    found = template(kind)
    found.check_values(values, ("subject", "body"))
    if (found.channel == Channel.LETTER) != (business_days is not None):
        raise TemplateError(f"{kind}: business_days is for letters, and letters need it")
    filled = {**values, **brand_values(brand, language)}
    fault = CHANNEL_FAULTS.get(found.channel)
    message = OutboxMessage(
        brand=brand,
        channel=found.channel,
        kind=kind,
        language=language,
        recipient=recipient,
        subject=found.render("subject", language.value, filled)[:SUBJECT_LENGTH],
        body=found.render("body", language.value, filled),
        code=code,
        person_id=person_id,
        posted_at=now,
        deliver_at=now if business_days is None else letter_delivery(now, business_days),
        lost=fault is not None and fault_on(session, fault),
    )
    session.add(message)
    return message
