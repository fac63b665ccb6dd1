"""填报 by departments: an assignment may belong to a 部门 and ask only its own indicators.

New columns only: collect_assignments.unit_id (the department's units.id) and .indicators
(JSON codes asked; NULL is the whole form), collect_forms.departments (a template's departments
with their indicators). A department's assignment is keyed unit:<id> in region_code.

Revision ID: 0007_departments
Revises: 0006_rank_basis
Create Date: 2026-12-02 15:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_departments"
down_revision = "0006_rank_basis"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("collect_assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("indicators", sa.Text(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_collect_assignments_unit_id"), ["unit_id"], unique=False
        )
    with op.batch_alter_table("collect_forms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("departments", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("collect_forms", schema=None) as batch_op:
        batch_op.drop_column("departments")
    with op.batch_alter_table("collect_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collect_assignments_unit_id"))
        batch_op.drop_column("indicators")
        batch_op.drop_column("unit_id")
