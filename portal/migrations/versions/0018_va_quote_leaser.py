"""va_quote leaser (VA-8)

va_quote.leaser: the leasing company named in the contract, if any. Release note 11 took
"a leaser in the contract" out of the criteria asking for the company's analysis; the
quotes already there have none.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("va_quote", sa.Column("leaser", sa.String(80), nullable=True))


def downgrade() -> None:
    op.drop_column("va_quote", "leaser")  # as 0017: ALTER TABLE ... DROP COLUMN
