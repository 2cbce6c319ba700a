"""va_quote waiting index (VA-8)

va_quote.status: the console's quotes waiting for the company's analysis (a page at a
time, portal.backoffice.vconnect_auto.waiting) are found by their status; without an
index the planner walked every quote of every broker. The page's order is the time of
each quote's latest analysis request, read from its events, so the index holds the
status alone: no column of va_quote could serve that order.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_va_quote_status", "va_quote", ["status"])


def downgrade() -> None:
    op.drop_index("ix_va_quote_status", table_name="va_quote")
