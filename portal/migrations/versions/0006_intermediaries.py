"""intermediaries: agents and brokers, each contract in a portfolio (BK-3)

The intermediary table holds P&V agents and Vivium brokers; contract.intermediary_id puts
each contract in the portfolio of one of them.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BRAND = sa.Enum("vivium", "pv", name="brand", native_enum=False, length=20)
LANGUAGE = sa.Enum("fr", "nl", name="language", native_enum=False, length=20)


def upgrade() -> None:
    op.create_table(
        "intermediary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brand", BRAND, nullable=False),
        sa.Column("producer_number", sa.String(10), nullable=False),
        sa.Column("first_name", sa.String(80), nullable=False),
        sa.Column("last_name", sa.String(80), nullable=False),
        sa.Column("office", sa.String(120), nullable=False),
        sa.Column("city", sa.String(80), nullable=False),
        sa.Column("language", LANGUAGE, nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_intermediary"),
        sa.UniqueConstraint("producer_number", name="uq_intermediary_producer_number"),
    )
    op.create_index("ix_intermediary_brand", "intermediary", ["brand"])
    with op.batch_alter_table("contract") as batch:
        batch.add_column(sa.Column("intermediary_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_contract_intermediary_id_intermediary",
            "intermediary",
            ["intermediary_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_contract_intermediary_id", ["intermediary_id"])


def downgrade() -> None:
    with op.batch_alter_table("contract") as batch:
        batch.drop_index("ix_contract_intermediary_id")
        batch.drop_constraint("fk_contract_intermediary_id_intermediary", type_="foreignkey")
        batch.drop_column("intermediary_id")
    op.drop_index("ix_intermediary_brand", table_name="intermediary")
    op.drop_table("intermediary")
