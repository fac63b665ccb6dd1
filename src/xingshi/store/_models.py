"""SQLAlchemy models. The schema itself is created only by the Alembic migrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so migrations and `alembic check` agree on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Release(Base):
    """One import: a vintage. Counts say what it did; created_at is UTC without a zone."""

    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    source_file: Mapped[str] = mapped_column(Text, nullable=False)
    sha256: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    inserted: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    n_findings: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Observation(Base):
    """One vintage of one cell: region x indicator x period, as given by one release."""

    __tablename__ = "observations"
    __table_args__ = (
        UniqueConstraint(
            "region_code",
            "indicator",
            "year",
            "first_month",
            "last_month",
            "release_id",
            name="uq_observations_key_release",
        ),
        Index("ix_observations_indicator_year", "indicator", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id"), nullable=False, index=True)
    region_code: Mapped[str] = mapped_column(String(32), nullable=False)
    indicator: Mapped[str] = mapped_column(String(64), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    first_month: Mapped[int] = mapped_column(Integer, nullable=False)
    last_month: Mapped[int] = mapped_column(Integer, nullable=False)
    level: Mapped[float | None] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(String(32), nullable=False)
    growth_pct: Mapped[float | None] = mapped_column(Double)
    rank: Mapped[int | None] = mapped_column(Integer)  # on the usual basis: growth, a rate's value
    level_rank: Mapped[int | None] = mapped_column(Integer)  # of the amount (总量位次)
    computed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_sheet: Mapped[str | None] = mapped_column(Text)
    level_cell: Mapped[str | None] = mapped_column(String(32))
    growth_cell: Mapped[str | None] = mapped_column(String(32))
    rank_cell: Mapped[str | None] = mapped_column(String(32))
    level_rank_cell: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)


class Target(Base):
    """One vintage of an annual target (growth, level or count) for a region and indicator."""

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint(
            "region_code",
            "indicator",
            "year",
            "target_kind",
            "release_id",
            name="uq_targets_key_release",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id"), nullable=False, index=True)
    region_code: Mapped[str] = mapped_column(String(32), nullable=False)
    indicator: Mapped[str] = mapped_column(String(64), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    target_kind: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[float] = mapped_column(Double, nullable=False)
    unit: Mapped[str] = mapped_column(String(32), nullable=False)
    source_file: Mapped[str | None] = mapped_column(Text)
    source_sheet: Mapped[str | None] = mapped_column(Text)
    source_cell: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)


class FindingRow(Base):
    """A warning (or info) finding kept with the release it came with."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id"), nullable=False, index=True)
    rule: Mapped[str] = mapped_column(String(64), nullable=False)
    severity: Mapped[str] = mapped_column(String(16), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    where_file: Mapped[str | None] = mapped_column(Text)
    where_sheet: Mapped[str | None] = mapped_column(Text)
    where_row: Mapped[int | None] = mapped_column(Integer)
    where_column: Mapped[str | None] = mapped_column(String(64))
    where_value: Mapped[str | None] = mapped_column(Text)
    hint: Mapped[str | None] = mapped_column(Text)
    data: Mapped[str | None] = mapped_column(Text)  # JSON text: portable across backends
