"""V-Connect Auto's screens inside V-Connect (VA-1..VA-10), in French and Dutch: the
business overview, a new quote, the vehicle, the guarantees, each refusal naming its rule,
the path to the policy and the customer's MyVivium (CT-1)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from models import AutoQuote, Brand, Contract, Intermediary, OutboxMessage
from models.sim import FaultName, set_fault
from seed import build
from tests.conftest import csrf_token

CLAIRE, PIETER = "8000201", "8000202"


@pytest.fixture
def sign_in(client, personas, db):
    def _sign_in(number: str) -> Intermediary:
        me = db.scalars(select(Intermediary).where(Intermediary.producer_number == number)).one()
        base = f"/vconnect/{me.language.value}"
        page = client.get(f"{base}/signin").get_data(as_text=True)
        client.post(f"{base}/signin/pick",
                    data={"csrf_token": csrf_token(page), "intermediary_id": me.id})  # fmt: skip
        return me

    return _sign_in


@pytest.fixture
def customer(db, sign_in):
    """Léa, a private customer of Claire's (a fire policy), with an email address."""
    me = sign_in(CLAIRE)
    person = build.add_person(db, first_name="Léa", last_name="Privée", email="lea@example.be")
    build.add_contract(db, person, "fire", brand=Brand.VIVIUM, intermediary_id=me.id)
    db.commit()
    return person


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def post(client, url: str, data: dict, page: str | None = None):
    token = csrf_token(client.get(page or url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def new_quote(client, person, lang="fr", **fields) -> str:
    data = {"who": "existing", "person_id": person.id, "line": "private", "use": "private",
            "bonus_malus": "0"} | fields  # fmt: skip
    response = post(client, f"/vconnect/{lang}/auto/new", data)
    assert response.status_code == 303, text(response)
    return response.location.rsplit("/", 1)[1]


MANUAL = {"kind": "car", "make": "Renault", "model": "Clio", "year": "2025", "power_kw": "74",
          "value_euro": "21000", "plate": "1ABC234", "vin": "VF1RJA00012345678"}  # fmt: skip


def vehicle(client, number, lang="fr", **fields):
    page = f"/vconnect/{lang}/auto/quotes/{number}?kind=car"
    return post(client, f"/vconnect/{lang}/auto/quotes/{number}/vehicle", MANUAL | fields, page)


def step(client, number, action, lang="fr", **data):
    return post(client, f"/vconnect/{lang}/auto/quotes/{number}/{action}", data,
                f"/vconnect/{lang}/auto/quotes/{number}")  # fmt: skip


def test_the_navigation_leads_to_the_business_overview(client, customer):
    home = client.get("/vconnect/fr/").get_data(as_text=True)
    assert 'data-testid="nav-auto"' in home
    page = client.get("/vconnect/fr/auto/")
    assert page.status_code == 200 and "Aperçu des affaires" in text(page)


def test_a_quote_for_an_existing_customer_reaches_his_myvivium(client, customer, db, login):
    number = new_quote(client, customer)
    assert vehicle(client, number).status_code == 303
    chosen = step(client, number, "guarantees", guarantees=["theft", "material_damage"],
                  english_excess="on")  # fmt: skip
    assert chosen.status_code == 303
    page = text(client.get(f"/vconnect/fr/auto/quotes/{number}"))
    assert "Surprime franchise anglaise (VA-6)" in page
    for name in ("offer", "signature"):
        assert step(client, number, name).status_code == 303
    mail = db.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "lea@example.be")
    ).one()
    link = re.search(r"https?://\S+/sign/\S+", mail.body).group(0)
    sign_url = link.split("localhost", 1)[-1]
    assert "Signez votre proposition" in text(client.get(sign_url))
    signed = post(client, sign_url, {})
    assert signed.status_code == 200 and "la proposition est signée" in text(signed)
    assert step(client, number, "finalise").status_code == 303
    page = text(client.get(f"/vconnect/fr/auto/quotes/{number}"))
    assert "Police émise" in page and "dans le bloc retour" in page
    contract = db.scalars(select(Contract).join(AutoQuote, AutoQuote.contract_id == Contract.id)
                          .where(AutoQuote.number == number)).one()  # fmt: skip
    login(customer, Brand.VIVIUM)
    myvivium = client.get(f"/vivium/fr/contracts/{contract.number}")
    assert myvivium.status_code == 200 and "Renault Clio" in text(myvivium)


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"plate": "1ABC23456"}, "VA-1"), ({"plate": "1abc234"}, "VA-1"),
     ({"vin": "VF1RJA000123456789"}, "VA-2"), ({"vin": "VF1RJA0001234567O"}, "VA-2"),
     ({"kind": "motorhome", "mass_kg": "5001"}, "auto-ant@vivium.be")],
)  # fmt: skip
def test_a_refused_vehicle_shows_the_rule_in_french(client, customer, fields, message):
    number = new_quote(client, customer)
    response = vehicle(client, number, **fields)
    assert response.status_code == 422
    assert message in text(response)


def test_the_refusals_speak_dutch_in_the_dutch_tool(client, customer):
    number = new_quote(client, customer, lang="nl")
    response = vehicle(client, number, lang="nl", plate="1abc234")
    assert response.status_code == 422 and "VA-1: de nummerplaat" in text(response)


def test_va3_a_motorhome_of_5000_kg_is_accepted(client, customer):
    number = new_quote(client, customer)
    assert vehicle(client, number, kind="motorhome", mass_kg="5000").status_code == 303


def test_va4_informex_down_shows_manual_entry_and_the_quote_goes_on(client, customer, db):
    set_fault(db, FaultName.INFORMEX_UNAVAILABLE, True)
    db.commit()
    number = new_quote(client, customer)
    page = client.get(f"/vconnect/fr/auto/quotes/{number}")
    assert 'data-testid="informex-down"' in page.get_data(as_text=True)
    assert "VA-4" in text(page)
    assert vehicle(client, number).status_code == 303


def test_informex_is_browsed_down_to_its_versions(client, customer):
    number = new_quote(client, customer)
    page = client.get(f"/vconnect/fr/auto/quotes/{number}?kind=car&make=Renault&model=Clio")
    html = page.get_data(as_text=True)
    assert 'name="informex_code"' in html and "Comfort" in html


def test_va7_the_commercial_line_refers_other_uses_to_the_back_office(client, customer):
    response = post(client, "/vconnect/fr/auto/new",
                    {"who": "existing", "person_id": customer.id, "line": "commercial",
                     "use": "loan_car", "bonus_malus": "0"})  # fmt: skip
    assert response.status_code == 422 and "VA-7" in text(response)


def test_va9_accident_assistance_is_refused_for_a_quad(client, customer):
    number = new_quote(client, customer)
    vehicle(client, number, kind="quad", power_kw="30", value_euro="9000")
    response = step(client, number, "guarantees", guarantees=["accident_assistance"])
    assert response.status_code == 422 and "VA-9" in text(response)


def test_va10_uploading_a_document_keeps_the_status_and_the_overview_the_latest_premium(
    client, customer, db
):
    number = new_quote(client, customer)
    vehicle(client, number)
    step(client, number, "offer")
    assert step(client, number, "documents", name="permis.pdf").status_code == 303
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()
    assert quote.status.value == "offered"
    before = premium_in_overview(client, number)
    step(client, number, "guarantees", guarantees=["glass"])
    page = client.get(f"/vconnect/fr/auto/quotes/{number}").get_data(as_text=True)
    total = re.search(r'data-testid="premium-total">([^<]+)<', page).group(1)
    assert premium_in_overview(client, number) == total != before


def premium_in_overview(client, number: str) -> str:
    overview = client.get("/vconnect/fr/auto/").get_data(as_text=True)
    return re.search(rf'data-testid="premium-{number}">([^<]+)<', overview).group(1)


def test_another_brokers_quote_is_a_404(client, customer, sign_in):
    number = new_quote(client, customer)
    sign_in(PIETER)
    assert client.get(f"/vconnect/nl/auto/quotes/{number}").status_code == 404


def test_a_new_customer_with_a_wrong_national_number_is_refused(client, customer):
    data = {"who": "new", "national_number": "85073003329", "first_name": "Tom",
            "last_name": "Neuf", "street": "Rue Haute", "house_number": "1", "postcode": "1000",
            "city": "Bruxelles", "email": "tom@example.be", "language": "fr", "line": "private",
            "use": "private", "bonus_malus": "0"}  # fmt: skip
    response = post(client, "/vconnect/fr/auto/new", data)
    assert response.status_code == 422 and "numéro national" in text(response)
    data["national_number"] = "85073003328"
    assert post(client, "/vconnect/fr/auto/new", data).status_code == 303


def test_the_offer_pdf_opens(client, customer):
    number = new_quote(client, customer)
    vehicle(client, number)
    step(client, number, "offer")
    pdf = client.get(f"/vconnect/fr/auto/quotes/{number}/offer.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_a_bad_signing_link_is_a_404_page(client):
    assert client.get("/vconnect/fr/sign/nothing").status_code == 404


def test_the_quote_page_and_the_overview_keep_a_fixed_query_count(app, client, customer):
    from tests.web.test_query_counts import counted

    small = new_quote(client, customer)
    vehicle(client, small)
    large = new_quote(client, customer)
    vehicle(client, large)
    for name in ("a.pdf", "b.pdf", "c.pdf", "d.pdf"):
        step(client, large, "documents", name=name)
    counts = []
    for number in (small, large):
        with counted(app.extensions["db_engine"]) as statements:
            assert client.get(f"/vconnect/fr/auto/quotes/{number}").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 12
    with counted(app.extensions["db_engine"]) as statements:
        assert client.get("/vconnect/fr/auto/").status_code == 200
    few = len(statements)
    for _ in range(3):
        new_quote(client, customer)
    with counted(app.extensions["db_engine"]) as statements:
        client.get("/vconnect/fr/auto/")
    assert len(statements) == few <= 8


def test_va10_the_old_tools_policy_link_opens_the_policy_in_v_connect_auto(client, customer, db):
    number = new_quote(client, customer)
    vehicle(client, number)
    for action in ("offer", "signature"):
        step(client, number, action)
    quote = db.scalars(select(AutoQuote).where(AutoQuote.number == number)).one()
    post(client, f"/vconnect/fr/sign/{quote.sign_token}", {})
    step(client, number, "finalise")
    db.expire_all()
    contract = db.get(Contract, db.scalars(select(AutoQuote.contract_id).where(
        AutoQuote.number == number)).one())  # fmt: skip
    opened = client.get(f"/vconnect/fr/auto/policy/{contract.number}")
    assert opened.status_code == 303 and opened.location.endswith(f"/auto/quotes/{number}")
    assert client.get("/vconnect/fr/auto/policy/123").status_code == 404
