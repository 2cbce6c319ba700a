"""Insurgate: offices, users, groups, memberships, integrations, single-use links and
quotes of the brokers' small-business quoting platform (IG-1..IG-7)

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "insurgate_office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trade_name", sa.String(length=120), nullable=False),
        sa.Column("enterprise_number", sa.String(length=12), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurgate_office")),
    )
    op.create_table(
        "insurgate_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("contact", sa.String(length=120), nullable=False),
        sa.Column("enterprise_number", sa.String(length=12), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["insurgate_office.id"],
            name=op.f("fk_insurgate_group_office_id_insurgate_office"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurgate_group")),
        sa.UniqueConstraint("office_id", "name", name=op.f("uq_insurgate_group_office_id_name")),
    )
    op.create_index(
        op.f("ix_insurgate_group_office_id"), "insurgate_group", ["office_id"], unique=False
    )
    op.create_table(
        "insurgate_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=80), nullable=False),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column(
            "language",
            sa.Enum("fr", "nl", name="language", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("invited_at", sa.DateTime(), nullable=False),
        sa.Column("activated_at", sa.DateTime(), nullable=True),
        sa.Column("session_epoch", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["insurgate_office.id"],
            name=op.f("fk_insurgate_user_office_id_insurgate_office"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurgate_user")),
        sa.UniqueConstraint("email", name=op.f("uq_insurgate_user_email")),
    )
    op.create_table(
        "insurgate_integration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("producer_number", sa.String(length=10), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "requested",
                "accepted",
                "refused",
                name="integrationstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["insurgate_group.id"],
            name=op.f("fk_insurgate_integration_group_id_insurgate_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["insurgate_office.id"],
            name=op.f("fk_insurgate_integration_office_id_insurgate_office"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["insurgate_user.id"],
            name=op.f("fk_insurgate_integration_requested_by_insurgate_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurgate_integration")),
        sa.UniqueConstraint("group_id", name=op.f("uq_insurgate_integration_group_id")),
        sa.UniqueConstraint(
            "producer_number", name=op.f("uq_insurgate_integration_producer_number")
        ),
    )
    op.create_index(
        op.f("ix_insurgate_integration_office_id"),
        "insurgate_integration",
        ["office_id"],
        unique=False,
    )
    op.create_table(
        "insurgate_membership",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["insurgate_group.id"],
            name=op.f("fk_insurgate_membership_group_id_insurgate_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["insurgate_user.id"],
            name=op.f("fk_insurgate_membership_user_id_insurgate_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "group_id", name=op.f("pk_insurgate_membership")),
    )
    op.create_index(
        op.f("ix_insurgate_membership_group_id"), "insurgate_membership", ["group_id"], unique=False
    )
    op.create_table(
        "insurgate_quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("company_name", sa.String(length=120), nullable=False),
        sa.Column("activity", sa.String(length=40), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("covers", sa.String(length=200), nullable=False),
        sa.Column("claims_count", sa.Integer(), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("payroll_euros", sa.Integer(), nullable=False),
        sa.Column("extra_legal", sa.Boolean(), nullable=False),
        sa.Column("round_the_clock", sa.Boolean(), nullable=False),
        sa.Column("premium_cents", sa.Integer(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["insurgate_user.id"],
            name=op.f("fk_insurgate_quote_author_id_insurgate_user"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["insurgate_group.id"],
            name=op.f("fk_insurgate_quote_group_id_insurgate_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["insurgate_office.id"],
            name=op.f("fk_insurgate_quote_office_id_insurgate_office"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurgate_quote")),
        sa.UniqueConstraint("reference", name=op.f("uq_insurgate_quote_reference")),
    )
    op.create_index(
        op.f("ix_insurgate_quote_group_id"), "insurgate_quote", ["group_id"], unique=False
    )
    op.create_table(
        "insurgate_token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum("invitation", "reset", name="tokenpurpose", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["insurgate_user.id"],
            name=op.f("fk_insurgate_token_user_id_insurgate_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_insurgate_token")),
    )
    op.create_index(
        op.f("ix_insurgate_token_user_id"), "insurgate_token", ["user_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_insurgate_token_user_id"), table_name="insurgate_token")
    op.drop_table("insurgate_token")
    op.drop_index(op.f("ix_insurgate_quote_group_id"), table_name="insurgate_quote")
    op.drop_table("insurgate_quote")
    op.drop_index(op.f("ix_insurgate_membership_group_id"), table_name="insurgate_membership")
    op.drop_table("insurgate_membership")
    op.drop_index(op.f("ix_insurgate_integration_office_id"), table_name="insurgate_integration")
    op.drop_table("insurgate_integration")
    op.drop_table("insurgate_user")
    op.drop_index(op.f("ix_insurgate_group_office_id"), table_name="insurgate_group")
    op.drop_table("insurgate_group")
    op.drop_table("insurgate_office")
