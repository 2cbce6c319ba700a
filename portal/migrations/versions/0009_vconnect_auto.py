"""V-Connect Auto: car quotes of Vivium brokers, their status history and documents
(VA-1..VA-10)

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "va_quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=12), nullable=False),
        sa.Column("intermediary_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("line", sa.String(length=12), nullable=False),
        sa.Column("use", sa.String(length=24), nullable=False),
        sa.Column("driver_birth_date", sa.Date(), nullable=False),
        sa.Column("bonus_malus", sa.Integer(), nullable=False),
        sa.Column("vehicle_source", sa.String(length=8), nullable=True),
        sa.Column("informex_code", sa.String(length=8), nullable=True),
        sa.Column("vehicle_kind", sa.String(length=12), nullable=True),
        sa.Column("vehicle_make", sa.String(length=40), nullable=True),
        sa.Column("vehicle_model", sa.String(length=60), nullable=True),
        sa.Column("vehicle_year", sa.Integer(), nullable=True),
        sa.Column("vehicle_power_kw", sa.Integer(), nullable=True),
        sa.Column("vehicle_value_euro", sa.Integer(), nullable=True),
        sa.Column("vehicle_mass_kg", sa.Integer(), nullable=True),
        sa.Column("vehicle_plate", sa.String(length=8), nullable=True),
        sa.Column("vehicle_vin", sa.String(length=17), nullable=True),
        sa.Column("accessories_euro", sa.Integer(), nullable=False),
        sa.Column("guarantees", sa.JSON(), nullable=False),
        sa.Column("english_excess", sa.Boolean(), nullable=False),
        sa.Column("s2_pack", sa.Boolean(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("premium_cents", sa.Integer(), nullable=False),
        sa.Column("term_days", sa.Integer(), nullable=False),
        sa.Column("analysed", sa.Boolean(), nullable=False),
        sa.Column("duplicated_from", sa.String(length=12), nullable=True),
        sa.Column("sign_token", sa.String(length=64), nullable=True),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contract.id"],
            name=op.f("fk_va_quote_contract_id_contract"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["intermediary_id"], ["intermediary.id"],
            name=op.f("fk_va_quote_intermediary_id_intermediary"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"],
            name=op.f("fk_va_quote_person_id_person"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_va_quote")),
        sa.UniqueConstraint("number", name=op.f("uq_va_quote_number")),
        sa.UniqueConstraint("sign_token", name=op.f("uq_va_quote_sign_token")),
    )  # fmt: skip
    op.create_index(op.f("ix_va_quote_intermediary_id"), "va_quote", ["intermediary_id"])
    op.create_index(op.f("ix_va_quote_contract_id"), "va_quote", ["contract_id"])
    op.create_table(
        "va_quote_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("what", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["va_quote.id"],
            name=op.f("fk_va_quote_event_quote_id_va_quote"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_va_quote_event")),
    )  # fmt: skip
    op.create_index(op.f("ix_va_quote_event_quote_id"), "va_quote_event", ["quote_id"])
    op.create_table(
        "va_quote_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("in_bloc_retour", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["va_quote.id"],
            name=op.f("fk_va_quote_document_quote_id_va_quote"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_va_quote_document")),
    )  # fmt: skip
    op.create_index(op.f("ix_va_quote_document_quote_id"), "va_quote_document", ["quote_id"])


def downgrade() -> None:
    op.drop_table("va_quote_document")
    op.drop_table("va_quote_event")
    op.drop_table("va_quote")
