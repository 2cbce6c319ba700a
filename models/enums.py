"""Plain enumerations shared by the back office and the portal."""

from enum import StrEnum


class Brand(StrEnum):
    """The two brands of the group; each has its own portal (BR-1)."""

    VIVIUM = "vivium"
    PV = "pv"


class Language(StrEnum):
    FR = "fr"
    NL = "nl"


class Segment(StrEnum):
    """Customer segment: CT-1 shows non-life contracts to private customers only."""

    PRIVATE = "private"
    PROFESSIONAL = "professional"


class Line(StrEnum):
    LIFE = "life"
    NON_LIFE = "non_life"


class ContractStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


class DocumentKind(StrEnum):
    """Documents the back office produces; only the life ones reach the portal (DC-1)."""

    PREMIUM_PROOF = "premium_proof"
    TAX_CERTIFICATE = "tax_certificate"
    ANNUAL_STATEMENT = "annual_statement"
    POLICY = "policy"
    INSURANCE_CARD = "insurance_card"
    CLAIMS_CERTIFICATE = "claims_certificate"


LIFE_DOCUMENT_KINDS = frozenset(
    {DocumentKind.PREMIUM_PROOF, DocumentKind.TAX_CERTIFICATE, DocumentKind.ANNUAL_STATEMENT}
)


class VehicleKind(StrEnum):
    CAR = "car"
    MOTORHOME = "motorhome"
    MOTORBIKE = "motorbike"
    MOPED = "moped"
    TRICYCLE = "tricycle"
    QUAD = "quad"
