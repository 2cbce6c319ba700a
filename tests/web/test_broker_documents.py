"""What the intermediary sees of a customer's documents in Connect 360 and V-Connect
(BK-2: each document with its contract and the customer's own PDF; BK-3: only for a
customer of his portfolio), and V-Connect's PDF button of a policy made in V-Connect Auto
(VA-10, seed 003 §2.10)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from sqlalchemy import select

from models import AutoQuote, Brand, Contract, Document, Intermediary, Person
from models.catalogue import load_catalogue
from models.enums import DocumentKind
from tests.conftest import csrf_token

TOOL = {Brand.PV: "connect360", Brand.VIVIUM: "vconnect"}
ROW = re.compile(r'data-testid="document-(\d+)" data-kind="(\w+)" data-contract="(\d+)"')
CUSTOMER_ROW = re.compile(
    r'data-testid="document-(\d+)" data-kind="(\w+)">.*?<td>[^<]*</td>.*?· (\d+)</td>', re.S
)
ROW_HTML = re.compile(r'<tr data-testid="document-\d+".*?</tr>', re.S)
NOT_FOUND = {"fr": "Pas dans votre portefeuille", "nl": "Niet in uw portefeuille"}


@pytest.fixture
def sign_in(client, personas, db):
    """sign_in(intermediary, lang) through the single sign-on picker."""

    def _sign_in(me: Intermediary, lang: str) -> None:
        base = f"/{TOOL[me.brand]}/{lang}"
        page = client.get(f"{base}/signin").get_data(as_text=True)
        response = client.post(
            f"{base}/signin/pick", data={"csrf_token": csrf_token(page), "intermediary_id": me.id}
        )
        assert response.status_code == 302

    return _sign_in


def broker_of(db, person: Person, brand: Brand) -> Intermediary:
    return db.scalars(
        select(Intermediary)
        .join(Contract, Contract.intermediary_id == Intermediary.id)
        .where(Contract.holder_id == person.id, Contract.brand == brand)
    ).first()


def other_broker(db, me: Intermediary) -> Intermediary:
    return db.scalars(
        select(Intermediary).where(Intermediary.brand == me.brand, Intermediary.id != me.id)
    ).first()


def text(response) -> str:
    return text_of(response.get_data(as_text=True))


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


PERSONAS = [("Louise", Brand.PV, "nl"), ("Marc", Brand.VIVIUM, "fr")]


@pytest.mark.parametrize(("name", "brand", "lang"), PERSONAS)
def test_bk2_each_document_shows_the_contract_it_belongs_to_as_the_customer_sees_it(
    client, db, sign_in, login, person_named, name, brand, lang
):
    person = person_named(name)
    login(person, brand)
    mine = client.get(f"/{brand.value}/{lang}/documents").get_data(as_text=True)
    customer_sees = set(CUSTOMER_ROW.findall(mine))
    sign_in(broker_of(db, person, brand), lang)
    page = client.get(f"/{TOOL[brand]}/{lang}/customers/{person.id}")
    broker_sees = set(ROW.findall(page.get_data(as_text=True)))
    assert broker_sees == customer_sees and len(broker_sees) > 1
    shown = [text_of(row) for row in ROW_HTML.findall(page.get_data(as_text=True))]
    assert len(set(shown)) == len(shown) == len(broker_sees), "no two rows read the same"
    for _, _, number in broker_sees:
        contract = db.scalars(select(Contract).where(Contract.number == number)).one()
        name = load_catalogue().products[contract.product].name.get(lang)
        assert any(f"{name} · {number}" in row for row in shown)


@pytest.mark.parametrize(("name", "brand", "lang"), PERSONAS)
def test_bk2_the_document_link_serves_the_customers_pdf_to_his_intermediary(
    client, db, sign_in, login, person_named, name, brand, lang
):
    person = person_named(name)
    login(person, brand)
    mine = client.get(f"/{brand.value}/{lang}/documents").get_data(as_text=True)
    doc_id = CUSTOMER_ROW.findall(mine)[0][0]
    own = client.get(f"/{brand.value}/{lang}/documents/{doc_id}.pdf")
    sign_in(broker_of(db, person, brand), lang)
    page = client.get(f"/{TOOL[brand]}/{lang}/customers/{person.id}").get_data(as_text=True)
    link = re.search(rf'href="([^"]+)" data-testid="document-pdf-{doc_id}"', page).group(1)
    assert link == f"/{TOOL[brand]}/{lang}/customers/{person.id}/documents/{doc_id}.pdf"
    pdf = client.get(link)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert pdf.headers["Content-Disposition"] == own.headers["Content-Disposition"]
    assert len(pdf.data) == len(own.data)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_bk3_another_intermediarys_customer_or_document_is_a_404_page_in_the_tool(
    client, db, sign_in, person_named, lang
):
    louise = person_named("Louise")
    me = broker_of(db, louise, Brand.PV)
    doc = db.scalars(select(Document).join(Contract).where(Contract.holder_id == louise.id)).first()
    sign_in(other_broker(db, me), lang)
    response = client.get(f"/connect360/{lang}/customers/{louise.id}/documents/{doc.id}.pdf")
    assert response.status_code == 404 and NOT_FOUND[lang] in text(response)
    assert 'data-testid="not-found"' in response.get_data(as_text=True)


def test_bk3_a_document_of_somebody_else_under_a_customers_address_is_a_404(
    client, db, sign_in, person_named
):
    louise, marc = person_named("Louise"), person_named("Marc")
    sign_in(broker_of(db, louise, Brand.PV), "fr")
    marcs = db.scalars(select(Document).join(Contract).where(Contract.holder_id == marc.id))
    base = f"/connect360/fr/customers/{louise.id}/documents"
    assert client.get(f"{base}/{marcs.first().id}.pdf").status_code == 404
    assert client.get(f"{base}/999999.pdf").status_code == 404
    assert client.get(f"{base}/abc.pdf").status_code == 404
    assert client.get("/connect360/fr/customers/999999/documents/1.pdf").status_code == 404


def test_dc1_a_document_not_issued_yet_is_not_listed_nor_served_to_the_broker(
    client, db, sign_in, person_named
):
    louise = person_named("Louise")
    contract = db.scalars(
        select(Contract).where(Contract.holder_id == louise.id, Contract.product.like("life%"))
    ).first()
    later = Document(contract_id=contract.id, kind=DocumentKind.TAX_CERTIFICATE, year=2099,
                     issued_on=date(2100, 2, 15), amount_cents=100)  # fmt: skip
    db.add(later)
    db.commit()
    sign_in(broker_of(db, louise, Brand.PV), "fr")
    page = client.get(f"/connect360/fr/customers/{louise.id}").get_data(as_text=True)
    assert f'data-testid="document-{later.id}"' not in page
    url = f"/connect360/fr/customers/{louise.id}/documents/{later.id}.pdf"
    assert client.get(url).status_code == 404


def test_the_document_pdf_needs_a_signed_in_intermediary(client, personas, person_named):
    louise = person_named("Louise")
    response = client.get(f"/connect360/fr/customers/{louise.id}/documents/1.pdf")
    assert response.status_code == 302 and "/signin" in response.location


def auto_policy(db) -> tuple[Intermediary, str, str]:
    """A demo policy issued through V-Connect Auto: its broker, number and quote."""
    quote, number = db.execute(
        select(AutoQuote, Contract.number)
        .join(Contract, Contract.id == AutoQuote.contract_id)
        .order_by(AutoQuote.id)
    ).first()
    return db.get(Intermediary, quote.intermediary_id), number, quote.number


@pytest.mark.parametrize(("lang", "label"), [("fr", "Ouvre la police"), ("nl", "Opent de polis")])
def test_va10_the_pdf_button_of_a_v_connect_auto_policy_leads_to_its_quote(
    client, db, sign_in, lang, label
):
    me, number, quote = auto_policy(db)
    sign_in(me, lang)
    page = client.get(f"/vconnect/{lang}/policies/{number}")
    html = page.get_data(as_text=True)
    link = re.search(r'href="([^"]+)" data-testid="policy-pdf"', html).group(1)
    assert link == f"/vconnect/{lang}/auto/policy/{number}" and label in text(page)
    opened = client.get(link)
    assert opened.status_code == 303 and opened.location.endswith(f"/auto/quotes/{quote}")
    assert client.get(opened.location).status_code == 200


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_va10_a_policy_not_made_in_v_connect_auto_has_no_pdf_button(
    client, db, sign_in, person_named, lang
):
    marc = person_named("Marc")
    car = (
        db.scalars(
            select(Contract).where(Contract.holder_id == marc.id, Contract.product == "car")
        ).first()
        or db.scalars(select(Contract).where(Contract.holder_id == marc.id)).first()
    )
    sign_in(broker_of(db, marc, Brand.VIVIUM), lang)
    page = client.get(f"/vconnect/{lang}/policies/{car.number}")
    assert page.status_code == 200
    assert 'data-testid="policy-pdf"' not in page.get_data(as_text=True)
