"""Labels of the internal codes a trainer reads on the console (issue 19).

Statuses, channels, request kinds, document kinds, languages and segments are codes in
the database and the API; the console shows a label in the trainer's language (English,
French or Dutch) and keeps the code in the page's data-* attributes. The sign-in page of
the console is in the trainer's language too.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency
from flask import request
from markupsafe import Markup, escape

from portal.sim.access import signin_bp
from portal.sim.blueprints import console
from portal.sim.console_i18n import console_gettext, console_lang, console_ngettext


def N_(message: str) -> str:
    """Marks a text for extraction; translated when shown (console_gettext)."""
    return message


LABELS = {
    # channels of the outbox
    "letter": N_("letter"),
    "sms": N_("SMS"),
    "email": N_("email"),
    # kinds of support requests (RG-5, DC-2, DC-3)
    "registration_problem": N_("registration problem"),
    "paper_exception": N_("paper-mail exception"),
    "missing_document": N_("missing document"),
    # statuses of support requests and paper-mail exceptions
    "open": N_("open"),
    "answered": N_("answered"),
    "solved": N_("solved"),
    "requested": N_("requested"),
    "approved": N_("approved"),
    "refused": N_("refused"),
    "revoked": N_("revoked"),
    "sent": N_("sent"),
    # document kinds (DC-1, DC-2)
    "premium_proof": N_("premium payment proof"),
    "tax_certificate": N_("tax certificate"),
    "annual_statement": N_("annual statement"),
    "policy": N_("policy schedule"),
    "insurance_card": N_("insurance card"),
    "claims_certificate": N_("claims history certificate"),
    # people
    "fr": N_("French"),
    "nl": N_("Dutch"),
    "private": N_("private"),
    "professional": N_("professional"),
    # contracts
    "active": N_("active"),
    "ended": N_("ended"),
    # who asked support, and when a beneficiary receives (life: at the term; death)
    "customer": N_("customer"),
    "broker": N_("intermediary"),
    "life": N_("at the term"),
    "death": N_("on death"),
}


def code_label(code: object) -> str:
    """The label of a code in the trainer's language; an unknown code as it is."""
    raw = str(getattr(code, "value", code))
    return console_gettext(LABELS[raw]) if raw in LABELS else raw


def day_name(moment: date, long: bool = False) -> str:
    """The day of the week in the trainer's language ("Wed", "mer.", "wo")."""
    lang = console_lang()
    if lang == "en":
        return moment.strftime("%A" if long else "%a")
    return format_date(moment, "EEEE" if long else "EEE", locale=lang)


def amount(cents: int) -> str:
    """An amount in euros: "504.92 EUR" in English, "504,92 €" in French and Dutch."""
    lang = console_lang()
    if lang == "en":
        return f"{cents / 100:.2f} EUR"
    return format_currency(cents / 100, "EUR", locale=f"{lang}_BE")


def code(text: object) -> Markup:
    """A code inside a translated sentence: `_("... %(x)s ...") | e % {"x": code(...)}`."""
    return Markup("<code>%s</code>") % escape(text)


@console.context_processor
def _labels() -> dict:
    return {"label": code_label, "day_name": day_name, "code": code, "amount": amount}


@console.app_context_processor
def _signin_texts() -> dict:
    """The sign-in page in the trainer's language, without the switch (it needs the token).

    Registered through the console blueprint (the sign-in blueprint is registered first);
    it adds nothing to any other page."""
    if request.blueprint != signin_bp.name:
        return {}
    return {
        "_": console_gettext,
        "gettext": console_gettext,
        "ngettext": console_ngettext,
        "console_lang": console_lang(),
        "console_languages": (),
        "code": code,
    }
