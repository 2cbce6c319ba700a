"""Typed SQLAlchemy models of the back office and of the portal; no Flask here."""

from models.backoffice import Beneficiary, Contract, Document, LifeComponent, Person
from models.base import Base
from models.codes import ActivationCode, PendingRegistration, SmsChallenge
from models.contacts import ContactChange
from models.enums import (
    Brand,
    ContractStatus,
    DocumentKind,
    Language,
    Line,
    Segment,
    VehicleKind,
)
from models.limits import LimitBucket
from models.outbox import Channel, OutboxMessage
from models.paper import PaperException
from models.portal import Account, IdentityLink, PortalSession, SupportRequest, normalise_email
from models.sim import ClockState, Fault
from models.stub_keys import StubSigningKey as StubSigningKey
from models.stubs import EidCard, ItsmeAuthCode, ItsmeTransaction

__all__ = [
    "Account",
    "ActivationCode",
    "Base",
    "Beneficiary",
    "Brand",
    "Channel",
    "ClockState",
    "ContactChange",
    "Contract",
    "ContractStatus",
    "Document",
    "DocumentKind",
    "EidCard",
    "Fault",
    "IdentityLink",
    "ItsmeAuthCode",
    "ItsmeTransaction",
    "Language",
    "LifeComponent",
    "LimitBucket",
    "Line",
    "OutboxMessage",
    "PaperException",
    "PendingRegistration",
    "Person",
    "PortalSession",
    "Segment",
    "SmsChallenge",
    "SupportRequest",
    "VehicleKind",
    "normalise_email",
]
