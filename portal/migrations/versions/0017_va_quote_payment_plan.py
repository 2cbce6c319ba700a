"""va_quote payment plan (VA-8)

va_quote.payment_plan: annual, half_yearly, quarterly or monthly, changed by the broker
on a quote or by an endorsement of its policy without the company's approval. The
quotes already there are paid once a year, as every quote was until now.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "va_quote",
        sa.Column("payment_plan", sa.String(12), nullable=False, server_default="annual"),
    )


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN, which SQLite has since 3.35: a batch copy of va_quote
    # would reflect the tables it refers to, and some of their indexes are expressions
    op.drop_column("va_quote", "payment_plan")
