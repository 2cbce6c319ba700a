"""The console page of V-Connect Auto (VA-8, VA-10): the quotes brokers sent for the
company's analysis, approved or refused here by the trainer as the company, with an
optional short note. The decision goes through the same service as the control API
(portal.backoffice.vconnect_auto.lifecycle.decide), so the broker's tool shows it the
same way: an approved quote stays in his business overview and goes on to its offer.

Thin views; a refusal is a flash with its code and the transaction rolled back
(portal.sim.refused)."""

from __future__ import annotations

from babel.numbers import format_decimal
from flask import flash, redirect, render_template, request, url_for

from models.tariff_auto import default_tariff
from portal.backoffice.errors import DomainError, Invalid, Malformed
from portal.backoffice.vconnect_auto import inputs, lifecycle
from portal.backoffice.vconnect_auto.waiting import After, WaitingPage, waiting_for_analysis
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim.blueprints import console, console_now
from portal.sim.console_i18n import console_gettext as _
from portal.sim.console_i18n import console_lang
from portal.sim.console_labels import N_
from portal.sim.refused import refused

NOTE_MOST = 200  # as the control API's decision
NUMBER_MOST = 12
#: VA-8: an acceptance criterion by the fact it limits (the broker's tool has the same texts).
CRITERIA = {
    "catalogue_value": N_("catalogue value above %(limit)s €"),
    "power_kw": N_("power above %(limit)s kW"),
    "bonus_malus": N_("bonus-malus degree above %(limit)s"),
    "accessories_percent": N_("accessories and options above %(limit)s%% of the catalogue value"),
}


def criterion_label(name: str) -> str:
    """VA-8: a criterion in the trainer's language with the tariff's limit ("valeur
    catalogue supérieure à 80 000 €"); one the tariff or the texts do not know keeps its
    name."""
    found = next((c for c in default_tariff().acceptance if c.name == name), None)
    text = CRITERIA.get(found.fact) if found else None
    if found is None or text is None:
        return name
    lang = console_lang()
    limit = format_decimal(found.limit, locale="en" if lang == "en" else f"{lang}_BE")
    return _(text, limit=limit)


def _page(waiting: WaitingPage, error: bool = False) -> str:
    return render_template(
        "sim/vconnect_auto.html",
        waiting=waiting.quotes,
        after=waiting.after.token() if waiting.after else None,
        first_page="after" in request.args,
        error=error,
        form=EmptyForm(),
        note_most=NOTE_MOST,
        criterion_label=criterion_label,
    )


@console.get("/vconnect-auto")
def vconnect_auto_page():
    """VA-8: the quotes waiting for the company's analysis, the oldest first, a page of
    PAGE_SIZE at a time (`?after=` the last one shown); a cursor no link gives is a 400
    page saying so, with the way back to the first page."""
    raw = request.args.get("after", "")
    try:
        after = After.parse(raw) if raw.strip() else None
    except Malformed:
        return _page(WaitingPage([], None), error=True), 400
    return _page(waiting_for_analysis(get_session(), after))


def _number(raw: str) -> str:
    """The quote number as the URL gives it; anything no quote number can be (too long,
    not letters and digits) looks for no quote at all."""
    return raw if len(raw) <= NUMBER_MOST and raw.isascii() and raw.isalnum() else ""


@console.post("/vconnect-auto/quotes/<number>/<any(approve,refuse):decision>")
def vconnect_auto_decide(number: str, decision: str):
    """VA-8: the company decides from the console; VA-10: the broker's overview follows."""
    back = url_for("sim.vconnect_auto_page")
    if not EmptyForm().validate_on_submit():
        return redirect(back), 400
    try:
        note = inputs.text(request.form, "note", NOTE_MOST, required=False) or ""
    except Invalid:
        flash(_("The note is one line of at most 200 characters."), "error")
        return redirect(back)
    db = get_session()
    try:
        quote = lifecycle.decide(db, _number(number), decision == "approve", console_now(), note)
    except DomainError as exc:
        return refused(exc, back)
    if decision == "approve":
        flash(_("Quote %(number)s: approved.", number=quote.number))
    else:
        flash(_("Quote %(number)s: refused.", number=quote.number))
    return redirect(back)
