"""Typed SQLAlchemy models of the back office and of the portal; no Flask here."""

from models.backoffice import Beneficiary, Contract, Document, LifeComponent, Person
from models.base import Base
from models.enums import (
    Brand,
    ContractStatus,
    DocumentKind,
    Language,
    Line,
    Segment,
    VehicleKind,
)
from models.portal import Account, normalise_email

__all__ = [
    "Account",
    "Base",
    "Beneficiary",
    "Brand",
    "Contract",
    "ContractStatus",
    "Document",
    "DocumentKind",
    "Language",
    "LifeComponent",
    "Line",
    "Person",
    "Segment",
    "VehicleKind",
    "normalise_email",
]
