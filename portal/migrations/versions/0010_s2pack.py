"""the VIVIUM S² Pack: a box per car contract holding the option, and its events log

s2_box holds the box's stage and the moments of its life (S2-5..S2-8); s2_event logs
impacts, calls, tow trucks, SMS and letters (S2-2, S2-4, S2-6).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

STAGE = sa.Enum(
    "ordered",
    "sent",
    "received",
    "active",
    "anomaly",
    "lapsed",
    "ended",
    name="s2stage",
    native_enum=False,
    length=20,
)


def upgrade() -> None:
    op.create_table(
        "s2_box",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("stage", STAGE, nullable=False),
        sa.Column("serial", sa.String(20), nullable=False),
        sa.Column("login", sa.String(40), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("discount_cents", sa.Integer(), nullable=False),
        sa.Column("trip_seed", sa.Integer(), nullable=False),
        sa.Column("subscribed_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("installed_at", sa.DateTime(), nullable=True),
        sa.Column("placed_on", sa.Date(), nullable=True),
        sa.Column("anomaly_at", sa.DateTime(), nullable=True),
        sa.Column("month_reminded_at", sa.DateTime(), nullable=True),
        sa.Column("late_reminders", sa.Integer(), nullable=False),
        sa.Column("adjusted_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["contract.id"],
            name="fk_s2_box_contract_id_contract",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_s2_box"),
        sa.UniqueConstraint("contract_id", name="uq_s2_box_contract_id"),
        sa.UniqueConstraint("serial", name="uq_s2_box_serial"),
        sa.UniqueConstraint("login", name="uq_s2_box_login"),
    )
    op.create_table(
        "s2_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("box_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["box_id"], ["s2_box.id"], name="fk_s2_event_box_id_s2_box", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox_message.id"],
            name="fk_s2_event_message_id_outbox_message",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_s2_event"),
    )
    op.create_index("ix_s2_event_box_id", "s2_event", ["box_id"])


def downgrade() -> None:
    op.drop_index("ix_s2_event_box_id", table_name="s2_event")
    op.drop_table("s2_event")
    op.drop_table("s2_box")
