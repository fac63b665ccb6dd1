"""Tables of the 填报 package: forms and templates, rounds, assignments, field values with
their history, and reminders. On the store's metadata; created by migration 0004_collect
(departments: 0007_departments)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from xingshi.store._models import Base


class CollectForm(Base):
    """The list of indicators asked (JSON items); a named template when `template` is set."""

    __tablename__ = "collect_forms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    template: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    items: Mapped[str] = mapped_column(Text, nullable=False)
    due_rule: Mapped[str | None] = mapped_column(String(64))
    parent_region: Mapped[str | None] = mapped_column(String(32))
    units: Mapped[str | None] = mapped_column(Text)  # JSON list of region codes
    # JSON [{"unit": "州商务局", "indicators": [codes]}]: departments and their own indicators
    departments: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(64))


class CollectRound(Base):
    """One reporting round: a period, a form, the units asked and the dates."""

    __tablename__ = "collect_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    first_month: Mapped[int] = mapped_column(Integer, nullable=False)
    last_month: Mapped[int] = mapped_column(Integer, nullable=False)
    form_id: Mapped[int] = mapped_column(ForeignKey("collect_forms.id"), nullable=False)
    parent_region: Mapped[str | None] = mapped_column(String(32))
    opens_on: Mapped[date] = mapped_column(Date, nullable=False)
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)  # open | published
    release_id: Mapped[int | None] = mapped_column(Integer)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    publications: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(64))


class CollectAssignment(Base):
    """One unit's part of a round: its state, explanation and review."""

    __tablename__ = "collect_assignments"
    __table_args__ = (
        UniqueConstraint("round_id", "region_code", name="uq_collect_assignments_round_region"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("collect_rounds.id"), nullable=False, index=True
    )
    # the region code, or unit:<units.id> for a department (whose figures go to its region)
    region_code: Mapped[str] = mapped_column(String(32), nullable=False)
    unit_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the department, if one
    indicators: Mapped[str | None] = mapped_column(Text)  # JSON codes asked; NULL: the whole form
    state: Mapped[str] = mapped_column(String(8), nullable=False)
    explanation: Mapped[str | None] = mapped_column(Text)
    return_reason: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    reviewed_by: Mapped[str | None] = mapped_column(String(64))
    overdue_noted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)


class CollectValue(Base):
    """The current value of one field (an indicator's level and growth) with its version."""

    __tablename__ = "collect_values"
    __table_args__ = (
        UniqueConstraint("assignment_id", "indicator", name="uq_collect_values_assignment_ind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("collect_assignments.id"), nullable=False, index=True
    )
    indicator: Mapped[str] = mapped_column(String(64), nullable=False)
    level: Mapped[float | None] = mapped_column(Double)
    growth_pct: Mapped[float | None] = mapped_column(Double)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    updated_by: Mapped[str | None] = mapped_column(String(64))


class CollectValueHistory(Base):
    """Every saved version of every field (insert-only): a changed figure keeps its history."""

    __tablename__ = "collect_value_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("collect_assignments.id"), nullable=False, index=True
    )
    indicator: Mapped[str] = mapped_column(String(64), nullable=False)
    level: Mapped[float | None] = mapped_column(Double)
    growth_pct: Mapped[float | None] = mapped_column(Double)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    state: Mapped[str] = mapped_column(String(8), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    by: Mapped[str | None] = mapped_column(String(64))


class CollectReminder(Base):
    """A reminder to one unit: 即将到期, 已逾期 or a 催报 sent by the bureau."""

    __tablename__ = "collect_reminders"
    __table_args__ = (
        UniqueConstraint("round_id", "region_code", "kind", "day", name="uq_collect_reminders_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("collect_rounds.id"), nullable=False, index=True
    )
    region_code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    day: Mapped[str] = mapped_column(String(32), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    created_by: Mapped[str | None] = mapped_column(String(64))
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
