"""speed indexes (issue 12)

s2_box.stage: the S² steps the clock plays are looked up on every console page and API
call among the open boxes; without an index the planner walked every person and contract
to reach the (few) boxes. contract (intermediary_id, holder_id) replaces the index on
intermediary_id alone: an intermediary's portfolio (its customers, their count) is read
from the index without touching the contract rows.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_s2_box_stage", "s2_box", ["stage"])
    op.create_index("ix_contract_intermediary_holder", "contract", ["intermediary_id", "holder_id"])
    op.drop_index("ix_contract_intermediary_id", table_name="contract")


def downgrade() -> None:
    op.create_index("ix_contract_intermediary_id", "contract", ["intermediary_id"])
    op.drop_index("ix_contract_intermediary_holder", table_name="contract")
    op.drop_index("ix_s2_box_stage", table_name="s2_box")
