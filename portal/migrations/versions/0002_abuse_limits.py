"""abuse limits: the limit_bucket counters

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "limit_bucket",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_limit_bucket")),
    )
    op.create_index(op.f("ix_limit_bucket_kind"), "limit_bucket", ["kind"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_limit_bucket_kind"), table_name="limit_bucket")
    op.drop_table("limit_bucket")
