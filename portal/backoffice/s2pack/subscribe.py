"""Subscribing to the S² Pack on a Vivium car contract (S2-1, S2-6, S2-8)."""

from __future__ import annotations

import secrets
import zlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from models import Contract, ContractStatus, Person
from models.brands import System, brand_of
from models.telematics import S2Box, S2Stage
from portal.backoffice.errors import Conflict, Invalid, NotFound
from portal.backoffice.s2pack import notify
from portal.rules.s2pack import pack_discount

CAR_PRODUCTS = frozenset({"car"})
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 10


def new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def _check(session: Session, contract: Contract) -> None:
    if contract.brand != brand_of(System.S2PACK) or contract.product not in CAR_PRODUCTS:
        raise Invalid("s2_not_vivium_car", "the S² Pack is an option of Vivium car policies")
    if contract.status != ContractStatus.ACTIVE:
        raise Conflict("s2_contract_ended", "the contract is not active")
    if session.scalar(select(S2Box.id).where(S2Box.contract_id == contract.id)) is not None:
        raise Conflict("s2_pack_exists", "the contract already has the S² Pack")


def add_s2_pack(
    session: Session,
    contract: Contract,
    now: datetime,
    *,
    password: str | None = None,
    hash_method: str = "scrypt",
) -> S2Box:
    """S2-6: the option on an active Vivium car contract (flushed): a box ordered, the
    discount given (S2-8) and the welcome SMS with the personal page's login and
    password. `password` is for the seed and the tests; otherwise a random one."""
    _check(session, contract)
    session.flush()
    password = password or new_password()
    box = S2Box(
        contract_id=contract.id,
        stage=S2Stage.ORDERED,
        serial=f"S2B{contract.id:09d}",
        login=f"s2-{contract.number.lower()}",
        password_hash=generate_password_hash(password, method=hash_method),
        discount_cents=pack_discount(contract.annual_premium_cents),
        trip_seed=zlib.crc32(contract.number.encode()) & 0x7FFFFFFF,  # a 32-bit column
        subscribed_at=now,
        late_reminders=0,
    )
    session.add(box)
    session.flush()
    holder = session.get(Person, contract.holder_id)
    notify.log(session, box, "subscribed", now, {"discount_cents": box.discount_cents})
    notify.sms(
        session, box, holder, "s2_welcome_sms", {"login": box.login, "password": password}, now
    )
    session.flush()
    return box


def _box_row(session: Session, condition) -> tuple[S2Box, Contract, Person]:
    row = session.execute(
        select(S2Box, Contract, Person)
        .join(Contract, Contract.id == S2Box.contract_id)
        .join(Person, Person.id == Contract.holder_id)
        .where(condition)
    ).first()
    if row is None:
        raise NotFound("s2_no_pack", "no S² Pack on this contract")
    return row.S2Box, row.Contract, row.Person


def box_of(session: Session, contract_number: str) -> tuple[S2Box, Contract, Person]:
    """The box of a contract with its contract and holder; NotFound when none."""
    return _box_row(session, Contract.number == contract_number)


def box_of_id(session: Session, box_id: int) -> tuple[S2Box, Contract, Person]:
    """The box with its contract and holder; NotFound when none."""
    return _box_row(session, S2Box.id == box_id)
