"""What V-Connect Auto's screens say (issue 16): the names of statuses, uses, vehicle
kinds and cancellation grounds, and each refusal's message naming its rule (VA-1..VA-10)."""

from __future__ import annotations

from collections.abc import Iterable

from babel.numbers import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from models.tariff_auto import Tariff
from portal.rules.vconnect_auto import printed_account

STATUSES = {
    "draft": _l("Draft"),
    "analysis": _l("Company analysis"),
    "approved": _l("Approved by the company"),
    "refused": _l("Refused by the company"),
    "offered": _l("Offer made"),
    "signing": _l("Waiting for the customer's signature"),
    "signed": _l("Signed by the customer"),
    "issued": _l("Policy issued"),
}
USES = {
    "private": _l("Private"),
    "mixed_professional": _l("Mixed and professional"),
    "driving_school": _l("Driving school"),
    "loan_car": _l("Loan car"),
    "own_account_transport": _l("Transport for own account"),
}
LINES = {"private": _l("Private line"), "commercial": _l("Commercial line")}
KINDS = {
    "car": _l("Car"),
    "van": _l("Van"),
    "motorhome": _l("Motorhome"),
    "motorbike": _l("Motorbike"),
    "moped": _l("Moped"),
    "tricycle": _l("Tricycle"),
    "quad": _l("Quad"),
}
GROUNDS = {
    "due_date": _l("At the due date"),
    "vehicle_sold": _l("Vehicle sold"),
    "refusal_no_follow_up": _l("After refusal (no follow-up)"),
    "mutual_agreement": _l("By mutual agreement"),
    "conditions_or_tariff_changed": _l("After a change of conditions or tariff"),
    "after_claim": _l("After a claim"),
}
DOCUMENTS = {
    "offer": _l("Offer"),
    "signed_proposal": _l("Signed proposal"),
    "policy": _l("Policy"),
    "insurance_card": _l("Insurance card"),
    "return_slip": _l("Return slip"),
    "endorsement": _l("Endorsement"),
    "claims_certificate": _l("Claims-history certificate"),
    "upload": _l("Uploaded document"),
}
EVENTS = {
    "created": _l("Quote created"),
    "vehicle_set": _l("Vehicle chosen"),
    "guarantees_chosen": _l("Guarantees chosen"),
    "analysis_asked": _l("Company analysis asked"),
    "approved": _l("Approved by the company"),
    "refused": _l("Refused by the company"),
    "offer_made": _l("Offer made"),
    "sent_for_signature": _l("Sent to the customer for signature"),
    "signed": _l("Signed by the customer"),
    "issued": _l("Policy issued"),
    "document_uploaded": _l("Document uploaded"),
    "duplicated": _l("Duplicated from another quote"),
    "endorsed": _l("Endorsement"),
    "cancelled": _l("Policy cancelled"),
    "term_set": _l("Return-slip term changed"),
    "payment_plan_set": _l("Payment plan changed"),
}
# VA-8: the payment plans, and how often the customer pays under each.
PLANS = {
    "annual": _l("Annual"),
    "half_yearly": _l("Half-yearly"),
    "quarterly": _l("Quarterly"),
    "monthly": _l("Monthly"),
}
INSTALMENTS = {
    "annual": _l("one payment a year of %(amount)s"),
    "half_yearly": _l("two payments a year of %(amount)s"),
    "quarterly": _l("four payments a year of %(amount)s"),
    "monthly": _l("twelve payments a year of %(amount)s"),
}
# VA-5: the return slip's terms, each with the way its deadline is counted.
TERMS = {
    30: _l("30 days: the last day of the due date's month, plus 30 days"),
    45: _l("45 days: the due date plus 45 days"),
    60: _l("60 days: the due date plus 60 days"),
    90: _l("90 days: the due date plus 90 days"),
}
# The support of V-Connect Auto (release note 11): who answers what, by email and phone.
CONTACTS = (
    ("helpdesk", _l("Helpdesk"), _l("Technical questions about the tool"),
     "helpdesk@vivium.be", "0800 484 92", "+3280048492"),
    ("service-center", _l("Service Center"),
     _l("Questions about the product, the tariff or the acceptance of a risk"),
     "auto-ANT@Vivium.be", "03 244 66 16", "+3232446616"),
)  # fmt: skip
EXTRA_LINES = {"english_excess": _l("English excess surcharge (VA-6)")}
# VA-8: the acceptance criteria, by the fact each one limits (the tariff gives the limit).
CRITERIA = {
    "catalogue_value": _l("catalogue value above %(limit)s €"),
    "power_kw": _l("power above %(limit)s kW"),
    "bonus_malus": _l("bonus-malus degree above %(limit)s"),
    "accessories_percent": _l("accessories and options above %(limit)s%% of the catalogue value"),
}


REFUSALS = {
    "iban_invalid": _l(
        "VA-10: the account is not a valid IBAN (a Belgian one: BE, two check digits and the "
        "twelve digits of an account at a known bank)."
    ),
    "plate_invalid": _l(
        "VA-1: the number plate has at most 8 characters, upper-case letters and digits only."
    ),
    "vin_invalid": _l(
        "VA-2: the chassis number has at most 17 characters, upper-case "
        "letters and digits, and never the letters I, O or Q."
    ),
    "mtm_missing": _l("VA-3: give the maximum authorised mass (MTM, kg) of the motorhome."),
    "mtm_above_limit": _l(
        "VA-3: a motorhome above 5,000 kg maximum authorised mass cannot "
        "be quoted online. Send the complete signed proposal by email to "
        "auto-ant@vivium.be."
    ),
    "informex_unavailable": _l(
        "VA-4: Informex does not answer. Enter the vehicle by hand below and go on with the quote."
    ),
    "informex_vehicle_not_found": _l(
        "VA-4: this vehicle is not in Informex. Enter it by hand below."
    ),
    "commercial_use_back_office": _l(
        'VA-7: on the commercial line only the use "mixed and '
        'professional" is quoted online. For any other use, '
        "contact the back office."
    ),
    "accident_assistance_kind": _l(
        "VA-9: accident assistance is not available for mopeds, tricycles and quads."
    ),
    "accident_assistance_motorbike_age": _l(
        "VA-9: accident assistance is available for a motorbike of at most 8 years only."
    ),
    "analysis_required": _l(
        "VA-8: an acceptance criterion asks for the company's analysis. "
        "Ask for it before the offer."
    ),
    "analysis_not_needed": _l(
        "VA-8: no acceptance criterion asks for an analysis: make the offer directly."
    ),
    "cancellation_needs_company": _l(
        "VA-8: a cancellation after a claim needs the company's approval: contact the back office."
    ),
    "cancellation_ground_unknown": _l("Choose a cancellation ground."),
    "cancellation_date_invalid": _l("Give a cancellation date from the policy's start on."),
    "policy_ended": _l("This policy has ended."),
    "not_signed": _l("Only a proposal signed by the customer becomes a policy."),
    "wrong_status": _l("This step is not possible in the quote's present status."),
    "quote_not_editable": _l("This quote can no longer be changed: duplicate it."),
    "vehicle_missing": _l("Choose the vehicle first."),
    "no_email": _l("The customer has no email address for the electronic signature."),
    "national_number_invalid": _l(
        "This is not a valid Belgian national number (11 digits with their check digits)."
    ),
    "customer_of_another_intermediary": _l("This person is a customer of another intermediary."),
    "customer_not_found": _l("No such customer in your portfolio."),
    "guarantee_unknown": _l("Choose guarantees from the list."),
    "use_invalid": _l("Choose a use that fits the line."),
    "document_name_invalid": _l("Give the document a name of 1 to 120 characters."),
    "email_invalid": _l("Enter the customer's email address, for example name@example.be."),
    "postcode_invalid": _l("Enter a Belgian postcode of 4 digits."),
    "term_days_invalid": _l("VA-5: the return-slip term is 30, 45, 60 or 90 days."),
    "payment_plan_unknown": _l(
        "VA-8: choose an annual, half-yearly, quarterly or monthly payment plan."
    ),
}


def criteria_texts(names: Iterable[str], tariff: Tariff, lang: str) -> list[str]:
    """VA-8: the acceptance criteria a quote exceeds, as the broker reads them, with the
    tariff's limits in Belgian figures; a criterion without a text keeps its name."""
    by_name = {c.name: c for c in tariff.acceptance}
    locale = "nl_BE" if lang == "nl" else "fr_BE"
    texts = []
    for name in names:
        criterion = by_name.get(name)
        text = CRITERIA.get(criterion.fact) if criterion else None
        if text is None:
            texts.append(name)
        else:
            texts.append(str(text) % {"limit": format_decimal(criterion.limit, locale=locale)})
    return texts


#: The fields a refusal may name, by the label the broker reads on the form.
FIELDS = {
    "plate": _l("Number plate (VA-1)"), "vin": _l("Chassis number (VA-2)"),
    "informex_code": _l("Version and model year"), "kind": _l("Vehicle type"),
    "make": _l("Make"), "model": _l("Model"), "year": _l("Model year"),
    "power_kw": _l("Power (kW)"), "value_euro": _l("Catalogue value (euro)"),
    "mass_kg": _l("What is the maximum authorised mass (MTM) in kg? (motorhomes, VA-3)"),
    "accessories_euro": _l("Accessories and options (euro)"),
    "leaser": _l("Leasing company (optional)"), "national_number": _l("National number"),
    "first_name": _l("First name"), "last_name": _l("Last name"), "street": _l("Street"),
    "house_number": _l("Number"), "postcode": _l("Postcode"), "city": _l("City"),
    "email": _l("Email address"), "language": _l("Language"), "line": _l("Line"),
    "use": _l("Use of the vehicle"),
    "bonus_malus": _l("Bonus-malus degree of the main driver (0 to 22)"),
    "term_days": _l("Return slip (VA-5)"), "payment_plan": _l("Payment plan (VA-8)"),
    "iban": _l("Account for the direct debit (IBAN)"),
}  # fmt: skip


def account(iban: str | None) -> str:
    """VA-10 (defect 5): the account as the payment screen shows it prefilled."""
    return printed_account(iban) if iban else ""


def refusal(code: str, field: str | None = None) -> str:
    """The message of a refusal, naming its rule where there is one, else the field by
    its label on the form."""
    if code in REFUSALS:
        return str(REFUSALS[code])
    name = field or code.removesuffix("_invalid")
    return _("Check the field \"%(field)s\": it is missing or not valid.",
             field=str(FIELDS.get(name, name)))  # fmt: skip
