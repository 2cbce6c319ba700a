"""The Documents tab and the PDF files (DC-1, DC-2)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from sqlalchemy import select

from models import Brand, Document, DocumentKind


def _rows(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-testid="document-(\d+)" data-kind="([a-z_]+)"', html)


def test_dc1_louise_has_three_life_documents_per_year_for_each_pension_contract(
    client, personas, person_named, login
):
    login(person_named("Louise"), Brand.PV)
    html = client.get("/pv/nl/documents").get_data(as_text=True)
    rows = _rows(html)
    assert len(rows) == 2 * 3 * 3
    assert {kind for _, kind in rows} == {"premium_proof", "tax_certificate", "annual_statement"}
    years = [int(y) for y in re.findall(r'data-kind="[a-z_]+">\s*<td>(\d{4})</td>', html)]
    assert years == sorted(years, reverse=True)
    assert (
        "Fiscaal attest" in html and "Bewijs van premiebetaling" in html and "Jaaroverzicht" in html
    )


def test_dc1_non_life_documents_never_reach_the_portal(client, db, personas, person_named, login):
    emma = person_named("Emma")
    login(emma, Brand.PV)
    html = client.get("/pv/nl/documents").get_data(as_text=True)
    assert {kind for _, kind in _rows(html)} == {
        "premium_proof",
        "tax_certificate",
        "annual_statement",
    }
    card = db.scalars(select(Document).where(Document.kind == DocumentKind.INSURANCE_CARD)).first()
    assert client.get(f"/pv/nl/documents/{card.id}.pdf").status_code == 404


def test_dc2_documents_tab_says_what_to_do_when_a_document_is_missing(
    client, personas, person_named, login
):
    login(person_named("Jean-Pierre"), Brand.PV)
    html = client.get("/pv/fr/documents").get_data(as_text=True)
    assert 'data-testid="no-documents"' in html
    help_box = html.split('data-testid="documents-help"')[1]
    assert "agent" in help_box and "e-mail" in help_box


def test_dc2_vivium_names_the_broker(client, personas, person_named, login):
    login(person_named("Marc"), Brand.VIVIUM)
    html = client.get("/vivium/nl/documents").get_data(as_text=True)
    assert "makelaar" in html.split('data-testid="documents-help"')[1]


def test_a_document_downloads_as_a_real_pdf_with_the_customers_facts(
    client, personas, person_named, login
):
    login(person_named("Louise"), Brand.PV)
    html = client.get("/pv/fr/documents").get_data(as_text=True)
    doc_id, kind = _rows(html)[0]
    response = client.get(f"/pv/fr/documents/{doc_id}.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    text = PdfReader(io.BytesIO(response.data)).pages[0].extract_text()
    assert "SPECIMEN" in text
    assert "Louise Peeters" in text
    assert "2025" in text
    assert re.search(r"(5436548|8890079)", text)
    assert "EUR" in text
    # DC-1: the newest document first: the 2025 tax certificate, issued in February 2026
    assert kind == "tax_certificate" and "Attestation fiscale" in text


def test_another_customers_document_is_not_found(client, db, personas, person_named, login):
    louise = person_named("Louise")
    login(person_named("Marc"), Brand.VIVIUM)
    login(louise, Brand.PV)
    theirs = db.scalars(
        select(Document).join(Document.contract).where(Document.contract.has(holder_id=louise.id))
    ).first()
    assert client.get(f"/vivium/fr/documents/{theirs.id}.pdf").status_code == 404
    assert client.get(f"/pv/fr/documents/{theirs.id}.pdf").status_code == 200
