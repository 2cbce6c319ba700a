"""What the insurer sends, written to the outbox (never sent anywhere).

Letters are posted now and delivered by the simulated clock some business days later
(RG-1, RG-6); SMS and emails arrive at once. The "letter lost" and "SMS not delivered"
faults mark a message lost: it never arrives, and a code it carries never works
(models.outbox.delivery_status).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from auth.codes import display_code
from models import Channel, OutboxMessage, Person
from models.brands import PROFILES, Text
from models.calendar import letter_delivery
from models.enums import Brand, Language
from models.sim import FaultName, fault_on

LETTER_SUBJECT = Text(fr="Votre code d'activation {portal}", nl="Uw activeringscode voor {portal}")
LETTER_BODY = Text(
    fr=(
        "{name}\n{street}\n{city}\n\n"
        "Madame, Monsieur,\n\n"
        "Vous avez demandé à créer votre compte {portal} avec le contrat {contract}.\n"
        "Votre code d'activation personnel : {code}\n\n"
        "Il est valable jusqu'au {expires} et ne peut servir qu'une fois. Rendez-vous sur "
        "{url}, choisissez « Données personnelles » et saisissez ce code avec votre numéro "
        "de contrat.\n\n"
        "Vous n'avez rien demandé ? Contactez-nous : {email}, {phone}.\n\n{company}"
    ),
    nl=(
        "{name}\n{street}\n{city}\n\n"
        "Geachte klant,\n\n"
        "U vroeg om uw {portal}-account aan te maken met contract {contract}.\n"
        "Uw persoonlijke activeringscode: {code}\n\n"
        "Hij is geldig tot {expires} en kan maar één keer gebruikt worden. Ga naar {url}, "
        "kies 'Persoonsgegevens' en vul deze code in met uw contractnummer.\n\n"
        "Hebt u niets aangevraagd? Neem contact met ons op: {email}, {phone}.\n\n{company}"
    ),
)
SMS_LOGIN = Text(
    fr="{portal} : votre code de connexion est {code}. Valable {minutes} minutes. Ne le communiquez à personne.",
    nl="{portal}: uw aanmeldcode is {code}. Geldig {minutes} minuten. Geef hem aan niemand door.",
)
SMS_MOBILE = Text(
    fr="{portal} : code de confirmation de votre numéro de mobile : {code}. Valable {minutes} minutes.",
    nl="{portal}: code om uw gsm-nummer te bevestigen: {code}. Geldig {minutes} minuten.",
)
WELCOME_SUBJECT = Text(fr="Bienvenue dans {portal}", nl="Welkom in {portal}")
WELCOME_BODY = Text(
    fr=(
        "Bonjour {first_name},\n\nVotre compte {portal} est créé. Vous avez accepté de recevoir "
        "vos documents sous forme digitale dans votre espace client.\n\n{company}"
    ),
    nl=(
        "Beste {first_name},\n\nUw {portal}-account is aangemaakt. U aanvaardde om uw documenten "
        "digitaal in uw klantenzone te ontvangen.\n\n{company}"
    ),
)


def _date(value: datetime, lang: str) -> str:
    return value.strftime("%d/%m/%Y")


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
    profile = PROFILES[brand]
    lang = person.language.value
    street, city = person.address_lines
    fill = {
        "portal": profile.portal_name,
        "company": profile.company,
        "name": person.full_name,
        "street": street,
        "city": city,
        "contract": contract_number,
        "code": display_code(code),
        "expires": _date(expires_at, lang),
        "url": f"{profile.real_url}{lang}",
        "email": profile.support_email,
        "phone": profile.support_phone,
    }
    letter = OutboxMessage(
        brand=brand,
        channel=Channel.LETTER,
        kind="activation_letter",
        language=person.language,
        recipient=f"{person.full_name}, {street}, {city}",
        subject=LETTER_SUBJECT.get(lang).format(**fill),
        body=LETTER_BODY.get(lang).format(**fill),
        code=display_code(code),
        person_id=person.id,
        posted_at=now,
        deliver_at=letter_delivery(now, business_days),
        lost=fault_on(session, FaultName.LETTER_LOST),
    )
    session.add(letter)
    return letter


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
    """RG-2: an SMS with a one-time code; delivered at once unless the fault is on."""
    profile = PROFILES[brand]
    template = SMS_LOGIN if purpose == "login" else SMS_MOBILE
    text = template.get(language.value).format(
        portal=profile.portal_name, code=code, minutes=minutes
    )
    sms = OutboxMessage(
        brand=brand,
        channel=Channel.SMS,
        kind=f"{purpose}_sms",
        language=language,
        recipient=mobile,
        subject=profile.portal_name,
        body=text,
        code=code,
        person_id=person_id,
        posted_at=now,
        deliver_at=now,
        lost=fault_on(session, FaultName.SMS_NOT_DELIVERED),
    )
    session.add(sms)
    return sms


def send_welcome_email(
    session: Session, brand: Brand, person: Person, email: str, language: Language, now: datetime
):
    profile = PROFILES[brand]
    fill = {
        "portal": profile.portal_name,
        "company": profile.company,
        "first_name": person.first_name,
    }
    message = OutboxMessage(
        brand=brand,
        channel=Channel.EMAIL,
        kind="welcome_email",
        language=language,
        recipient=email,
        subject=WELCOME_SUBJECT.get(language.value).format(**fill),
        body=WELCOME_BODY.get(language.value).format(**fill),
        code=None,
        person_id=person.id,
        posted_at=now,
        deliver_at=now,
        lost=False,
    )
    session.add(message)
    return message
