"""indexes for the back office's name search on large databases

The name search (portal/backoffice/search.py) matches a prefix of lower("first last")
or lower("last first"): an index on each expression, as models/backoffice.py declares
them (PERSON_NAME_KEYS), lets both databases answer it by a range instead of reading
every person record.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NAME_INDEXES = {
    "ix_person_name_first_last": "lower(first_name || ' ' || last_name)",
    "ix_person_name_last_first": "lower(last_name || ' ' || first_name)",
}


def upgrade() -> None:
    for name, expression in NAME_INDEXES.items():
        op.create_index(name, "person", [sa.text(expression)])


def downgrade() -> None:
    for name in NAME_INDEXES:
        op.drop_index(name, table_name="person")
