"""Property-based tests of every V-Connect Auto form and page (issue 16, VA-1..VA-10;
OWASP ASVS 5.0 V1.2.1, V2.2.1, V16.5.1), in the style of test_fuzz_forms.py.

The broker Claire (8000201) works on the demo quotes (seed.vconnect_auto: one in every
status). Each example posts hostile or valid input to one form: the customer and the
line (new quote), the vehicle from Informex or by hand, the guarantees, the analysis,
the offer, the signature, the policy, a document, the duplicate, an endorsement, a
cancellation, the customer's signing page, and the pages' query strings. Each checks:

- never a server error;
- the page answers in the language of the URL, and a redirect stays in it;
- no HTML payload comes back unescaped;
- nothing half written: a refused submit leaves every V-Connect Auto row, contract,
  person, document and outbox message as it was.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from models import (
    AutoQuote,
    AutoQuoteDocument,
    AutoQuoteEvent,
    Contract,
    Document,
    Intermediary,
    OutboxMessage,
    Person,
)
from models.vconnect_auto import QuoteStatus
from portal.db import new_session
from tests.security.conftest import FormClient, assert_page_ok
from tests.security.strategies import (
    DATES,
    REFLECTION_PAYLOADS,
    hostile_text,
    one_field_hostile,
    or_valid,
)

CLAIRE = "8000201"
EXAMPLES = 30
LANGS = st.sampled_from(("fr", "nl"))
WATCHED = (AutoQuote, AutoQuoteEvent, AutoQuoteDocument, Contract, Person, Document,
           OutboxMessage)  # fmt: skip
COLUMNS = ("status", "guarantees", "lines", "premium_cents", "vehicle_plate", "vehicle_vin",
           "vehicle_kind", "english_excess", "s2_pack", "sign_token", "contract_id")  # fmt: skip

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


def state(app) -> tuple:
    """Row counts of the watched tables, every quote's state and every contract's."""
    session = new_session(app)
    try:
        counts = tuple(session.scalar(select(func.count()).select_from(m)) for m in WATCHED)
        quotes = session.execute(
            select(*(getattr(AutoQuote, c) for c in COLUMNS)).order_by(AutoQuote.id)
        ).all()
        contracts = session.execute(
            select(Contract.status, Contract.covered, Contract.end_date).order_by(Contract.id)
        ).all()
        return counts, [tuple(q) for q in quotes], [tuple(c) for c in contracts]
    finally:
        session.close()


def payloads(*values: object) -> tuple[str, ...]:
    flat = [v for value in values for v in (value if isinstance(value, list) else [value])]
    return tuple(p for p in REFLECTION_PAYLOADS if any(p in str(v) for v in flat))


def checked(app, response, lang: str, before: tuple, *values: object) -> None:
    """The properties of every example (see the module's docstring)."""
    assert_page_ok(response, lang, payloads(*values))
    if 300 <= response.status_code < 400:
        assert re.match(rf"^(?:https?://[^/]+)?/vconnect/{lang}/", response.location or "")
    elif response.status_code >= 400:
        assert state(app) == before, response.status_code


@pytest.fixture
def claire(client, db, personas) -> dict[QuoteStatus | str, str]:
    """Claire signed in; her demo quote of each status by status (the cancelled
    policy's as "cancelled")."""
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == CLAIRE)).one()
    form = FormClient(client, "/vconnect/fr/signin")
    assert form.post("/vconnect/fr/signin/pick", {"intermediary_id": me.id}).status_code < 400
    mine = db.scalars(
        select(AutoQuote).where(AutoQuote.intermediary_id == me.id).order_by(AutoQuote.id)
    ).all()
    found: dict[QuoteStatus | str, str] = {}
    for quote in mine:
        found["cancelled" if quote.status in found else quote.status] = quote.number
    return found


def form_for(client, lang: str, number: str) -> FormClient:
    return FormClient(client, f"/vconnect/{lang}/auto/quotes/{number}")


NEW_QUOTE = {"who": "existing", "person_id": "1", "line": "private", "use": "private",
             "bonus_malus": "0"}  # fmt: skip
NEW_CUSTOMER = {"who": "new", "national_number": "85073003328", "first_name": "Rik",
                "last_name": "Maes", "street": "Kerkstraat", "house_number": "3",
                "postcode": "2000", "city": "Antwerpen", "email": "rik@example.be",
                "language": "nl", "line": "private", "use": "private",
                "bonus_malus": "3"}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=st.one_of(
    one_field_hostile(NEW_QUOTE, {
        "who": or_valid("existing", "new"),
        "person_id": or_valid("1", "0", "-1", "99999999999", "１"),
        "line": or_valid("private", "commercial"),
        "use": or_valid("private", "mixed_professional", "driving_school"),
        "bonus_malus": or_valid("0", "14", "22", "23", "-1", "1e3"),
    }),
    one_field_hostile(NEW_CUSTOMER, {"language": or_valid("fr", "nl", "de"),
                                     "postcode": or_valid("2000", "0999", "99999")}),
))  # fmt: skip
def test_the_new_quote_form_never_fails_and_writes_nothing_when_it_refuses(
    app, client, db, claire, lang, fields
):
    """VA-7 (commercial line), the identity check of a new customer, the degree."""
    person_id = db.scalar(
        select(Contract.holder_id)
        .join(Intermediary, Intermediary.id == Contract.intermediary_id)
        .where(Intermediary.producer_number == CLAIRE)
    )
    data = {**fields, "person_id": fields.get("person_id", "").replace("1", str(person_id), 1)}
    before = state(app)
    form = FormClient(client, f"/vconnect/{lang}/auto/new")
    checked(app, form.post(data=data), lang, before, *data.values())


VEHICLE = {"plate": "1ABC234", "vin": "WVWZZZ1KZ8W000001", "kind": "van", "make": "Ford",
           "model": "Transit", "year": "2023", "power_kw": "96", "value_euro": "38000",
           "mass_kg": "", "accessories_euro": "0", "informex_code": ""}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, status=st.sampled_from((QuoteStatus.DRAFT, QuoteStatus.SIGNED)),
       fields=one_field_hostile(VEHICLE, {
           "plate": or_valid("1ABC234", "1ABC23456", "1abc234", "12345678"),
           "vin": or_valid("WVWZZZ1KZ8W000001", "WVWZZZ1KZ8W0000012", "WVWZZZ1KZ8W00000Q"),
           "kind": or_valid("car", "van", "motorhome", "moped", "quad", "bus"),
           "year": or_valid("2023", "1949", "2101", "０"),
           "mass_kg": or_valid("", "5000", "5001", "0", "100000"),
           "accessories_euro": or_valid("0", "1000001", "-5"),
           "informex_code": or_valid("", "IX000001", "IX999999", "IX0000010"),
       }))  # fmt: skip
def test_the_vehicle_form_never_fails_and_writes_nothing_when_it_refuses(
    app, client, claire, lang, status, fields
):
    """VA-1 plate, VA-2 chassis number, VA-3 motorhome mass, VA-4 Informex or by hand;
    a signed quote is not changed at all."""
    before = state(app)
    number = claire[status]
    response = form_for(client, lang, number).post(
        f"/vconnect/{lang}/auto/quotes/{number}/vehicle", fields
    )
    checked(app, response, lang, before, *fields.values())
    if status == QuoteStatus.SIGNED:
        assert state(app) == before


GUARANTEE_CODES = ("civil_liability", "material_damage", "accident_assistance", "glass",
                   "theft", "breakdown_assistance")  # fmt: skip
GUARANTEE_LISTS = st.lists(st.one_of(st.sampled_from(GUARANTEE_CODES), hostile_text(45)),
                           max_size=25)  # fmt: skip
FLAGS = or_valid("", "on", "true", "0", "maybe")


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, step=st.sampled_from(("guarantees", "endorsement")),
       status=st.sampled_from((QuoteStatus.DRAFT, QuoteStatus.ISSUED, "cancelled")),
       guarantees=GUARANTEE_LISTS, english=FLAGS, s2=FLAGS)  # fmt: skip
def test_the_guarantee_and_endorsement_forms_never_fail(
    app, client, claire, lang, step, status, guarantees, english, s2
):
    """VA-9 accident assistance, VA-6 English excess, VA-8 endorsements, VA-10 premium."""
    before = state(app)
    number = claire[status]
    response = form_for(client, lang, number).post(
        f"/vconnect/{lang}/auto/quotes/{number}/{step}",
        {"guarantees": guarantees, "english_excess": english, "s2_pack": s2},
    )
    checked(app, response, lang, before, guarantees, english, s2)


STEPS = ("analysis", "offer", "signature", "finalise", "duplicate")


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, step=st.sampled_from(STEPS),
       status=st.sampled_from([*QuoteStatus, "cancelled", "hostile"]),
       hostile=hostile_text(30))  # fmt: skip
def test_the_steps_of_a_quote_never_fail_in_any_status(
    app, client, claire, lang, step, status, hostile
):
    """VA-8 analysis, the offer, the signing email, the policy (VA-10) and the duplicate
    of a quote in each status, or of a quote number that is none."""
    before = state(app)
    number = claire.get(status, hostile.replace("/", "")[:12] or "x")
    form = form_for(client, lang, claire[QuoteStatus.DRAFT])
    response = form.post(f"/vconnect/{lang}/auto/quotes/{number}/{step}", {})
    checked(app, response, lang, before, hostile)


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, status=st.sampled_from([QuoteStatus.DRAFT, QuoteStatus.ISSUED]),
       name=or_valid("attestation.pdf", "x" * 120, "x" * 121))  # fmt: skip
def test_the_document_form_never_fails_nor_changes_a_status(app, client, claire, lang, status,
                                                            name):  # fmt: skip
    """VA-10: an uploaded document never changes the quote's status."""
    before = state(app)
    number = claire[status]
    response = form_for(client, lang, number).post(
        f"/vconnect/{lang}/auto/quotes/{number}/documents", {"name": name}
    )
    checked(app, response, lang, before, name)
    assert state(app)[1] == before[1]


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, status=st.sampled_from((QuoteStatus.ISSUED, "cancelled", QuoteStatus.DRAFT)),
       fields=one_field_hostile({"ground": "vehicle_sold", "effective": "2026-12-01"}, {
           "ground": or_valid("due_date", "vehicle_sold", "after_claim", "mutual_agreement"),
           "effective": st.one_of(DATES, st.just("")),
       }))  # fmt: skip
def test_the_cancellation_form_never_fails(app, client, claire, lang, status, fields):
    """VA-8: the grounds without the company, after a claim the back office; VA-10 the
    claims-history certificate at the due date."""
    before = state(app)
    number = claire[status]
    response = form_for(client, lang, number).post(
        f"/vconnect/{lang}/auto/quotes/{number}/cancellation", fields
    )
    checked(app, response, lang, before, *fields.values())


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, token=st.one_of(hostile_text(80), st.just("demo")), post=st.booleans())
def test_the_signing_page_never_fails(app, client, db, claire, lang, token, post):
    """VA-10: the customer's signing page, for his token or any other text."""
    if token == "demo":
        token = db.scalar(select(AutoQuote.sign_token).where(
            AutoQuote.number == claire[QuoteStatus.SIGNING]))  # fmt: skip
    url = f"/vconnect/{lang}/sign/{token.replace('/', '').replace('?', '').replace('#', '')}"
    before = state(app)
    response = FormClient(client, f"/vconnect/{lang}/auto/").post(url, {}) if post else (
        client.get(url))  # fmt: skip
    checked(app, response, lang, before, token)


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, page=st.sampled_from(("", "new", "quote", "policy")),
       args=st.dictionaries(st.sampled_from(("q", "person_id", "kind", "make", "model")),
                            hostile_text(80), max_size=4))  # fmt: skip
def test_the_pages_never_fail_on_a_hostile_query_string(app, client, claire, lang, page, args):
    """The business overview, the new quote's customer search, the Informex browsing
    (VA-4) and the policy link, with any query string."""
    path = {"quote": f"quotes/{claire[QuoteStatus.DRAFT]}",
            "policy": f"policy/{args.get('q', 'x').replace('/', '')[:16] or 'x'}"}  # fmt: skip
    before = state(app)
    response = client.get(f"/vconnect/{lang}/auto/{path.get(page, page)}", query_string=args)
    checked(app, response, lang, before, *args.values())
    assert state(app) == before
