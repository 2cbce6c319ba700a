"""The console's own words for the back office's refusals (issue 12 follow-up).

A refused console action is flashed in the trainer's language (English, French or Dutch,
portal.sim.console_i18n), its stable code kept in brackets for testers. The back office
keeps its English `message` for the JSON API; here each code the console can show has a
text of its own, with the error's `details` (and the limits below) put in.

A code without a text here, or a text whose detail the error does not carry, reads the
error's own message: a refusal is never lost, and never a server error. `invalid_field`
is left to its message on purpose: only the S² console raises it, already in the
trainer's language (portal.sim.s2pack_console).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from portal.backoffice.desk import MAX_TEXT
from portal.backoffice.errors import DomainError
from portal.rules.s2pack import MAX_G
from portal.sim.console_labels import N_

# Values a text may name besides the error's own details.
LIMITS: Mapping[str, object] = {"max_g": f"{MAX_G:g}", "max_text": MAX_TEXT}

TEXTS: Mapping[str, str] = {
    # Insurgate: the company's decision on an integration request (IG-2)
    "integration_not_found": N_("There is no such Insurgate integration request."),
    "already_decided": N_("This integration request has been decided already."),
    # the support desk (RG-5, DC-2, DC-3); `wrong_status` is a quote's too (VA-8)
    "unknown_action": N_("The support desk has no such action."),
    "wrong_kind": N_("This action does not apply to a request of this kind."),
    "wrong_status": N_("This action is not possible in the present status."),
    "text_required": N_("Write the answer before sending it."),
    "invalid_text": N_("The answer is longer than %(max_text)s characters."),
    "invalid_note": N_("The note is longer than %(max_text)s characters."),
    "invalid_message": N_("The message is longer than %(max_text)s characters."),
    "no_email": N_("The request has no email address: nobody can be answered."),
    "national_number_required": N_("Give the national number whose records are merged."),
    "invalid_national_number": N_("A national number has 11 digits."),
    "invalid_keep": N_("The record to keep is not one of the duplicates."),
    "no_duplicate": N_("This national number has one record only: nothing to merge."),
    "no_exception": N_("This request holds no paper-mail exception."),
    "document_unknown": N_("The request's contract or document kind no longer exists."),
    # the intermediary's requests and published documents (BK-1, DC-1, DC-2, DC-3)
    "unknown_brand": N_("The simulator knows no such brand."),
    "customer_not_found": N_("This brand has no such customer."),
    "not_registered": N_("The customer has no account: letters go by post already."),
    "already_paper": N_("An approved paper-mail exception is in force already."),
    "already_requested": N_("A paper-mail exception is waiting for support already."),
    "invalid_email": N_("This email address is not valid."),
    "email_required": N_("No email address of the customer is known: give one."),
    "invalid_contract": N_("This contract number is not one of the customer's."),
    "invalid_kind": N_("Choose a document kind of the list."),
    "invalid_year": N_("The year is a whole number from 1990 to next year."),
    "contract_not_found": N_("No contract has this number."),
    "not_life_document": N_("Only life contracts get documents in the customer's space."),
    "document_exists": N_("This document of this year exists already."),
    # V-Connect Auto: the company's decision on a quote in analysis (VA-8)
    "quote_not_found": N_("There is no such quote."),
    # the S² Pack (S2-1 .. S2-8)
    "s2_not_vivium_car": N_("The S² Pack is an option of Vivium car policies only."),
    "s2_contract_ended": N_("The contract is no longer active."),
    "s2_pack_exists": N_("This contract has the S² Pack already."),
    "s2_no_pack": N_("This contract has no S² Pack."),
    "s2_not_waiting": N_("The box is not waiting to be installed (stage %(stage)s)."),
    "s2_not_sent": N_("The box has not been sent yet."),
    "s2_no_anomaly": N_("The box is not out of order (stage %(stage)s)."),
    "s2_not_active": N_("The box is not installed and working (stage %(stage)s)."),
    "s2_already_ended": N_("The S² Pack has ended already."),
    "s2_bad_impact": N_("An impact's strength is above 0 g and at most %(max_g)s g."),
    "s2_bad_battery": N_("The battery is either low or disconnected."),
    "s2_bad_plate": N_("A number plate has 1 to 8 letters or digits."),
}


def refusal_text(exc: DomainError, translate: Callable[[str], str]) -> str:
    """The refusal as the trainer reads it, "<text> (<code>)": the code's text in the
    language of `translate`, else the error's own message."""
    text = exc.message
    msgid = TEXTS.get(exc.code)
    if msgid is not None:
        try:
            text = translate(msgid) % {**LIMITS, **exc.details}
        except (KeyError, TypeError, ValueError):  # a detail the error does not carry
            text = exc.message
    return f"{text} ({exc.code})"
