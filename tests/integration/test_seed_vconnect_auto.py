"""The demo dataset's V-Connect Auto quotes (issue 16): each Vivium broker has a quote in
every status and a policy cancelled at its due date (VA-8, VA-10), with the premium the
tariff gives (VA-10) and the same rows on every load."""

from __future__ import annotations

import io

from sqlalchemy import select

from models import AutoQuote, AutoQuoteDocument, Contract, Document, Intermediary, OutboxMessage
from models.enums import ContractStatus, DocumentKind
from models.tariff_auto import default_tariff
from models.vconnect_auto import QuoteStatus
from portal.backoffice.vconnect_auto.quotes import rated
from portal.rules.vconnect_auto import plate_refusal, vin_refusal
from portal.rules.vconnect_tariff import premium_lines
from seed.demo import load_demo
from seed.export import customer_facts, write_csv


def quotes_of(db, producer_number: str) -> list[AutoQuote]:
    return list(
        db.scalars(
            select(AutoQuote)
            .join(Intermediary, Intermediary.id == AutoQuote.intermediary_id)
            .where(Intermediary.producer_number == producer_number)
            .order_by(AutoQuote.id)
        )
    )


def test_each_vivium_broker_of_the_demo_has_a_quote_in_every_status(db, personas):
    for producer in ("8000201", "8000202"):
        statuses = [q.status for q in quotes_of(db, producer)]
        assert set(statuses) == set(QuoteStatus)
        assert statuses.count(QuoteStatus.ISSUED) == 2


def test_one_demo_policy_is_cancelled_at_its_due_date_with_the_claims_certificate(db, personas):
    issued = [q for q in quotes_of(db, "8000202") if q.status == QuoteStatus.ISSUED]
    contracts = [db.get(Contract, q.contract_id) for q in issued]
    assert [c.status for c in contracts] == [ContractStatus.ACTIVE, ContractStatus.ENDED]
    ended = contracts[1]
    assert ended.end_date == ended.renewal_date
    kinds = db.scalars(select(Document.kind).where(Document.contract_id == ended.id)).all()
    assert kinds == [DocumentKind.CLAIMS_CERTIFICATE]


def test_every_document_of_a_demo_policy_is_in_the_bloc_retour(db, personas):
    issued = next(q for q in quotes_of(db, "8000201") if q.status == QuoteStatus.ISSUED)
    docs = db.scalars(select(AutoQuoteDocument).where(AutoQuoteDocument.quote_id == issued.id))
    names = {d.name.split("-")[0]: d.in_bloc_retour for d in docs}
    assert names == {"offer": True, "signed": True, "policy": True, "insurance": True,
                     "return": True}  # fmt: skip


def test_the_demo_premium_lines_are_those_of_the_tariff_for_the_quote(db, personas):
    tariff = default_tariff()
    for quote in quotes_of(db, "8000201"):
        lines = premium_lines(tariff, rated(quote, quote.created_at), quote.guarantees, True)
        assert quote.lines == [[line.code, line.cents] for line in lines]
        assert quote.premium_cents == sum(line.cents for line in lines)


def test_the_demo_vehicles_pass_the_plate_and_chassis_rules(db, personas):
    for quote in quotes_of(db, "8000202"):
        assert plate_refusal(quote.vehicle_plate) is None
        assert vin_refusal(quote.vehicle_vin) is None


def test_the_demo_quotes_sent_for_signature_have_a_signing_token_and_leave_the_outbox_empty(
    db, personas
):
    signing = [q for q in quotes_of(db, "8000201") if q.status != QuoteStatus.DRAFT]
    tokens = [q.sign_token for q in signing if q.sign_token]
    assert len(tokens) == 4 and len(set(tokens)) == 4  # signing, signed, issued, cancelled
    kinds = db.scalars(select(OutboxMessage.kind)).all()
    assert "vconnect_auto_signature_email" not in kinds


def test_loading_the_demo_again_gives_the_same_quotes(db, personas):
    def snapshot() -> list[tuple]:
        return [(q.number, q.status, q.vehicle_plate, q.vehicle_vin, q.sign_token, q.lines)
                for q in db.scalars(select(AutoQuote).order_by(AutoQuote.number))]  # fmt: skip

    first = snapshot()
    load_demo(db, reset=True)
    db.flush()
    assert snapshot() == first and len(first) == 18


def test_the_export_lists_the_quotes_of_a_customer_and_his_policies(db, personas):
    quotes = quotes_of(db, "8000201")
    everyone = list(customer_facts(db.connection()))  # read to the end: no cursor left open
    facts = next(f for f in everyone if f["person_id"] == quotes[0].person_id)
    assert facts["auto_quotes"] == [f"{q.number}:{q.status.value}" for q in quotes]
    policies = [db.get(Contract, q.contract_id) for q in quotes if q.contract_id]
    assert facts["vivium_contracts"] == [policies[0].number]
    assert facts["ended_contracts"] == [f"vivium:{policies[1].number}"]
    out = io.StringIO()
    write_csv(iter([facts]), out)
    assert f"{quotes[0].number}:draft {quotes[1].number}:analysis" in out.getvalue()
