"""The back office's name search through its indexes (issue 12): "first last" or "last
first" starting with the text, letter case aside, answered by a range on the two name
indexes of migration 0008 instead of a pass over every person record."""

from __future__ import annotations

from sqlalchemy import select, text

from models import Person
from models.base import make_engine
from portal import migrate
from portal.backoffice import broker
from portal.backoffice.search import fold, name_starts_with
from seed import build

NAME_INDEXES = {"ix_person_name_first_last", "ix_person_name_last_first"}


def names(db, q: str) -> list[str]:
    return [hit.person.full_name for hit in broker.search(db, q)]


def test_a_name_matches_from_the_start_of_first_last_or_last_first_in_any_case(db):
    build.add_person(db, first_name="Louise", last_name="Peeters")
    build.add_person(db, first_name="Jan", last_name="Van Damme")
    db.flush()
    assert names(db, "peeters") == names(db, "LOUISE PEE") == ["Louise Peeters"]
    assert names(db, "Peeters Louise") == ["Louise Peeters"]
    assert names(db, "van damme j") == names(db, "Jan Van") == ["Jan Van Damme"]
    assert names(db, "eeters") == [] and names(db, "Louise  Peeterss") == []


def test_folding_follows_each_databases_lower():
    assert fold("ÉLISE Dupont", "sqlite") == "Élise dupont"  # ASCII letters only
    assert fold("ÉLISE Dupont", "postgresql") == "élise dupont"


def test_the_range_ends_just_after_the_prefix():
    where = name_starts_with("ab", "sqlite")
    assert set(where.compile().params.values()) == {"ab", "ac"}


def test_migration_0008_builds_the_name_indexes_and_sqlite_uses_them(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'names.sqlite3'}")
    migrate.upgrade(engine)
    query = select(Person.id).where(name_starts_with("peeters", "sqlite"))
    with engine.connect() as conn:
        made = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
        assert set(made.scalars()) >= NAME_INDEXES
        sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    engine.dispose()
    assert all(f"USING INDEX {name}" in plan for name in NAME_INDEXES), plan
