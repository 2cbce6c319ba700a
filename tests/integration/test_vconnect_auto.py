"""V-Connect Auto's services on a real session (VA-1..VA-10): a quote from the broker's
portfolio or for a new customer, to a policy the customer's MyVivium shows (CT-1)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import AutoQuoteDocument, Brand, Contract, Document, Intermediary, OutboxMessage
from models.enums import ContractStatus, DocumentKind, Language, Segment
from models.informex import catalogue as informex
from models.tariff_auto import default_tariff
from models.telematics import S2Box, S2Stage
from models.vconnect_auto import QuoteDocumentKind, QuoteStatus
from portal.backoffice.errors import Conflict, Invalid, NotFound, Unavailable
from portal.backoffice.vconnect_auto import customers, lifecycle, policy, quotes, s2_pack_chosen
from portal.rules.visibility import hidden_reason
from seed import build

NOW = datetime(2026, 11, 23, 9, 0)
TARIFF = default_tariff()
GOLF = next(v.code for v in informex().values() if v.model == "Golf" and v.year == 2025)
BIG = next(v.code for v in informex().values() if v.kind == "motorhome" and v.mass_kg > 5000)


def broker(db, number="8000999") -> Intermediary:
    row = Intermediary(brand=Brand.VIVIUM, producer_number=number, first_name="Marc",
                       last_name="Broker", office="Bureau Marc", city="Namur",
                       language=Language.FR, email="marc@example.be", phone="+3281000000")  # fmt: skip
    db.add(row)
    db.flush()
    return row


def customer(db, me):
    person = build.add_person(db, first_name="Lea", email="lea@example.be")
    build.add_contract(db, person, "fire", brand=Brand.VIVIUM, intermediary_id=me.id)
    db.flush()
    return person


def draft(db, me, person=None, **fields):
    values = {"line": "private", "use": "private", "bonus_malus": 0, "tariff": TARIFF} | fields
    return quotes.create(db, me, person or customer(db, me), NOW, **values)


def with_vehicle(db, me, quote, code=GOLF, plate="1ABC234"):
    vehicle = quotes.VehicleInput(plate=plate, vin="WVWZZZ1KZ8W000001", informex_code=code)
    return quotes.set_vehicle(db, me, quote.number, vehicle, NOW, informex_up=True, tariff=TARIFF)


def to_policy(db, me, quote):
    lifecycle.make_offer(db, me, quote.number, NOW, TARIFF)
    lifecycle.send_for_signature(
        db, me, quote.number, NOW, {"fr": "https://sim/fr/sign/", "nl": "https://sim/nl/sign/"}
    )
    lifecycle.sign(db, quote.sign_token, NOW)
    return policy.finalise(db, me, quote.number, NOW)


def test_va10_a_quote_for_an_existing_customer_of_the_portfolio(db):
    me = broker(db)
    person = customer(db, me)
    assert customers.existing(db, me, person.id) == person
    quote = draft(db, me, person)
    assert quote.number.startswith("VA") and quote.status == QuoteStatus.DRAFT


def test_another_brokers_customer_is_not_found(db):
    me, other = broker(db), broker(db, "8000998")
    person = customer(db, other)
    with pytest.raises(NotFound):
        customers.existing(db, me, person.id)


def test_a_new_customer_needs_a_valid_national_number_and_an_address(db):
    me = broker(db)
    data = customers.NewCustomer("85073003329", "Tom", "Neuf", "Rue Haute", "1", "1000",
                                 "Bruxelles", "tom@example.be", Language.FR)  # fmt: skip
    with pytest.raises(Invalid) as refused:
        customers.new_customer(db, me, data)
    assert refused.value.code == "national_number_invalid"
    good = customers.NewCustomer("85073003328", "Tom", "Neuf", "Rue Haute", "1", "1000",
                                 "Bruxelles", "tom@example.be", Language.FR)  # fmt: skip
    person = customers.new_customer(db, me, good)
    assert person.birth_date == date(1985, 7, 30) and person.sex == "M"
    with pytest.raises(Invalid):
        customers.new_customer(
            db,
            me,
            good.__class__(
                **{**good.__dict__, "postcode": "0999", "national_number": "90010100146"}
            ),
        )


@pytest.mark.parametrize(("plate", "vin", "code"), [("1ABC23456", "WVWZZZ1KZ8W000001", "plate_invalid"),
                                                   ("1abc234", "WVWZZZ1KZ8W000001", "plate_invalid"),
                                                   ("1ABC234", "WVWZZZ1KZ8W00000I", "vin_invalid")])  # fmt: skip
def test_va1_va2_a_wrong_plate_or_vin_is_refused_and_changes_nothing(db, plate, vin, code):
    me = broker(db)
    quote = draft(db, me)
    vehicle = quotes.VehicleInput(plate=plate, vin=vin, informex_code=GOLF)
    with pytest.raises(Invalid) as refused:
        quotes.set_vehicle(db, me, quote.number, vehicle, NOW, informex_up=True, tariff=TARIFF)
    assert refused.value.code == code and quote.vehicle_kind is None


def test_va3_a_motorhome_above_5000_kg_gets_no_online_quote(db):
    me = broker(db)
    with pytest.raises(Invalid) as refused:
        with_vehicle(db, me, draft(db, me), code=BIG)
    assert refused.value.details["rule"] == "VA-3"


def test_va4_informex_down_is_unavailable_and_the_manual_entry_goes_on(db):
    me = broker(db)
    quote = draft(db, me)
    with pytest.raises(Unavailable):
        quotes.set_vehicle(db, me, quote.number, quotes.VehicleInput("1ABC234", "VF1234567",
                           informex_code=GOLF), NOW, informex_up=False, tariff=TARIFF)  # fmt: skip
    manual = quotes.VehicleInput("1ABC234", "VF1234567", kind="tricycle", make="Piaggio",
                                 model="MP3", year=2024, power_kw=30, value_euro=9000)  # fmt: skip
    quotes.set_vehicle(db, me, quote.number, manual, NOW, informex_up=False, tariff=TARIFF)
    assert quote.vehicle_source == "manual" and quote.premium_cents > 0


def test_va7_the_commercial_line_refers_a_driving_school_to_the_back_office(db):
    me = broker(db)
    with pytest.raises(Invalid) as refused:
        draft(db, me, line="commercial", use="driving_school")
    assert refused.value.code == "commercial_use_back_office"


def test_va9_accident_assistance_is_refused_for_a_quad(db):
    me = broker(db)
    quote = draft(db, me)
    quad = next(v.code for v in informex().values() if v.kind == "quad")
    with_vehicle(db, me, quote, code=quad)
    with pytest.raises(Invalid) as refused:
        quotes.choose(db, me, quote.number, ["accident_assistance"], NOW, english_excess=False,
                      s2_pack=False, tariff=TARIFF)  # fmt: skip
    assert refused.value.details["rule"] == "VA-9"


def test_va10_the_premium_always_follows_the_latest_choices(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    base = quote.premium_cents
    quotes.choose(db, me, quote.number, ["material_damage"], NOW, english_excess=True,
                  s2_pack=True, tariff=TARIFF)  # fmt: skip
    assert [c for c, _ in quote.lines] == ["civil_liability", "material_damage", "english_excess"]
    assert quote.premium_cents == sum(cents for _, cents in quote.lines) > base
    quotes.choose(db, me, quote.number, [], NOW, english_excess=False, s2_pack=False,
                  tariff=TARIFF)  # fmt: skip
    row = lifecycle.overview(db, me)[0]
    assert row.quote.premium_cents == base


def test_va8_an_expensive_car_goes_to_analysis_and_accessories_do_not(db):
    me = broker(db)
    quote = draft(db, me)
    manual = quotes.VehicleInput("1ABC234", "VF1234567", kind="car", make="X", model="Y",
                                 year=2025, power_kw=100, value_euro=30_000, accessories_euro=20_000)  # fmt: skip
    quotes.set_vehicle(db, me, quote.number, manual, NOW, informex_up=True, tariff=TARIFF)
    assert lifecycle.reasons(quote, TARIFF) == []
    with pytest.raises(Conflict):
        lifecycle.ask_analysis(db, me, quote.number, NOW, TARIFF)
    dear = quotes.VehicleInput("1ABC234", "VF1234567", kind="car", make="X", model="Y",
                               year=2025, power_kw=100, value_euro=90_000)  # fmt: skip
    quotes.set_vehicle(db, me, quote.number, dear, NOW, informex_up=True, tariff=TARIFF)
    with pytest.raises(Conflict) as owed:
        lifecycle.make_offer(db, me, quote.number, NOW, TARIFF)
    assert owed.value.code == "analysis_required"
    lifecycle.ask_analysis(db, me, quote.number, NOW, TARIFF)
    lifecycle.decide(db, quote.number, True, NOW)
    assert lifecycle.overview(db, me)[0].quote.status == QuoteStatus.APPROVED
    copy = lifecycle.duplicate(db, me, quote.number, NOW)
    assert copy.status == QuoteStatus.DRAFT and copy.duplicated_from == quote.number
    lifecycle.ask_analysis(db, me, copy.number, NOW, TARIFF)
    assert copy.status == QuoteStatus.ANALYSIS


def test_va10_uploading_a_document_changes_no_status(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    lifecycle.make_offer(db, me, quote.number, NOW, TARIFF)
    lifecycle.upload(db, me, quote.number, "permis.pdf", NOW)
    assert quote.status == QuoteStatus.OFFERED


def test_quote_to_policy_reaches_myvivium_with_every_document_in_the_bloc_retour(db, app):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    quotes.choose(db, me, quote.number, ["theft"], NOW, english_excess=False, s2_pack=True,
                  tariff=TARIFF)  # fmt: skip
    to_policy(db, me, quote)
    mail = db.scalars(select(OutboxMessage).where(OutboxMessage.channel == "email")).one()
    assert quote.sign_token in mail.body and mail.recipient == "lea@example.be"
    contract = db.get(Contract, quote.contract_id)
    assert contract.intermediary_id == me.id and contract.covered == quote.guarantees
    assert hidden_reason(contract, Segment.PRIVATE, app.extensions["catalogue"]) is None
    docs = db.scalars(select(AutoQuoteDocument).where(AutoQuoteDocument.quote_id == quote.id))
    docs = list(docs)
    assert {d.kind for d in docs} >= {QuoteDocumentKind.OFFER, QuoteDocumentKind.POLICY}
    assert all(d.in_bloc_retour for d in docs)
    assert s2_pack_chosen(db, contract.id)


def test_va8_an_endorsement_removes_a_guarantee_outside_the_renewal_date(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    quotes.choose(db, me, quote.number, ["theft", "glass"], NOW, english_excess=False,
                  s2_pack=False, tariff=TARIFF)  # fmt: skip
    to_policy(db, me, quote)
    later = NOW + timedelta(days=40)
    contract = policy.endorse(db, me, quote.number, ["glass"], later, english_excess=False,
                              s2_pack=False, tariff=TARIFF)  # fmt: skip
    assert "theft" not in contract.covered and contract.annual_premium_cents == quote.premium_cents


def test_va8_va10_a_cancellation_at_the_due_date_gives_the_claims_certificate(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    to_policy(db, me, quote)
    with pytest.raises(Conflict):
        policy.cancel(db, me, quote.number, "after_claim", NOW.date(), NOW)
    contract = policy.cancel(db, me, quote.number, "due_date", None, NOW)
    assert contract.status == ContractStatus.ENDED and contract.end_date == contract.renewal_date
    kinds = db.scalars(select(Document.kind).where(Document.contract_id == contract.id)).all()
    assert kinds == [DocumentKind.CLAIMS_CERTIFICATE]


def test_va5_the_policy_shows_its_return_slip_deadline(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    to_policy(db, me, quote)
    contract = db.get(Contract, quote.contract_id)
    assert policy.return_slip_deadline(quote, contract) == date(2027, 12, 30)


def test_the_overview_is_one_query(db):
    from tests.web.test_query_counts import counted

    me = broker(db)
    for _ in range(3):
        with_vehicle(db, me, draft(db, me))
    db.commit()
    with counted(db.get_bind()) as queries:
        rows = lifecycle.overview(db, me)
    assert len(rows) == 3 and len(queries) <= 2
    assert db.scalar(select(func.count()).select_from(AutoQuoteDocument)) == 0


def test_s2_6_the_s2_pack_chosen_in_the_quote_gives_a_box_and_the_welcome_sms(db):
    me = broker(db)
    person = customer(db, me)
    person.mobile = "+32470123456"
    quote = with_vehicle(db, me, draft(db, me, person))
    quotes.choose(db, me, quote.number, ["theft"], NOW, english_excess=False, s2_pack=True,
                  tariff=TARIFF)  # fmt: skip
    to_policy(db, me, quote)
    box = db.scalars(select(S2Box).where(S2Box.contract_id == quote.contract_id)).one()
    assert box.stage == S2Stage.ORDERED
    sms = db.scalars(select(OutboxMessage).where(OutboxMessage.channel == "sms")).one()
    assert box.login in sms.body and sms.kind == "s2_welcome_sms"


def test_without_the_s2_pack_the_policy_has_no_box(db):
    me = broker(db)
    quote = with_vehicle(db, me, draft(db, me))
    to_policy(db, me, quote)
    assert db.scalar(select(func.count()).select_from(S2Box)) == 0
