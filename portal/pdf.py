"""Life documents as real PDF files, marked SPECIMEN (DC-1)."""

from __future__ import annotations

from babel.dates import format_date
from babel.numbers import format_decimal
from fpdf import FPDF

from models import Document, Person
from models.brands import BrandProfile, Text
from models.catalogue import Catalogue
from models.enums import DocumentKind

TITLES = {
    DocumentKind.PREMIUM_PROOF: Text(
        fr="Preuve de paiement de la prime", nl="Bewijs van premiebetaling"
    ),
    DocumentKind.TAX_CERTIFICATE: Text(fr="Attestation fiscale", nl="Fiscaal attest"),
    DocumentKind.ANNUAL_STATEMENT: Text(fr="Relevé annuel", nl="Jaaroverzicht"),
}
AMOUNT_LABELS = {
    DocumentKind.PREMIUM_PROOF: Text(fr="Primes payées", nl="Betaalde premies"),
    DocumentKind.TAX_CERTIFICATE: Text(
        fr="Primes fiscalement déductibles", nl="Fiscaal aftrekbare premies"
    ),
    DocumentKind.ANNUAL_STATEMENT: Text(
        fr="Réserve constituée au 31 décembre", nl="Opgebouwde reserve op 31 december"
    ),
}
LABELS = {
    "holder": Text(fr="Preneur d'assurance", nl="Verzekeringnemer"),
    "contract": Text(fr="Contrat", nl="Contract"),
    "year": Text(fr="Année", nl="Jaar"),
    "issued": Text(fr="Établi le", nl="Opgemaakt op"),
    "specimen": Text(
        fr="Document fictif produit par le simulateur de portail. Sans valeur.",
        nl="Fictief document gemaakt door de portaalsimulator. Zonder waarde.",
    ),
}
# The PDF core fonts speak Latin-1; these are the few characters Babel and French use
# outside it.
_LATIN1 = str.maketrans({"€": "EUR", "\u202f": " ", "\u2019": "'", "\u2013": "-", "\u00a0": " "})


def _safe(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def _amount(cents: int | None, lang: str) -> str:
    locale = "nl_BE" if lang == "nl" else "fr_BE"
    value = format_decimal((cents or 0) / 100, format="#,##0.00", locale=locale)
    return f"{value} EUR"


def document_pdf(
    doc: Document, person: Person, profile: BrandProfile, catalogue: Catalogue, lang: str
) -> bytes:
    """One life document of one year, with the customer's name, contract and amounts."""
    locale = "nl_BE" if lang == "nl" else "fr_BE"
    product = catalogue.products.get(doc.contract.product)
    pdf = FPDF(format="A4")
    pdf.set_title(_safe(f"{TITLES[doc.kind].get(lang)} {doc.year}"))
    pdf.set_author(profile.company)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 60)
    pdf.set_text_color(235, 235, 235)
    with pdf.rotation(30, x=105, y=160):
        pdf.text(35, 190, "SPECIMEN")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("helvetica", "B", 18)
    pdf.cell(0, 10, _safe(profile.company), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    for line in (person.full_name, *person.address_lines):
        pdf.cell(0, 6, _safe(line), new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.ln(10)
    pdf.set_font("helvetica", "B", 15)
    pdf.cell(
        0, 10, _safe(f"{TITLES[doc.kind].get(lang)} {doc.year}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("helvetica", "", 11)
    rows = [
        (LABELS["holder"].get(lang), person.full_name),
        (
            LABELS["contract"].get(lang),
            f"{product.name.get(lang) if product else ''} {doc.contract.number}",
        ),
        (LABELS["year"].get(lang), str(doc.year)),
        (AMOUNT_LABELS[doc.kind].get(lang), _amount(doc.amount_cents, lang)),
        (LABELS["issued"].get(lang), format_date(doc.issued_on, format="long", locale=locale)),
    ]
    for label, value in rows:
        pdf.cell(70, 8, _safe(label))
        pdf.cell(0, 8, _safe(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font("helvetica", "I", 9)
    pdf.multi_cell(0, 5, _safe(f"SPECIMEN - {LABELS['specimen'].get(lang)}"))
    return bytes(pdf.output())
