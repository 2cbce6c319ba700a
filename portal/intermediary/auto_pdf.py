"""The offer of a V-Connect Auto quote as a PDF file, marked SPECIMEN (VA-10)."""

from __future__ import annotations

from fpdf import FPDF

from models import AutoQuote, Person
from models.brands import Text
from portal.rules.vconnect_auto import instalment_cents

LABELS = {
    "title": Text(fr="Offre d'assurance auto", nl="Offerte autoverzekering"),
    "holder": Text(fr="Preneur d'assurance", nl="Verzekeringnemer"),
    "vehicle": Text(fr="Véhicule", nl="Voertuig"),
    "total": Text(fr="Prime annuelle", nl="Jaarpremie"),
    "plan": Text(fr="Fractionnement", nl="Betalingsplan"),
    "leaser": Text(fr="Société de leasing", nl="Leasingmaatschappij"),
    "specimen": Text(
        fr="Document fictif produit par le simulateur. Sans valeur.",
        nl="Fictief document gemaakt door de simulator. Zonder waarde.",
    ),
}
# VA-8: the payment plan, and the instalment it asks for
PLANS = {
    "annual": Text(fr="annuel, 1 paiement de", nl="jaarlijks, 1 betaling van"),
    "half_yearly": Text(fr="semestriel, 2 paiements de", nl="halfjaarlijks, 2 betalingen van"),
    "quarterly": Text(fr="trimestriel, 4 paiements de", nl="driemaandelijks, 4 betalingen van"),
    "monthly": Text(fr="mensuel, 12 paiements de", nl="maandelijks, 12 betalingen van"),
}
_LATIN1 = str.maketrans({"€": "EUR", "\u202f": " ", "\u2019": "'", "\u00a0": " ", "²": "2"})


def _safe(text: str) -> str:
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def _euro(cents: int, lang: str) -> str:
    whole = f"{cents // 100:,}".replace(",", "." if lang == "nl" else " ")
    return f"{whole},{cents % 100:02d} EUR"


def offer_pdf(quote: AutoQuote, person: Person, names: dict[str, str], lang: str) -> bytes:
    """The offer: holder, vehicle (and its leaser, VA-8), one line per guarantee, the
    total and the payment plan with its instalment (VA-8); `names` gives each premium
    line's label in the page language."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _safe(f"Vivium - {LABELS['title'].get(lang)} {quote.number}"), new_x="LMARGIN",
             new_y="NEXT")  # fmt: skip
    pdf.set_font("Helvetica", size=11)
    rows = [
        (LABELS["holder"].get(lang), person.full_name),
        (LABELS["vehicle"].get(lang),
         f"{quote.vehicle_make} {quote.vehicle_model} {quote.vehicle_plate or ''}"),
        *([(LABELS["leaser"].get(lang), quote.leaser)] if quote.leaser else []),  # VA-8
        *((names.get(code, code), _euro(cents, lang)) for code, cents in quote.lines),
        (LABELS["total"].get(lang), _euro(quote.premium_cents, lang)),
        (LABELS["plan"].get(lang), f"{PLANS[quote.payment_plan].get(lang)} "
         f"{_euro(instalment_cents(quote.premium_cents, quote.payment_plan), lang)}"),
    ]  # fmt: skip
    for label, value in rows:
        pdf.cell(80, 8, _safe(label))
        pdf.cell(0, 8, _safe(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 8, _safe(LABELS["specimen"].get(lang)))
    return bytes(pdf.output())
