"""The intermediaries and their portfolios (BK-3): the demo agents and brokers of
`intermediaries.toml`, and generated ones for generated customers.

Deterministic: the same rows give the same portfolios on any machine. A generated
customer's contracts of a brand all go to one intermediary of that brand, chosen by the
holder's record id modulo the brand's generated intermediaries; a brand gets one
generated intermediary per `PORTFOLIO_SIZE` customers (a Belgian agent or broker office
holds a few hundred households). Bulk seeding chooses the intermediary while drawing
each contract (`plan_portfolios`: as many as the holders expected from the options);
`assign_portfolios` places afterwards whatever was added without one.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from random import Random

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from models import Brand, Contract, Intermediary, Language
from models.brands import profile, second_brands
from seed.belgium import language_pools
from seed.columns import lock_id_tables

PATH = Path(__file__).with_name("intermediaries.toml")
PORTFOLIO_SIZE = 300
GENERATED_FROM = 1000  # producer numbers below are the demo ones


@cache
def definitions(path: Path = PATH) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def demo_password_hash() -> str:
    """One hash per process of the demo password: seeding stays fast."""
    return generate_password_hash(definitions()["password"])


def seed_demo_intermediaries(session: Session) -> dict[tuple[str, Brand], Intermediary]:
    """Add the demo intermediaries; return who holds each persona's contracts of a
    brand, by (persona key, brand)."""
    holders: dict[tuple[str, Brand], Intermediary] = {}
    for raw in definitions()["intermediaries"]:
        fields = {k: v for k, v in raw.items() if k != "portfolio"}
        brand = Brand(fields.pop("brand"))
        language = Language(fields.pop("language"))
        row = Intermediary(
            brand=brand, language=language, password_hash=demo_password_hash(), **fields
        )
        session.add(row)
        for key in raw["portfolio"]:
            holders[(key, brand)] = row
    return holders


def producer_number(brand: Brand, index: int) -> str:
    return f"{profile(brand).network.producer_prefix}{GENERATED_FROM + index:06d}"


def generated(brand: Brand, index: int) -> Intermediary:
    """The `index`-th generated intermediary of a brand, the same on every machine."""
    rng = Random(f"{brand.value}-{index}")
    lang = "nl" if rng.random() < 0.6 else "fr"
    pools = language_pools(lang)
    first = rng.choice(pools.male if rng.random() < 0.5 else pools.female)[0]
    last, slug = rng.choice(pools.last)
    city = rng.choice(pools.places)[1]
    number = producer_number(brand, index)
    network = profile(brand).network
    return Intermediary(
        brand=brand,
        producer_number=number,
        first_name=first,
        last_name=last,
        office=network.office.get(lang).format(name=last),
        city=city,
        language=Language(lang),
        email=f"{slug}.{number}@{network.email_domain}",
        phone=f"+32{rng.randrange(2, 9)}{rng.randrange(1_000_000, 9_999_999)}",
    )


def _lock_intermediaries(session: Session) -> None:
    """Two seedings at once wait for each other here instead of both creating the same
    generated producer number (SQLite: the write lock; PostgreSQL: a table lock)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("LOCK TABLE intermediary IN SHARE ROW EXCLUSIVE MODE")
    else:
        lock_id_tables(connection)


def _generated_ids(session: Session, brand: Brand, needed: int) -> list[int]:
    """The ids of the brand's generated intermediaries, adding them up to `needed`."""
    _lock_intermediaries(session)
    number = Intermediary.producer_number
    have = session.scalar(
        select(func.count()).where(Intermediary.brand == brand, number >= producer_number(brand, 0))
    )
    for index in range(have or 0, needed):
        session.add(generated(brand, index))
    session.flush()
    return list(
        session.scalars(
            select(Intermediary.id)
            .where(Intermediary.brand == brand, number >= producer_number(brand, 0))
            .order_by(number)
        )
    )


def holder_shares(brand_mix: tuple[tuple[str, float], ...], both: float, twins: float) -> dict:
    """Of the customers generated with these options, the expected share holding a
    contract of each brand (main brand, or the second brand of a both-brands customer),
    person records recorded twice counted twice."""
    total = sum(share for _, share in brand_mix)
    if len({name for name, share in brand_mix if share > 0}) < 2:
        both = 0.0
    main = {name: share / total for name, share in brand_mix}
    second, held = second_brands(), dict.fromkeys(main, 0.0)
    for name, share in main.items():
        held[name] += share
        held[second[name]] = held.get(second[name], 0.0) + both * share
    return {name: share * (1 + twins) for name, share in held.items() if share}


def plan_portfolios(session: Session, customers: int, shares: dict[str, float]) -> dict:
    """BK-3, before generating `customers` customers: per brand (value), the ids of the
    generated intermediaries their contracts go to, by holder id modulo their count
    (`ContractMaker.intermediary_of`), enough for one per `PORTFOLIO_SIZE` holders of
    the brand expected once they are in (those already there plus the new ones' share)."""
    portfolios = {}
    for brand in Brand:
        share = shares.get(brand.value, 0.0)
        if not share:
            continue
        held = session.scalar(
            select(func.count(func.distinct(Contract.holder_id))).where(Contract.brand == brand)
        )
        expected = (held or 0) + customers * share
        portfolios[brand.value] = _generated_ids(
            session, brand, max(1, -int(-expected // PORTFOLIO_SIZE))
        )
    return portfolios


def assign_portfolios(session: Session) -> int:
    """Put every contract without an intermediary into a generated portfolio of its
    brand, by its holder's record id; return how many."""
    done = 0
    for brand in Brand:
        without = (Contract.brand == brand) & Contract.intermediary_id.is_(None)
        holders = session.scalar(
            select(func.count(func.distinct(Contract.holder_id))).where(without)
        )
        if not holders:
            continue
        total = session.scalar(
            select(func.count(func.distinct(Contract.holder_id))).where(Contract.brand == brand)
        )
        ids = _generated_ids(session, brand, max(1, -(-total // PORTFOLIO_SIZE)))
        done += _assign(session, without, ids)
    return done


def _assign(session: Session, without, ids: list[int]) -> int:
    """The `position`-th intermediary gets the holders whose id is `position` modulo
    their count: one statement when their ids follow each other (the usual case)."""
    update_ = update(Contract).execution_options(synchronize_session=False)
    if ids == list(range(ids[0], ids[0] + len(ids))):
        shifted = ids[0] + Contract.holder_id % len(ids)
        return session.execute(update_.where(without).values(intermediary_id=shifted)).rowcount or 0
    done = 0
    for position, intermediary_id in enumerate(ids):
        result = session.execute(
            update_.where(without, Contract.holder_id % len(ids) == position).values(
                intermediary_id=intermediary_id
            )
        )
        done += result.rowcount or 0
    return done


def place(session: Session, contracts: list[Contract], chosen: Intermediary | None) -> None:
    """New contracts into portfolios: those of the chosen intermediary's brand into his,
    the others into generated ones (BK-3)."""
    for contract in contracts:
        if chosen is not None and contract.brand == chosen.brand:
            contract.intermediary_id = chosen.id
    session.flush()
    assign_portfolios(session)
    for contract in contracts:  # the bulk update does not touch the loaded rows
        session.refresh(contract, ["intermediary_id"])
