"""Testers working at the same time (issue 10): customers created in parallel through
the control API, and two bulk seedings at once, on SQLite and (with TEST_DATABASE_URL)
PostgreSQL. The database hands out the ids: no two writers collide, and PostgreSQL's
sequences never stay behind the ids written explicitly.

Each thread is its own test client (its own request and database session); a barrier
releases them together, and every wait is bounded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from models import Beneficiary, Contract, Document, LifeComponent, Person
from portal.db import new_session
from seed import build
from seed.bulk import seed_customers

CREATORS = 40
TIMEOUT = 120


def in_parallel(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls in as many threads, released together; results or exceptions."""
    barrier = threading.Barrier(len(calls), timeout=TIMEOUT)
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as exc:  # reported by the test, never lost in a thread
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, c), daemon=True) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a call never finished"
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def test_forty_testers_creating_customers_at_once_get_forty_customers(app, db):
    def create(i: int):
        def call():
            body = {"seed": i, "contracts": [{"product": "car", "brand": "pv"}]}
            response = app.test_client().post("/sim/api/customers", json=body)
            return response.status_code, response.get_json()

        return call

    answers = in_parallel([create(i) for i in range(CREATORS)])
    assert [status for status, _ in answers] == [201] * CREATORS, answers
    ids = {body["person_id"] for _, body in answers}
    assert len(ids) == CREATORS
    numbers = [c["number"] for _, body in answers for c in body["contracts"]]
    assert len(numbers) == len(set(numbers)) == CREATORS
    assert db.scalar(select(func.count()).select_from(Person)) == CREATORS


def test_two_bulk_seedings_at_once_do_not_collide_and_keep_sequences_ahead(app, db):
    """Two `portal-sim seed --append` at the same time, then an ordinary ORM insert in
    every table: each gets an id the database has not given yet."""

    def seed(seed_: int):
        def call():
            session = new_session(app)
            try:
                return seed_customers(session, 150, seed_, batch_size=40, commit=True)
            finally:
                session.close()

        return call

    first, second = in_parallel([seed(1), seed(2)])
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Person)) == first.people + second.people
    assert db.scalar(select(func.count()).select_from(Contract)) == (
        first.contracts + second.contracts
    )
    person = build.add_person(db, first_name="Après")
    contract = build.add_contract(db, person, "life_savings", savings_cents=1000)
    contract.components.append(LifeComponent(position=0, kind="savings"))
    contract.beneficiaries.append(Beneficiary(position=0, event="death", name="X"))
    build.add_document(db, contract, build.DocumentKind.ANNUAL_STATEMENT, 2024)
    db.commit()
    for model in (Person, Contract, LifeComponent, Beneficiary, Document):
        assert db.scalar(select(func.count()).select_from(model)) > 0
