"""Demo customers holding the VIVIUM S² Pack at each stage of its life (S2-1..S2-8),
anchored to the start of the day the demo is loaded (never in the future, and the same
rows all day long) so that the clock plays their next steps. They are part of the demo
dataset (seed.demo.load_demo), listed on the console's S² Pack page.

- Nora Verbeke: just subscribed, her welcome SMS in the outbox; the next event sends the box.
- Lotte Goossens: box received 15 days ago, the installation deadline running; moving the
  clock brings the reminders and then the premium adjustment.
- Thomas Lejeune: box installed for four months, one impact on record; an impact from the
  console or the API is an e-call.
- Anna Willems: box placed in September 2015: an anomaly sends her to the mobile installer.
- Luc Renard: never installed; his premium was adjusted and the advantages ended.
- Koen Maes: box installed, but no mobile phone: an impact brings no assistance and his
  SMS are not sent (S2-8).

Every box's personal page signs in with its login (s2-<contract>) and the password
DEMO_PASSWORD. Only models are used (seed -> models); the hash is a Werkzeug pbkdf2 hash
with a salt drawn from the login, so that loading the demo twice gives the same rows.
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Intermediary, Language
from models.brands import System, brand_of
from models.outbox_writer import post_message
from models.telematics import S2Box, S2Event, S2Stage
from seed.build import add_contract, add_person
from seed.personas import Persona

DEMO_PASSWORD = "vivium-s2"
BROKER = "8000201"  # the demo Vivium broker whose portfolio holds them
ROUNDS = 1000
NO_MOBILE = {"koen"}  # S2-8: no mobile, no assistance
COVERED = ["civil_liability", "driver_protection", "legal_assistance", "material_damage"]
CUSTOMERS = [
    # key, first, last, sex, language, city, postcode, serial, number, plate, days since
    # subscription, stage (the mobile follows from the serial, except for Koen: none)
    ("nora", "Nora", "Verbeke", "F", "nl", "Antwerpen", "2000", 212, "4021009001", "2NOR001", 0, "ordered"),
    ("lotte", "Lotte", "Goossens", "F", "nl", "Gent", "9000", 214, "4021009002", "2LOT002", 20, "received"),
    ("thomas", "Thomas", "Lejeune", "M", "fr", "Liège", "4000", 213, "4021009003", "1THO003", 125, "active"),
    ("anna", "Anna", "Willems", "F", "nl", "Leuven", "3000", 216, "4021009004", "1ANN004", 0, "active_2015"),
    ("luc", "Luc", "Renard", "M", "fr", "Namur", "5000", 215, "4021009005", "1LUC005", 90, "lapsed"),
    ("koen", "Koen", "Maes", "M", "nl", "Brugge", "8000", 217, "4021009006", "1KOE006", 60, "active"),
]  # fmt: skip


def demo_hash(login: str) -> str:
    salt = hashlib.sha256(login.encode()).hexdigest()[:16]
    digest = hashlib.pbkdf2_hmac("sha256", DEMO_PASSWORD.encode(), salt.encode(), ROUNDS)
    return f"pbkdf2:sha256:{ROUNDS}${salt}${digest.hex()}"


def seed_s2pack(session: Session, today: date) -> list[Persona]:
    """Add the S² Pack customers (flushed); the caller commits."""
    anchor = datetime.combine(today, time())
    broker = session.scalar(select(Intermediary).where(Intermediary.producer_number == BROKER))
    made = []
    for (
        key,
        first,
        last,
        sex,
        lang,
        city,
        postcode,
        serial,
        number,
        plate,
        days,
        stage,
    ) in CUSTOMERS:
        person = add_person(
            session, first_name=first, last_name=last, sex=sex, language=Language(lang),
            birth_date=date(1988, 4, 20), serial=serial, street="Stationsstraat",
            house_number=str(serial), postcode=postcode, city=city,
            mobile=None if key in NO_MOBILE else f"+324709{serial:05d}",
            email=f"{key}.s2@example.be",
        )  # fmt: skip
        contract = add_contract(
            session, person, "car", brand=brand_of(System.S2PACK), number=number, covered=COVERED,
            vehicle_kind="car", vehicle_make="Toyota", vehicle_model="Yaris", vehicle_plate=plate,
            vehicle_year=2023, intermediary=broker,
            annual_premium_cents=79_200 if stage == "lapsed" else 72_000,
        )  # fmt: skip
        session.flush()
        box = _box(contract.id, number, anchor - timedelta(days=days), stage)
        session.add(box)
        session.flush()
        _history(session, box, person, anchor)
        made.append(Persona(key, person.full_name, _shows(stage, key), person.national_number))
    return made


def _shows(stage: str, key: str) -> str:
    return f"VIVIUM S² Pack: {stage}" + (", no mobile" if key in NO_MOBILE else "")


def _box(contract_id: int, number: str, signed: datetime, stage: str) -> S2Box:
    login = f"s2-{number}"
    box = S2Box(
        contract_id=contract_id, stage=S2Stage.ORDERED, serial=f"S2B{contract_id:09d}",
        login=login, password_hash=demo_hash(login), discount_cents=7_200,
        trip_seed=zlib.crc32(number.encode()) & 0x7FFFFFFF, subscribed_at=signed, late_reminders=0,
    )  # fmt: skip
    if stage == "active_2015":
        signed = datetime(2015, 9, 1, 10, 0)
        box.subscribed_at = signed
    if stage != "ordered":
        box.sent_at, box.received_at = signed + timedelta(days=2), signed + timedelta(days=5)
        box.stage = S2Stage.RECEIVED
    if stage in ("active", "active_2015"):
        box.installed_at = signed + timedelta(days=13)
        box.placed_on, box.stage = box.installed_at.date(), S2Stage.ACTIVE
    if stage == "lapsed":
        box.month_reminded_at, box.late_reminders = signed + timedelta(days=31), 2
        box.adjusted_at, box.stage = signed + timedelta(days=54), S2Stage.LAPSED
    return box


def _history(session: Session, box: S2Box, person, anchor: datetime) -> None:
    """The log's main lines; the welcome SMS of the newest subscription in the outbox."""
    lines = [(box.subscribed_at, "subscribed", {})]
    if box.sent_at:
        lines += [(box.sent_at, "s2_delivery_sms", {}), (box.received_at, "box_received", {})]
    if box.installed_at:
        lines += [(box.installed_at, "installed", {"by": "customer"})]
    if box.stage == S2Stage.ACTIVE and box.placed_on.year > 2015:
        impact = {"g": 3.1, "in_belgium": True, "stopped": True, "place": person.city}
        lines += [(anchor - timedelta(days=30), "impact", impact)]
    if box.adjusted_at:
        lines += [(box.adjusted_at, "s2_premium_adjusted_letter", {})]
    for at, kind, details in lines:
        session.add(S2Event(box_id=box.id, at=at, kind=kind, details=details))
    if box.stage == S2Stage.ORDERED:
        post_message(
            session, "s2_welcome_sms", brand=brand_of(System.S2PACK), language=person.language,
            recipient=person.mobile, values={"login": box.login, "password": DEMO_PASSWORD},
            now=box.subscribed_at, person_id=person.id,
        )  # fmt: skip
