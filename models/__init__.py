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
from models.insurgate import (
    IgGroup,
    IgIntegration,
    IgMembership,
    IgOffice,
    IgQuote,
    IgToken,
    IgUser,
)
from models.intermediary import Intermediary
from models.limits import LimitBucket
from models.outbox import Channel, OutboxMessage
from models.paper import PaperException
from models.portal import Account, IdentityLink, PortalSession, SupportRequest, normalise_email
from models.sim import ClockState, Fault
from models.stub_keys import StubSigningKey as StubSigningKey
from models.stubs import EidCard, ItsmeAuthCode, ItsmeTransaction
from models.telematics import S2Box, S2Event, S2Stage
from models.vconnect_auto import AutoQuote, AutoQuoteDocument, AutoQuoteEvent
from models.watch import ToolSeen
from models.world import World

__all__ = [
    "Account",
    "ActivationCode",
    "AutoQuote",
    "AutoQuoteDocument",
    "AutoQuoteEvent",
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
    "IgGroup",
    "IgIntegration",
    "IgMembership",
    "IgOffice",
    "IgQuote",
    "IgToken",
    "IgUser",
    "Intermediary",
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
    "S2Box",
    "S2Event",
    "S2Stage",
    "Segment",
    "SmsChallenge",
    "SupportRequest",
    "ToolSeen",
    "VehicleKind",
    "World",
    "normalise_email",
]
