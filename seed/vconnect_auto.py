"""V-Connect Auto in the demo dataset (issue 16): each Vivium broker gets a customer of
his own with a car quote in every status (models.vconnect_auto.DEMO_PATHS, the same
steps the control API's demo walks through the services), plus a policy cancelled at
its due date with the claims-history certificate (VA-8, VA-10).

Only models are used (seed -> models): the rows are written as the services would leave
them, with the premium lines the default tariff gives these facts (a car of 2 years,
private use, degree 0, a main driver between 30 and 69; tests/integration pins them to
portal.rules.vconnect_tariff). Like the rest of `seed/` it reads no clock: every row is
dated from `seed.belgium.REFERENCE_DATE`, so every load gives the same rows. The
policies get 9-digit numbers, never one of the generator's 10-digit numbers.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    AutoQuote,
    AutoQuoteDocument,
    AutoQuoteEvent,
    Contract,
    Document,
    Intermediary,
    Person,
)
from models.brands import System, brand_of, profile
from models.enums import ContractStatus, DocumentKind, Language, Line, VehicleKind
from models.vconnect_auto import DEMO_PATHS, QuoteDocumentKind, QuoteStatus
from seed.belgium import REFERENCE_DATE
from seed.build import add_person
from seed.identifiers import belgian_iban

GUARANTEES = ["civil_liability", "legal_assistance", "material_damage"]
# Default tariff, english excess chosen: (model, catalogue value, premium lines in cents)
VEHICLES = {
    False: ("Clio", 21_000, [["civil_liability", 24926], ["legal_assistance", 4800],
                             ["material_damage", 9473], ["english_excess", 4736]]),
    True: ("Espace Initiale", 95_000, [["civil_liability", 24926], ["legal_assistance", 4800],
                                       ["material_damage", 10453], ["english_excess", 5226]]),
}  # fmt: skip
# producer number -> the broker's demo customer: first, last, sex, language, birth, serial
CUSTOMERS = {
    "8000201": ("Jonas", "Wouters", "M", Language.NL, date(1984, 3, 12), 731, "Mechelen", "2800"),
    "8000202": ("Camille", "Lambert", "F", Language.FR, date(1979, 10, 5), 732, "Wavre", "1300"),
}  # fmt: skip
DEMO_AT = datetime.combine(REFERENCE_DATE, time(9, 0))  # when the demo quotes were made
CANCELLED = "cancelled"  # the extra path: issued, then cancelled at the due date


def seed_vconnect_auto(session: Session, now: datetime = DEMO_AT) -> int:
    """Add the demo quotes (flushed) and return how many; the caller commits."""
    brokers = session.scalars(
        select(Intermediary)
        .where(
            Intermediary.producer_number.in_(CUSTOMERS),
            Intermediary.brand == brand_of(System.VCONNECT_AUTO),
        )
        .order_by(Intermediary.producer_number)
    ).all()
    made = 0
    for broker in brokers:
        first, last, sex, language, born, serial, city, postcode = CUSTOMERS[broker.producer_number]
        person = add_person(
            session, first_name=first, last_name=last, sex=sex, language=language,
            birth_date=born, serial=serial, city=city, postcode=postcode,
            street="Grote Markt" if language == Language.NL else "Grand-Place",
            email=f"{first.lower()}.{last.lower()}@example.be",
        )  # fmt: skip
        session.flush()
        paths = [*DEMO_PATHS.values(), DEMO_PATHS[QuoteStatus.ISSUED] + (CANCELLED,)]
        for index, steps in enumerate(paths):
            _quote(session, broker, person, steps, now, f"S{broker.id}-{index}")
            made += 1
    return made


def _quote(session: Session, broker: Intermediary, person: Person, steps: tuple[str, ...],
           now: datetime, temporary: str) -> AutoQuote:  # fmt: skip
    dear = "analysis" in steps
    model, value, lines = VEHICLES[dear]
    quote = AutoQuote(
        number=temporary, intermediary_id=broker.id, person_id=person.id, status=QuoteStatus.DRAFT,
        line="private", use="private", driver_birth_date=person.birth_date, bonus_malus=0,
        vehicle_source="manual", vehicle_kind="car", vehicle_make="Renault",
        vehicle_model=model, vehicle_year=now.year - 2, vehicle_power_kw=74,
        vehicle_value_euro=value, accessories_euro=0, guarantees=list(GUARANTEES),
        english_excess=True, s2_pack=False, lines=[list(line) for line in lines],
        premium_cents=sum(cents for _, cents in lines), term_days=30, analysed=dear,
        created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(quote)
    session.flush()
    quote.number = f"VA{quote.id:08d}"
    quote.vehicle_plate, quote.vehicle_vin = f"1VAS{quote.id % 1000:03d}", f"VF1VAS{quote.id:011d}"
    _event(session, quote, now, "created")
    _event(session, quote, now, "vehicle_set", "manual")
    _event(session, quote, now, "guarantees_chosen")
    for step in steps:
        STEPS[step](session, quote, person, now)
    session.flush()
    return quote


def _event(session: Session, quote: AutoQuote, now: datetime, what: str, note: str = "") -> None:
    session.add(AutoQuoteEvent(quote_id=quote.id, at=now, status=quote.status, what=what,
                               note=note))  # fmt: skip


def _document(session: Session, quote: AutoQuote, kind: QuoteDocumentKind, name: str,
              now: datetime) -> None:  # fmt: skip
    session.add(AutoQuoteDocument(quote_id=quote.id, kind=kind, name=name, created_at=now,
                                  in_bloc_retour=quote.status == QuoteStatus.ISSUED))  # fmt: skip


def _analysis(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
    quote.status = QuoteStatus.ANALYSIS
    _event(session, quote, now, "analysis_asked", "catalogue_value_above_80000")


def _decision(approve: bool):
    def decide(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
        quote.status = QuoteStatus.APPROVED if approve else QuoteStatus.REFUSED
        _event(session, quote, now, "approved" if approve else "refused")

    return decide


def _offer(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
    quote.status = QuoteStatus.OFFERED
    quote.iban = belgian_iban(quote.id)  # VA-10 (defect 5): prefilled on an endorsement
    _document(session, quote, QuoteDocumentKind.OFFER, f"offer-{quote.number}.pdf", now)
    _event(session, quote, now, "offer_made")


def _signature(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
    """Sent for signature, with a token drawn from the quote number (the same on every
    load). The email itself is not in the outbox: a reset leaves the outbox empty for
    the stories and scenarios that read it."""
    quote.sign_token = hashlib.sha256(f"va-demo-sign/{quote.number}".encode()).hexdigest()[:32]
    quote.status = QuoteStatus.SIGNING
    _event(session, quote, now, "sent_for_signature", person.email)


def _sign(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
    quote.status = QuoteStatus.SIGNED
    _document(session, quote, QuoteDocumentKind.SIGNED_PROPOSAL, f"signed-{quote.number}.pdf",
              now)  # fmt: skip
    _event(session, quote, now, "signed")


def _issue(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
    today = now.date()
    contract = Contract(
        number=f"T{quote.number}", brand=brand_of(System.VCONNECT_AUTO), holder_id=person.id, product="car",
        line=Line.NON_LIFE, status=ContractStatus.ACTIVE, start_date=today,
        renewal_date=_next_year(today), annual_premium_cents=quote.premium_cents,
        covered=list(quote.guarantees), vehicle_kind=VehicleKind.CAR,
        vehicle_make=quote.vehicle_make, vehicle_model=quote.vehicle_model,
        vehicle_plate=quote.vehicle_plate, vehicle_vin=quote.vehicle_vin,
        vehicle_year=quote.vehicle_year, vehicle_power_kw=quote.vehicle_power_kw,
        main_driver=person.full_name, risk_address=", ".join(person.address_lines),
        intermediary_id=quote.intermediary_id,
    )  # fmt: skip
    session.add(contract)
    session.flush()
    prefix = profile(contract.brand).contract_prefix
    contract.number = f"{prefix}{contract.id:07d}{contract.id % 7}"
    quote.contract_id, quote.status = contract.id, QuoteStatus.ISSUED
    for kind, name in ((QuoteDocumentKind.POLICY, "policy"),
                       (QuoteDocumentKind.INSURANCE_CARD, "insurance-card"),
                       (QuoteDocumentKind.RETURN_SLIP, "return-slip")):  # fmt: skip
        _document(session, quote, kind, f"{name}-{contract.number}.pdf", now)
    session.flush()
    for doc in session.scalars(
        select(AutoQuoteDocument).where(AutoQuoteDocument.quote_id == quote.id)
    ):
        doc.in_bloc_retour = True
    _event(session, quote, now, "issued", contract.number)


def _cancel(session: Session, quote: AutoQuote, person: Person, now: datetime) -> None:
    """VA-8 at the due date, no company needed; VA-10 the claims-history certificate."""
    contract = session.get(Contract, quote.contract_id)
    contract.status, contract.end_date = ContractStatus.ENDED, contract.renewal_date
    session.add(Document(contract_id=contract.id, kind=DocumentKind.CLAIMS_CERTIFICATE,
                         year=now.year, issued_on=now.date(), amount_cents=None))  # fmt: skip
    _document(session, quote, QuoteDocumentKind.CLAIMS_CERTIFICATE,
              f"claims-certificate-{contract.number}.pdf", now)  # fmt: skip
    _event(session, quote, now, "cancelled", "due_date")


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


STEPS = {
    "analysis": _analysis,
    "approve": _decision(True),
    "refuse": _decision(False),
    "offer": _offer,
    "signature": _signature,
    "sign": _sign,
    "issue": _issue,
    CANCELLED: _cancel,
}
