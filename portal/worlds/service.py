"""Creating, listing, resetting, copying and deleting worlds (issue 14).

The registry rows live in the default database (`session`); the data of each world in
its own storage (portal.worlds.storage). Expiry follows the real clock, not a world's
simulated one: a world idle for longer than its `idle_seconds` is deleted by the next
call that looks at it (no background thread). Callers commit the registry session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.world import World
from portal.worlds import tokens
from portal.worlds.datasets import Dataset, load_dataset

TOUCH_EVERY = timedelta(seconds=60)


class WorldError(Exception):
    """A refused world operation; `code` is the stable error code of the API."""

    code = "world_error"
    status = 400


class UnknownWorld(WorldError):
    code, status = "unknown_world", 404


class TooManyWorlds(WorldError):
    code, status = "too_many_worlds", 409


@dataclass(frozen=True)
class Created:
    world: World
    token: str


def expired(world: World, now: datetime) -> bool:
    return world.last_used_at + timedelta(seconds=world.idle_seconds) < now


def sweep(session: Session, storage, now: datetime) -> list[str]:
    """Delete every expired world; returns their ids."""
    gone = [w for w in session.scalars(select(World)) if expired(w, now)]
    for world in gone:
        _remove(session, storage, world)
    return [w.id for w in gone]


def _remove(session: Session, storage, world: World) -> None:
    storage.drop(world.id)
    session.delete(world)
    session.flush()


def _check_room(session: Session, limit: int) -> None:
    count = session.scalar(select(func.count()).select_from(World)) or 0
    if count >= limit:
        raise TooManyWorlds(f"This instance holds at most {limit} worlds: delete one first.")


def _register(session: Session, storage, dataset: Dataset, now: datetime, idle: int) -> Created:
    world_id = tokens.new_world_id()
    while session.get(World, world_id) is not None:
        world_id = tokens.new_world_id()
    token = tokens.new_token(world_id)
    world = World(
        id=world_id, dataset=dataset.name, seed=dataset.seed, size=dataset.size,
        created_at=now, last_used_at=now, idle_seconds=idle,
        token_hash=tokens.token_hash(token), revision=storage.head,
    )  # fmt: skip
    session.add(world)
    session.flush()
    return Created(world, token)


def create(session: Session, storage, dataset: Dataset, now: datetime, *, idle: int,
           limit: int) -> Created:  # fmt: skip
    """A new world filled with `dataset`; its storage is removed again if that fails."""
    sweep(session, storage, now)
    _check_room(session, limit)
    created = _register(session, storage, dataset, now, idle)
    _fill(storage, created.world.id, dataset)
    return created


def _fill(storage, world_id: str, dataset: Dataset) -> None:
    storage.create(world_id)
    try:
        with storage.sessions(world_id)() as world_session:
            load_dataset(world_session, dataset)
            world_session.commit()
    except BaseException:
        storage.drop(world_id)
        raise


def find(session: Session, storage, world_id: str, now: datetime) -> World:
    """The world, if it exists and has not expired (an expired one is deleted now)."""
    world = session.get(World, world_id) if tokens.WORLD_ID.fullmatch(world_id) else None
    if world is None:
        raise UnknownWorld(f"No world '{world_id}' (never created, deleted or expired).")
    if expired(world, now):
        _remove(session, storage, world)
        raise UnknownWorld(f"The world '{world_id}' expired after being idle.")
    return world


def touch(world: World, now: datetime) -> bool:
    """Record a use (at most once a minute, to keep pages of a world fast)."""
    if now - world.last_used_at < TOUCH_EVERY:
        return False
    world.last_used_at = now
    return True


def reset(session: Session, storage, world_id: str, now: datetime) -> World:
    """The world emptied and filled again with the dataset it was created with (a copy
    gets the dataset of its original); clock and faults back to their defaults."""
    world = find(session, storage, world_id, now)
    storage.drop(world.id)
    _fill(storage, world.id, Dataset(world.dataset, world.seed, world.size))
    world.last_used_at, world.revision = now, storage.head
    session.flush()
    return world


def copy(session: Session, storage, world_id: str, now: datetime, *, idle: int | None,
         limit: int) -> Created:  # fmt: skip
    """A snapshot of a world, as a new world with a token of its own."""
    source = find(session, storage, world_id, now)
    _check_room(session, limit)
    dataset = Dataset(source.dataset, source.seed, source.size)
    created = _register(session, storage, dataset, now, idle or source.idle_seconds)
    created.world.copied_from = source.id
    storage.copy(source.id, created.world.id)
    source.last_used_at = now
    session.flush()
    return created


def delete(session: Session, storage, world_id: str, now: datetime) -> None:
    _remove(session, storage, find(session, storage, world_id, now))


def listing(session: Session, storage, now: datetime) -> list[World]:
    sweep(session, storage, now)
    return list(session.scalars(select(World).order_by(World.created_at, World.id)))
