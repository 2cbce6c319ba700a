"""support requests carry the national number proven by itsme or eID (RG-5)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("support_request") as batch:
        batch.add_column(sa.Column("national_number", sa.String(length=11), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("support_request") as batch:
        batch.drop_column("national_number")
