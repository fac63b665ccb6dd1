"""Tables of 督查督办: key projects and their monthly reports, supervised tasks and their
steps, problems, quarterly inspections and score adjustments (migration 0005_supervise).

Dates are ISO text (`YYYY-MM-DD`), months `YYYY-MM`, amounts in 亿元; lists and the attached
finding are JSON text, portable across SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from xingshi.store._models import Base


class Project(Base):
    """A key project (重点项目) of one year."""

    __tablename__ = "sv_projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(256), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    category: Mapped[str] = mapped_column(String(64), nullable=False)
    region_code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    lead_unit: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    builder: Mapped[str | None] = mapped_column(String(256))
    leader: Mapped[str | None] = mapped_column(String(64))
    total_investment: Mapped[float] = mapped_column(Float, nullable=False)
    annual_plan: Mapped[float] = mapped_column(Float, nullable=False)
    monthly_plan: Mapped[str | None] = mapped_column(Text)  # JSON: 12 cumulative amounts
    planned_start: Mapped[str] = mapped_column(String(7), nullable=False)
    planned_finish: Mapped[str | None] = mapped_column(String(7))
    started: Mapped[str | None] = mapped_column(String(7))
    registered: Mapped[str | None] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)


class ProjectReport(Base):
    """One month's report of a project: completed investment, progress, problems."""

    __tablename__ = "sv_project_reports"
    __table_args__ = (
        UniqueConstraint("project_id", "year", "month", name="uq_sv_project_reports_month"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("sv_projects.id"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    month: Mapped[int] = mapped_column(Integer, nullable=False)
    completed_month: Mapped[float] = mapped_column(Float, nullable=False)
    completed_cum: Mapped[float] = mapped_column(Float, nullable=False)
    progress: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    reported_on: Mapped[str] = mapped_column(String(10), nullable=False)
    reported_by: Mapped[str | None] = mapped_column(String(64))


class Task(Base):
    """A supervised task (督办事项) and where it stands in the chain."""

    __tablename__ = "sv_tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(32), nullable=False)
    source_detail: Mapped[str | None] = mapped_column(Text)
    region_code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    lead_unit: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    co_units: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    leader: Mapped[str | None] = mapped_column(String(64))
    assigned: Mapped[str] = mapped_column(String(10), nullable=False)
    due: Mapped[str] = mapped_column(String(10), nullable=False)
    cadence: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    closed_on: Mapped[str | None] = mapped_column(String(10))
    requested_due: Mapped[str | None] = mapped_column(String(10))
    finding: Mapped[str | None] = mapped_column(Text)  # JSON: region, indicator, period, ...
    project_id: Mapped[int | None] = mapped_column(ForeignKey("sv_projects.id"))


class TaskStep(Base):
    """One step of a task's chain or one progress report, in order."""

    __tablename__ = "sv_task_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("sv_tasks.id"), nullable=False, index=True)
    step: Mapped[str] = mapped_column(String(16), nullable=False)
    on: Mapped[str] = mapped_column(String(10), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
    actor: Mapped[str | None] = mapped_column(String(64))
    unit: Mapped[str | None] = mapped_column(String(128))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)


class Problem(Base):
    """One problem of a task or a project (问题清单), closed on its own."""

    __tablename__ = "sv_problems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("sv_tasks.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("sv_projects.id"), index=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    unit: Mapped[str] = mapped_column(String(128), nullable=False)
    raised_on: Mapped[str] = mapped_column(String(10), nullable=False)
    closed_on: Mapped[str | None] = mapped_column(String(10))
    closing_note: Mapped[str | None] = mapped_column(Text)


class Inspection(Base):
    """A quarterly inspection (按季督查) of a unit: what was found and the rating."""

    __tablename__ = "sv_inspections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    quarter: Mapped[int] = mapped_column(Integer, nullable=False)
    unit: Mapped[str] = mapped_column(String(128), nullable=False)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("sv_tasks.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("sv_projects.id"))
    finding: Mapped[str] = mapped_column(Text, nullable=False)
    rating: Mapped[str] = mapped_column(String(8), nullable=False)
    inspected_on: Mapped[str] = mapped_column(String(10), nullable=False)


class ScoreAdjustment(Base):
    """A manual change of a unit's quarterly score, with its reason."""

    __tablename__ = "sv_score_adjustments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    quarter: Mapped[int] = mapped_column(Integer, nullable=False)
    unit: Mapped[str] = mapped_column(String(128), nullable=False)
    points: Mapped[float] = mapped_column(Float, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    actor: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=False), nullable=False)
