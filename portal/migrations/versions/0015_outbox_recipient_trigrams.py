"""outbox recipient trigram index (issue 12, PostgreSQL only)

The console's outbox filtered by recipient is a substring search, letter case aside
(`recipient ILIKE '%text%'`, portal.sim.outbox). Without an index PostgreSQL walks the
messages down their primary key until it has a page: with 1,000,000 messages and a
customer's last name, about 90,000 rows and 200 ms; a text nobody has, every row. A GIN
index of the recipients' trigrams (pg_trgm) answers the same ILIKE: about 1,100 rows
and 6 to 10 ms. The filter's meaning does not change.

On SQLite this revision does nothing (0016 gives SQLite an index of its own). On PostgreSQL the extension
is created if it is not there yet (pg_trgm is a trusted extension: a database owner may
create it); where it cannot be created, the revision leaves the search as it was (a
scan, the same answers) rather than stop the upgrade. The index is not in the models:
a world's schema, made from the models, searches its outbox without it.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

NAME = "ix_outbox_recipient_trgm"
EXTENSION_SCHEMA = (
    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
    "WHERE e.extname = 'pg_trgm'"
)


def _trigram_schema(bind) -> str | None:
    """The schema of pg_trgm, created in `public` if needed; None where it cannot be."""
    schema = bind.exec_driver_sql(EXTENSION_SCHEMA).scalar()
    if schema is not None:
        return schema
    try:
        with bind.begin_nested():  # a savepoint: a refusal leaves the upgrade going
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    except DBAPIError:
        return None
    return bind.exec_driver_sql(EXTENSION_SCHEMA).scalar()


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _trigram_schema(bind)
    if schema is None:
        return
    op.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON outbox_message "
        f'USING gin (recipient "{schema}".gin_trgm_ops)'
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {NAME}")
