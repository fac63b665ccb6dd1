"""填报: forms and templates, reporting rounds, assignments, field values and their history,
reminders.

Revision ID: 0004_collect
Revises: 0003_access
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_collect"
down_revision = "0003_access"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collect_forms",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("template", sa.Boolean(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("due_rule", sa.String(length=64), nullable=True),
        sa.Column("parent_region", sa.String(length=32), nullable=True),
        sa.Column("units", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collect_forms")),
    )
    op.create_table(
        "collect_rounds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("parent_region", sa.String(length=32), nullable=True),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("publications", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["form_id"], ["collect_forms.id"], name=op.f("fk_collect_rounds_form_id_collect_forms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collect_rounds")),
    )
    op.create_table(
        "collect_assignments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_by", sa.String(length=64), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=64), nullable=True),
        sa.Column("overdue_noted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["collect_rounds.id"],
            name=op.f("fk_collect_assignments_round_id_collect_rounds"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collect_assignments")),
        sa.UniqueConstraint("round_id", "region_code", name="uq_collect_assignments_round_region"),
    )
    with op.batch_alter_table("collect_assignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collect_assignments_round_id"), ["round_id"], unique=False
        )

    op.create_table(
        "collect_reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("day", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["collect_rounds.id"],
            name=op.f("fk_collect_reminders_round_id_collect_rounds"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collect_reminders")),
        sa.UniqueConstraint(
            "round_id", "region_code", "kind", "day", name="uq_collect_reminders_key"
        ),
    )
    with op.batch_alter_table("collect_reminders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collect_reminders_region_code"), ["region_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_collect_reminders_round_id"), ["round_id"], unique=False
        )

    op.create_table(
        "collect_value_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("level", sa.Double(), nullable=True),
        sa.Column("growth_pct", sa.Double(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["collect_assignments.id"],
            name=op.f("fk_collect_value_history_assignment_id_collect_assignments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collect_value_history")),
    )
    with op.batch_alter_table("collect_value_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collect_value_history_assignment_id"), ["assignment_id"], unique=False
        )

    op.create_table(
        "collect_values",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("level", sa.Double(), nullable=True),
        sa.Column("growth_pct", sa.Double(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["collect_assignments.id"],
            name=op.f("fk_collect_values_assignment_id_collect_assignments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collect_values")),
        sa.UniqueConstraint("assignment_id", "indicator", name="uq_collect_values_assignment_ind"),
    )
    with op.batch_alter_table("collect_values", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collect_values_assignment_id"), ["assignment_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("collect_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collect_values_assignment_id"))

    op.drop_table("collect_values")
    with op.batch_alter_table("collect_value_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collect_value_history_assignment_id"))

    op.drop_table("collect_value_history")
    with op.batch_alter_table("collect_reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collect_reminders_round_id"))
        batch_op.drop_index(batch_op.f("ix_collect_reminders_region_code"))

    op.drop_table("collect_reminders")
    with op.batch_alter_table("collect_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collect_assignments_round_id"))

    op.drop_table("collect_assignments")
    op.drop_table("collect_rounds")
    op.drop_table("collect_forms")
