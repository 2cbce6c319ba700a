"""What the customer reads for each refusal of registration or login (RG-1 to RG-7).

Keys are the stable codes of `auth.errors`; texts are in English here and translated
to French and Dutch in `translations/*/auth.po`. `%(portal)s`, `%(other_portal)s` and
`%(intermediary)s` are filled in by the page.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

REFUSALS = {
    "person_not_found": (
        _l("We could not find you"),
        _l(
            "We found no customer of %(portal)s with this identity. If you do hold a contract with us, report the problem: our support team will look into it."
        ),
    ),
    "person_duplicated": (
        _l("You are recorded more than once"),
        _l(
            "You appear several times in our systems, so we cannot create your account automatically. Report the problem with the email address you want to use: our support team will merge your records."
        ),
    ),
    "no_active_contract": (
        _l("No active contract"),
        _l(
            "We found you, but you have no active contract with %(company)s. %(portal)s is for customers with an active contract."
        ),
    ),
    "other_brand_only": (
        _l("Your contracts are in %(other_portal)s"),
        _l(
            "Your active contracts are with the other brand of the group. The two portals are separate: create your account in %(other_portal)s instead."
        ),
    ),
    "contract_not_found": (
        _l("Unknown contract number"),
        _l(
            "We do not know this contract number. Check it on your policy or on a letter from us, and try again."
        ),
    ),
    "contract_other_brand": (
        _l("This contract is not a %(company)s contract"),
        _l(
            "This contract belongs to the other brand of the group. Register in %(other_portal)s with it, or use a %(company)s contract number here."
        ),
    ),
    "contract_ended": (
        _l("This contract has ended"),
        _l("Register with the number of one of your active contracts."),
    ),
    "data_mismatch": (
        _l("The data do not match"),
        _l("The date of birth does not match the policyholder of this contract in our systems."),
    ),
    "already_registered": (
        _l("You already have an account"),
        _l("An account already exists for you in %(portal)s. Log in with the way you registered."),
    ),
    "activation_code_wrong": (
        _l("Wrong activation code"),
        _l(
            "This is not the code of your activation letter. Check it and try again; after 5 wrong tries the code is blocked."
        ),
    ),
    "activation_code_expired": (
        _l("Your activation code has expired"),
        _l("Ask for a new code below: a new letter will be posted to you."),
    ),
    "activation_code_blocked": (
        _l("Your activation code is blocked"),
        _l(
            "Too many wrong codes were entered. Ask for a new code below: a new letter will be posted to you."
        ),
    ),
    "activation_code_replaced": (
        _l("This code has been replaced"),
        _l("You asked for a new code since this letter: only the code of the latest letter works."),
    ),
    "activation_code_used": (
        _l("This code has already been used"),
        _l("An activation code works only once. If you already created your account, log in."),
    ),
    "email_already_used": (
        _l("This email address is already used"),
        _l(
            "An email address can be linked to one account only. Use a different address for each account."
        ),
    ),
    "invalid_email": (
        _l("Check your email address"),
        _l("This does not look like a valid email address."),
    ),
    "invalid_mobile": (
        _l("Check your mobile number"),
        _l("Enter a Belgian mobile number, for instance 0470 12 34 56."),
    ),
    "weak_password": (
        _l("Choose a longer password"),
        _l("Your password needs at least %(min_length)s characters (at most 128)."),
    ),
    "invalid_credentials": (
        _l("Login failed"),
        _l("The email address or the password is not correct."),
    ),
    "sms_code_wrong": (_l("Wrong code"), _l("This is not the code we sent by SMS. Try again.")),
    "sms_code_expired": (
        _l("Your SMS code has expired"),
        _l("Codes are valid for %(sms_minutes)s minutes. Ask for a new code."),
    ),
    "sms_code_blocked": (
        _l("Too many wrong codes"),
        _l("For your security this attempt is blocked. Start again from the beginning."),
    ),
    "sms_resend_too_soon": (
        _l("Please wait a moment"),
        _l("A code was sent less than a minute ago. Wait a little before asking for another."),
    ),
    "sms_resend_limit": (
        _l("No more codes for this attempt"),
        _l("We sent the maximum number of codes for this attempt. Start again from the beginning."),
    ),
    "attempt_unknown": (
        _l("This attempt is no longer valid"),
        _l("Start again from the beginning."),
    ),
    "itsme_unavailable": (
        _l("itsme is not available at the moment"),
        _l(
            "itsme does not answer right now. Try again later, or use your eID card or your personal data."
        ),
    ),
    "itsme_cancelled": (
        _l("You cancelled in itsme"),
        _l("You did not confirm the request in the itsme app. Try again when you are ready."),
    ),
    "itsme_expired": (
        _l("The itsme request has expired"),
        _l("You did not confirm in the itsme app in time. Try again."),
    ),
    "itsme_failed": (
        _l("We could not verify your itsme login"),
        _l("The answer from itsme could not be verified. Start again from the beginning."),
    ),
    "eid_reader_missing": (
        _l("No card reader found"),
        _l(
            "Connect your eID card reader and make sure its software is installed, then try again. You can also use itsme or your personal data."
        ),
    ),
    "eid_wrong_pin": (
        _l("Wrong PIN code"),
        _l("The PIN code is not correct. After 3 wrong PIN codes the card is blocked."),
    ),
    "eid_card_blocked": (
        _l("Your eID card is blocked"),
        _l(
            "Three wrong PIN codes have blocked your card. Your municipality can unblock it with your PUK code. Meanwhile, use itsme or your personal data."
        ),
    ),
    "eid_card_expired": (
        _l("Your eID card has expired"),
        _l(
            "An expired card cannot be used to log in. Use itsme or your personal data, and renew your card at your municipality."
        ),
    ),
    "invalid_address": (
        _l("Check your address"),
        _l(
            "Fill in the street, the house number, a Belgian postcode of 4 digits and the municipality."
        ),
    ),
    "refused": (_l("Something went wrong"), _l("Please try again.")),
}

# A report whose error code is none of the above (RG-5): refused, never stored.
UNKNOWN_ERROR_CODE = _l(
    "This error code is unknown to us. Report the problem from the page that showed the error."
)
