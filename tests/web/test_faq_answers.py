"""The Contact & Help answers against the FAQs (HP-1, CT-2, BR-1, BR-2) and the order of
the Documents tab (DC-1, DC-2)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from models import Brand, Contract, Document, DocumentKind


def _answer(html: str, question: str) -> str:
    block = html.split(f'data-testid="faq-{question}"', 1)[1].split("</details>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block))


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "accidents du travail"), ("nl", "arbeidsongevallen")]
)
def test_ct2_myvivium_says_workers_compensation_is_not_shown_yet(client, lang, words):
    """V 3.1: "AT" is among the contracts MyVivium does not show yet."""
    answer = _answer(client.get(f"/vivium/{lang}/help").get_data(as_text=True), "missing-contract")
    assert words in answer and "2025" in answer


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "accidents du travail"), ("nl", "arbeidsongevallen")]
)
def test_ct2_myp_and_v_does_not_list_workers_compensation(client, lang, words):
    """P 3.1 names old car contracts, bikes and niche contracts only."""
    answer = _answer(client.get(f"/pv/{lang}/help").get_data(as_text=True), "missing-contract")
    assert words not in answer and "2025" in answer


@pytest.mark.parametrize(
    ("lang", "url"), [("fr", "https://my.vivium.be/fr"), ("nl", "https://my.vivium.be/nl")]
)
def test_br2_myp_and_v_links_to_myvivium_in_the_readers_language(client, lang, url):
    answer = _answer(client.get(f"/pv/{lang}/help").get_data(as_text=True), "other-brand")
    assert re.search(rf"{re.escape(url)}(?![\w/])", answer), answer


def test_dc1_documents_of_one_year_are_listed_by_issue_date_newest_first(
    client, db, personas, person_named, login
):
    louise = person_named("Louise")
    login(louise, Brand.PV)
    contract = db.scalars(select(Contract).where(Contract.number == "5436548")).one()
    extra = Document(
        contract_id=contract.id,
        kind=DocumentKind.PREMIUM_PROOF,
        year=2025,
        issued_on=date(2026, 3, 1),
        amount_cents=1000,
    )
    db.add(extra)
    db.commit()
    for lang in ("nl", "fr"):
        html = client.get(f"/pv/{lang}/documents").get_data(as_text=True)
        ids = [int(i) for i in re.findall(r'data-testid="document-(\d+)"', html)]
        rows = {d.id: d for d in db.scalars(select(Document).where(Document.id.in_(ids)))}
        listed = [(rows[i].year, rows[i].issued_on) for i in ids]
        assert listed == sorted(listed, reverse=True), listed
        assert ids[0] == extra.id
