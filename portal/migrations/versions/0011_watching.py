"""watching: the page a signed-in session last saw (issue 19)

portal_session gets last_path (the page the customer's session last saw) and
watched_until (the end of a trainer's watch heartbeat); tool_seen holds the same for the
tools that keep their sign-in in their cookie (Connect 360, V-Connect, Insurgate, the S²
page), one row per space and signed-in user.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("portal_session") as batch:
        batch.add_column(sa.Column("last_path", sa.String(300), nullable=True))
        batch.add_column(sa.Column("watched_until", sa.DateTime(), nullable=True))
    op.create_table(
        "tool_seen",
        sa.Column("space", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_path", sa.String(300), nullable=False),
        sa.Column("watched_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("space", "subject_id"),
    )


def downgrade() -> None:
    op.drop_table("tool_seen")
    with op.batch_alter_table("portal_session") as batch:
        batch.drop_column("watched_until")
        batch.drop_column("last_path")
