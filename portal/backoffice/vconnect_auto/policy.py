"""From a signed V-Connect Auto quote to a policy: a back-office Contract of the customer
in the broker's portfolio, which MyVivium shows by its catalogue rules (CT-1, CT-3);
then endorsements (VA-8: a guarantee may go outside the renewal date, the payment plan
changes without the company), cancellation by
the grounds of VA-8 and the claims-history certificate after one at the due date
(VA-10), and the return-slip deadline (VA-5)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AutoQuote, AutoQuoteDocument, Contract, Document, Intermediary, Person
from models.brands import System, brand_of, profile
from models.enums import ContractStatus, DocumentKind, Line, VehicleKind
from models.tariff_auto import Tariff
from models.vconnect_auto import QuoteDocumentKind, QuoteStatus
from portal.backoffice.errors import Conflict, Invalid, NotFound
from portal.backoffice.s2pack.subscribe import add_s2_pack
from portal.backoffice.vconnect_auto.lifecycle import add_document
from portal.backoffice.vconnect_auto.quotes import apply_choice, editable, event, quote_of, recalc
from portal.rules.vconnect_auto import (
    brb_deadline,
    cancellation_refusal,
    claims_certificate_due,
    payment_account,
    payment_plan_refusal,
)

TWO_WHEELS = frozenset({"motorbike", "moped", "tricycle", "quad"})
KNOWN_KINDS = frozenset(k.value for k in VehicleKind)  # a van is insured as a car
POLICY_DOCUMENTS = (
    (QuoteDocumentKind.POLICY, "policy"),
    (QuoteDocumentKind.INSURANCE_CARD, "insurance-card"),
    (QuoteDocumentKind.RETURN_SLIP, "return-slip"),
)


def one_year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _contract(quote: AutoQuote, person: Person, today: date) -> Contract:
    kind = quote.vehicle_kind or "car"
    return Contract(
        number=f"T{quote.number}", brand=brand_of(System.VCONNECT_AUTO), holder_id=person.id,
        product="motorbike" if kind in TWO_WHEELS else "car", line=Line.NON_LIFE,
        status=ContractStatus.ACTIVE, start_date=today, renewal_date=one_year_later(today),
        end_date=None, annual_premium_cents=quote.premium_cents, covered=list(quote.guarantees),
        vehicle_kind=VehicleKind(kind) if kind in KNOWN_KINDS else VehicleKind.CAR, vehicle_make=quote.vehicle_make, vehicle_model=quote.vehicle_model,
        vehicle_plate=quote.vehicle_plate, vehicle_vin=quote.vehicle_vin,
        vehicle_year=quote.vehicle_year, vehicle_power_kw=quote.vehicle_power_kw,
        vehicle_mass_kg=quote.vehicle_mass_kg, main_driver=person.full_name,
        risk_address=", ".join(person.address_lines),
        risk_note="van" if kind == "van" else None, intermediary_id=quote.intermediary_id,
    )  # fmt: skip


def finalise(db: Session, me: Intermediary, number: str, now: datetime) -> AutoQuote:
    """VA-10: a quote signed electronically is finalised into a policy; all its
    documents, the earlier ones included, go into the bloc retour."""
    quote = quote_of(db, me, number)
    if quote.status != QuoteStatus.SIGNED:
        raise Conflict("not_signed", "Only a signed proposal becomes a policy.")
    person = db.get(Person, quote.person_id)
    contract = _contract(quote, person, now.date())
    db.add(contract)
    db.flush()
    contract.number = f"{profile(contract.brand).contract_prefix}{contract.id:08d}{contract.id % 7}"
    quote.contract_id, quote.status, quote.updated_at = contract.id, QuoteStatus.ISSUED, now
    for kind, name in POLICY_DOCUMENTS:
        add_document(db, quote, kind, f"{name}-{contract.number}.pdf", now)
    db.flush()
    for doc in quote_documents(db, quote):
        doc.in_bloc_retour = True
    event(db, quote, now, "issued", contract.number)
    if quote.s2_pack and contract.product == "car":
        add_s2_pack(db, contract, now)  # S2-6: the option chosen in the quote, its welcome SMS
    db.flush()
    return quote


def quote_documents(db: Session, quote: AutoQuote) -> list[AutoQuoteDocument]:
    return list(
        db.scalars(
            select(AutoQuoteDocument)
            .where(AutoQuoteDocument.quote_id == quote.id)
            .order_by(AutoQuoteDocument.id)
        )
    )


def issued(db: Session, me: Intermediary, number: str) -> tuple[AutoQuote, Contract]:
    quote = quote_of(db, me, number)
    contract = db.get(Contract, quote.contract_id) if quote.contract_id else None
    if contract is None:
        raise NotFound("policy_not_found", "This quote has no policy.")
    return quote, contract


def endorse(db: Session, me: Intermediary, number: str, guarantees: list[str], now: datetime,
            *, english_excess: bool, s2_pack: bool, tariff: Tariff) -> Contract:  # fmt: skip
    """An endorsement: new guarantees on any date (VA-8), the premium again (VA-10)."""
    quote, contract = issued(db, me, number)
    if contract.status != ContractStatus.ACTIVE:
        raise Conflict("policy_ended", "An ended policy gets no endorsement.")
    apply_choice(quote, guarantees, now, english_excess=english_excess, s2_pack=s2_pack,
                 tariff=tariff)  # fmt: skip
    recalc(quote, now, tariff)
    quote.updated_at = now
    contract.covered, contract.annual_premium_cents = list(quote.guarantees), quote.premium_cents
    add_document(db, quote, QuoteDocumentKind.ENDORSEMENT, f"endorsement-{contract.number}.pdf",
                 now)  # fmt: skip
    event(db, quote, now, "endorsed")
    db.flush()
    return contract


def set_payment_plan(db: Session, me: Intermediary, number: str, plan: str,
                     now: datetime, account: str | None = None) -> AutoQuote:  # fmt: skip
    """VA-8: another payment plan, without the company's approval. On a quote still being
    changed its status stays (an approval or an offer still holds: the premium does not
    change); on an active policy it is an endorsement on any date, with its document.
    VA-10 (defect 5): with it, the account of the direct debit (`account`, an IBAN as
    typed; None or empty: unchanged). The plan and account it already has change
    nothing."""
    refusal = payment_plan_refusal(plan)
    if refusal is not None:
        raise Invalid(refusal.code, "The payment plan is annual, half_yearly, quarterly or "
                      "monthly.", rule=refusal.rule, field="plan")  # fmt: skip
    iban = None
    if account is not None and account.strip():
        iban = payment_account(account)
        if iban is None:
            raise Invalid("iban_invalid", "The account is not a valid IBAN.", rule="VA-10",
                          field="iban")  # fmt: skip
    quote = quote_of(db, me, number)
    contract = db.get(Contract, quote.contract_id) if quote.contract_id else None
    if contract is None:
        editable(quote)
    elif contract.status != ContractStatus.ACTIVE:
        raise Conflict("policy_ended", "An ended policy gets no endorsement.")
    if quote.payment_plan == plan and iban in (None, quote.iban):
        return quote
    quote.payment_plan, quote.updated_at = plan, now
    quote.iban = iban or quote.iban
    if contract is not None:
        add_document(db, quote, QuoteDocumentKind.ENDORSEMENT,
                     f"endorsement-{contract.number}.pdf", now)  # fmt: skip
    event(db, quote, now, "payment_plan_set", plan)
    db.flush()
    return quote


def cancel(db: Session, me: Intermediary, number: str, ground: str, effective: date | None,
           now: datetime) -> Contract:  # fmt: skip
    """Cancellation by the grounds of VA-8 without the company, on a date from the
    policy's start on (more than 15 days back allowed); at the due date the customer
    gets the claims-history certificate (VA-10)."""
    quote, contract = issued(db, me, number)
    refusal = cancellation_refusal(ground)
    if refusal is not None:
        raise Conflict(refusal.code, f"Refused by rule {refusal.rule}.", rule=refusal.rule,
                       field="ground")  # fmt: skip
    if contract.status != ContractStatus.ACTIVE:
        raise Conflict("policy_ended", "This policy has ended already.")
    day = contract.renewal_date if claims_certificate_due(ground) else effective
    if day is None or day < contract.start_date:
        raise Invalid("cancellation_date_invalid", "A date from the policy's start on.",
                      field="effective")  # fmt: skip
    contract.status, contract.end_date = ContractStatus.ENDED, day
    if claims_certificate_due(ground):
        db.add(Document(contract_id=contract.id, kind=DocumentKind.CLAIMS_CERTIFICATE,
                        year=now.year, issued_on=now.date(), amount_cents=None))  # fmt: skip
        add_document(db, quote, QuoteDocumentKind.CLAIMS_CERTIFICATE,
                     f"claims-certificate-{contract.number}.pdf", now)  # fmt: skip
    event(db, quote, now, "cancelled", ground)
    db.flush()
    return contract


def return_slip_deadline(quote: AutoQuote, contract: Contract) -> date | None:
    """VA-5 on the policy's next due date (its renewal), renewals included."""
    if contract.renewal_date is None:
        return None
    return brb_deadline(contract.renewal_date, quote.term_days)


def s2_pack_chosen(db: Session, contract_id: int) -> bool:
    """For issue 17 (S² Pack): whether the V-Connect Auto quote that issued this
    contract chose the S² Pack option."""
    chosen = db.scalars(
        select(AutoQuote.s2_pack).where(AutoQuote.contract_id == contract_id)
    ).first()
    return bool(chosen)
