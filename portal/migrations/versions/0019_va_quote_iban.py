"""va_quote iban (VA-10, defect 5)

va_quote.iban: the account of the premium's direct debit, a compact IBAN, given with the
payment plan; an endorsement's payment screen comes prefilled with it. The quotes
already there have none.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("va_quote", sa.Column("iban", sa.String(34), nullable=True))


def downgrade() -> None:
    op.drop_column("va_quote", "iban")  # as 0017: ALTER TABLE ... DROP COLUMN
