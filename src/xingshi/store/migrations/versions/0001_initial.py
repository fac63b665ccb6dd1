"""Initial schema: releases, observations, targets, findings.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "releases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("n_findings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_releases")),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=32), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("level", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("growth_pct", sa.Double(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("computed", sa.Boolean(), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("source_sheet", sa.Text(), nullable=True),
        sa.Column("level_cell", sa.String(length=32), nullable=True),
        sa.Column("growth_cell", sa.String(length=32), nullable=True),
        sa.Column("rank_cell", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["release_id"], ["releases.id"], name=op.f("fk_observations_release_id_releases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
        sa.UniqueConstraint(
            "region_code",
            "indicator",
            "year",
            "first_month",
            "last_month",
            "release_id",
            name="uq_observations_key_release",
        ),
    )
    op.create_index(
        "ix_observations_indicator_year", "observations", ["indicator", "year"], unique=False
    )
    op.create_index(
        op.f("ix_observations_release_id"), "observations", ["release_id"], unique=False
    )
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=32), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=True),
        sa.Column("source_sheet", sa.Text(), nullable=True),
        sa.Column("source_cell", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["release_id"], ["releases.id"], name=op.f("fk_targets_release_id_releases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
        sa.UniqueConstraint(
            "region_code",
            "indicator",
            "year",
            "target_kind",
            "release_id",
            name="uq_targets_key_release",
        ),
    )
    op.create_index(op.f("ix_targets_release_id"), "targets", ["release_id"], unique=False)
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("where_file", sa.Text(), nullable=True),
        sa.Column("where_sheet", sa.Text(), nullable=True),
        sa.Column("where_row", sa.Integer(), nullable=True),
        sa.Column("where_column", sa.String(length=64), nullable=True),
        sa.Column("where_value", sa.Text(), nullable=True),
        sa.Column("hint", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["release_id"], ["releases.id"], name=op.f("fk_findings_release_id_releases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_index(op.f("ix_findings_release_id"), "findings", ["release_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_findings_release_id"), table_name="findings")
    op.drop_table("findings")
    op.drop_index(op.f("ix_targets_release_id"), table_name="targets")
    op.drop_table("targets")
    op.drop_index(op.f("ix_observations_release_id"), table_name="observations")
    op.drop_index("ix_observations_indicator_year", table_name="observations")
    op.drop_table("observations")
    op.drop_table("releases")
