"""The demo office of Insurgate, like the access manual's (IG-2..IG-6): "P&V Group
Acceptance" with the sub-account Default and the groups Business Development, Business
School and DEMO VIVIUM; users active and invited; an accepted integration; quotes in two
groups so that a trainer shows who sees which. Every active user's password is
DEMO_PASSWORD."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from models.enums import Language
from models.insurgate import (
    IgGroup,
    IgIntegration,
    IgMembership,
    IgOffice,
    IgQuote,
    IgUser,
    IntegrationStatus,
)

DEMO_PASSWORD = "insurgate-demo"
INVITED_AT = datetime(2026, 5, 17, 9, 42)
GROUPS = {
    "Default": {"is_default": True},
    "Business Development": {},
    "Business School": {"street": "Rue Royale", "number": "151", "postcode": "1210", "city": "Bruxelles"},
    "DEMO VIVIUM": {},
}  # fmt: skip
# (first name, last name, email, language, admin, active, groups)
USERS = [
    ("Clémentine", "Cazelles", "clementine.cazelles@pvgroup.be", "fr", True, True,
     ["Default", "Business Development", "Business School", "DEMO VIVIUM"]),
    ("Agent", "7964", "7964@pv.be", "fr", False, True, ["Business Development"]),
    ("Broker", "66799", "66799@vivium.be", "nl", False, True, ["Business Development"]),
    ("Broker", "66802", "66802@vivium.be", "fr", False, True, ["Business School"]),
    ("Broker", "66803", "66803@vivium.be", "nl", False, True, []),
    ("Alexis", "de la Croix", "delacroix@orangeclignotant.be", "fr", False, False, ["DEMO VIVIUM"]),
]  # fmt: skip
# (reference, group, author email, company, activity, postcode, payroll, premium cents)
QUOTES = [
    ("PV_TPE-KMO_TEST_0251", "Business Development", "7964@pv.be", "Boulangerie Test",
     "shop", "1210", 120_000, 108_000),
    ("PV_TPE-KMO_DUPUIS_0256", "Business School", "66802@vivium.be", "Menuiserie Dupuis",
     "craft", "5000", 90_000, 198_000),
]  # fmt: skip


@cache
def demo_hash() -> str:
    return generate_password_hash(DEMO_PASSWORD)


def seed_insurgate(session: Session) -> IgOffice:
    office = IgOffice(
        trade_name="P&V Group Acceptance", enterprise_number="BE0403170701",
        street="Rue Royale", number="151", postcode="1210", city="Bruxelles",
        website="https://www.vivium.be", phone="02 250 91 11", created_at=INVITED_AT,
    )  # fmt: skip
    session.add(office)
    session.flush()
    groups = {
        name: IgGroup(office_id=office.id, name=name, **extra) for name, extra in GROUPS.items()
    }
    session.add_all(groups.values())
    users = {}
    for first, last, email, lang, admin, active, _groups in USERS:
        users[email] = IgUser(
            office_id=office.id, first_name=first, last_name=last, email=email,
            language=Language(lang), password_hash=demo_hash() if active else None,
            is_admin=admin, invited_at=INVITED_AT, activated_at=INVITED_AT if active else None,
            session_epoch=0,
        )  # fmt: skip
    session.add_all(users.values())
    session.flush()
    for *_person, email, _lang, _admin, _active, member_of in USERS:
        for name in member_of or ["Default"]:
            session.add(IgMembership(user_id=users[email].id, group_id=groups[name].id))
    admin = users["clementine.cazelles@pvgroup.be"]
    session.add(
        IgIntegration(
            office_id=office.id, group_id=groups["Default"].id, producer_number="66799",
            status=IntegrationStatus.ACCEPTED, requested_by=admin.id,
            requested_at=INVITED_AT, decided_at=INVITED_AT,
        )
    )  # fmt: skip
    for ref, group, author, company, activity, postcode, payroll, premium in QUOTES:
        session.add(
            IgQuote(
                reference=ref, office_id=office.id, group_id=groups[group].id,
                author_id=users[author].id, created_at=INVITED_AT, status="active",
                company_name=company, activity=activity, postcode=postcode,
                covers="workers_comp", claims_count=0, workers=3, payroll_euros=payroll,
                extra_legal=False, round_the_clock=False, premium_cents=premium,
                search_text=f"{company} {activity} {postcode} workers_comp {users[author].last_name}".lower(),
            )
        )  # fmt: skip
    session.flush()
    return office
