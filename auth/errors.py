"""Named refusals of the registration and login flows.

Each carries a stable `code`; the portal turns it into a message in the customer's
language with the brand's support details (RG-5, RG-6, RG-7).
"""

from __future__ import annotations


class AuthRefusal(Exception):
    code = "refused"
    rule = ""
    reportable = True  # the customer may report it to support (RG-5)

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.code)


class PersonNotFound(AuthRefusal):
    code, rule = "person_not_found", "RG-5"


class PersonDuplicated(AuthRefusal):
    code, rule = "person_duplicated", "RG-5"


class NoActiveContract(AuthRefusal):
    code, rule = "no_active_contract", "RG-5"


class ElsewhereRefusal(AuthRefusal):
    """BR-1: what the customer asked for belongs to another brand of the group, named by
    `brand`, whose portal the refusal points to."""

    def __init__(self, brand: str) -> None:
        super().__init__()
        self.brand = brand


class OtherBrandOnly(ElsewhereRefusal):
    code, rule = "other_brand_only", "BR-1"


class ContractNotFound(AuthRefusal):
    code, rule = "contract_not_found", "RG-5"


class ContractOtherBrand(ElsewhereRefusal):
    code, rule = "contract_other_brand", "BR-1"


class ContractEnded(AuthRefusal):
    code, rule = "contract_ended", "RG-5"


class DataMismatch(AuthRefusal):
    code, rule = "data_mismatch", "RG-5"


class AlreadyRegistered(AuthRefusal):
    code, rule = "already_registered", "RG-7"
    reportable = False


class ActivationCodeWrong(AuthRefusal):
    code, rule = "activation_code_wrong", "RG-6"


class ActivationCodeExpired(AuthRefusal):
    code, rule = "activation_code_expired", "RG-6"


class ActivationCodeBlocked(AuthRefusal):
    code, rule = "activation_code_blocked", "RG-6"


class ActivationCodeReplaced(AuthRefusal):
    code, rule = "activation_code_replaced", "RG-6"


class ActivationCodeUsed(AuthRefusal):
    code, rule = "activation_code_used", "RG-6"


class EmailAlreadyUsed(AuthRefusal):
    code, rule = "email_already_used", "RG-7"


class InvalidEmail(AuthRefusal):
    code, rule = "invalid_email", ""
    reportable = False


class InvalidMobile(AuthRefusal):
    code, rule = "invalid_mobile", ""
    reportable = False


class WeakPassword(AuthRefusal):
    code, rule = "weak_password", ""
    reportable = False


class InvalidCredentials(AuthRefusal):
    """Unknown email or wrong password: one message for both, on purpose."""

    code, rule = "invalid_credentials", "RG-2"


class SmsCodeWrong(AuthRefusal):
    code, rule = "sms_code_wrong", "RG-2"
    reportable = False


class SmsCodeExpired(AuthRefusal):
    code, rule = "sms_code_expired", "RG-2"
    reportable = False


class SmsCodeBlocked(AuthRefusal):
    code, rule = "sms_code_blocked", "RG-2"


class SmsResendTooSoon(AuthRefusal):
    code, rule = "sms_resend_too_soon", "RG-2"
    reportable = False


class SmsResendLimit(AuthRefusal):
    code, rule = "sms_resend_limit", "RG-2"


class AttemptUnknown(AuthRefusal):
    """The login or registration attempt this code belongs to is gone or not this one."""

    code, rule = "attempt_unknown", "RG-2"
    reportable = False


class ItsmeUnavailable(AuthRefusal):
    code, rule = "itsme_unavailable", "RG-1"


class ItsmeCancelled(AuthRefusal):
    code, rule = "itsme_cancelled", "RG-1"
    reportable = False


class ItsmeExpired(AuthRefusal):
    code, rule = "itsme_expired", "RG-1"
    reportable = False


class ItsmeFailed(AuthRefusal):
    """The answer from itsme could not be trusted (bad state, replayed code, bad token)."""

    code, rule = "itsme_failed", "RG-1"


class EidReaderMissing(AuthRefusal):
    code, rule = "eid_reader_missing", "RG-1"


class EidWrongPin(AuthRefusal):
    code, rule = "eid_wrong_pin", "RG-1"
    reportable = False


class EidCardBlocked(AuthRefusal):
    code, rule = "eid_card_blocked", "RG-1"


class EidCardExpired(AuthRefusal):
    code, rule = "eid_card_expired", "RG-1"
