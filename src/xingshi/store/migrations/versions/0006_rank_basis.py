"""The basis of a published rank: the rank of the amount (总量位次) beside the rank of growth.

Tables often give both (绝对值 | 位次 | 增速 | 位次); ``rank`` stays the rank on the indicator's
usual basis (growth; a rate's own value) and ``level_rank`` is the rank of the amount. Existing
rows keep their ``rank`` and get no ``level_rank``.

Revision ID: 0006_rank_basis
Revises: 0005_supervise
Create Date: 2026-12-02 16:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_rank_basis"
down_revision = "0005_supervise"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: no table copy, existing rows untouched.
    op.add_column("observations", sa.Column("level_rank", sa.Integer(), nullable=True))
    op.add_column("observations", sa.Column("level_rank_cell", sa.String(length=32), nullable=True))


def downgrade() -> None:
    # SQLite drops columns by copying the table: batch mode.
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_column("level_rank_cell")
        batch_op.drop_column("level_rank")
