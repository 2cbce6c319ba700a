"""an SMS code works only if its SMS was delivered; sessions keep their last activity

sms_challenge.message_id links a challenge to the SMS of its current code (RG-2);
portal_session.seen_at is the last activity the idle timeout counts from, so that the
console can list session expiries.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sms_challenge") as batch:
        batch.add_column(sa.Column("message_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_sms_challenge_message_id_outbox_message",
            "outbox_message",
            ["message_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("portal_session") as batch:
        batch.add_column(sa.Column("seen_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("portal_session") as batch:
        batch.drop_column("seen_at")
    with op.batch_alter_table("sms_challenge") as batch:
        batch.drop_constraint("fk_sms_challenge_message_id_outbox_message", type_="foreignkey")
        batch.drop_column("message_id")
