"""Quarterly inspections (按季督查) and unit scores (考核) from documented rules.

A unit's score for a quarter (the values come from `[supervise]` in xingshi.toml):

    score_base
    − score_missing_report × months a project it leads had started but sent no report
    − score_late_report    × reports sent after `report_due_day` of the next month
    − score_overdue_task   × tasks it leads past their due date and not closed at quarter end
    + score_closed_task    × tasks it leads closed (审核销号) in the quarter by their due date
    + manual adjustments (each with its reason)

Units are the lead units of the year's projects and tasks; ties share a rank.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from xingshi.access.audit import record_event
from xingshi.errors import InputError, Location
from xingshi.settings import SuperviseSection
from xingshi.supervise import _values as v
from xingshi.supervise import scope
from xingshi.supervise._models import Inspection, Project, ProjectReport, ScoreAdjustment, Task

RATINGS = ("好", "较好", "一般", "差")
A, INS = ScoreAdjustment.__table__, Inspection.__table__


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, date.fromordinal(last.toordinal() - 1)


def _check_quarter(year: Any, quarter: Any) -> tuple[int, int]:
    return v.integer(year, "年度", 2000, 2100), v.integer(quarter, "季度", 1, 4)


def add_adjustment(
    store: Any,
    regions: Any,
    *,
    year: int,
    quarter: int,
    unit: str,
    points: float,
    reason: str,
    actor: Any = None,
    ip: str | None = None,
) -> int:
    """A manual change of a unit's score; refused without a reason."""
    year, quarter = _check_quarter(year, quarter)
    root = _root(actor, regions)
    scope.require_supervisor(actor, regions, root)
    why = (reason or "").strip()
    if len(why) < 4:
        raise InputError(
            "手工调整考核分须写明理由（至少4个字）",
            where=Location(column="理由"),
            hint="如“承办州委交办急难任务，加2分”",
        )
    try:
        pts = float(points)
    except (TypeError, ValueError):
        raise v.bad("调整分值", points, "数字，加分为正、扣分为负") from None
    unit = v.text(unit, "单位")
    with store.write_transaction() as conn:
        aid = conn.execute(
            A.insert().values(
                year=year,
                quarter=quarter,
                unit=unit,
                points=pts,
                reason=why,
                actor=getattr(actor, "username", None),
                at=datetime.now(UTC).replace(tzinfo=None),
            )
        ).inserted_primary_key[0]
        record_event(
            conn,
            actor=actor,
            action="score.adjust",
            object_type="score",
            object_id=f"{year}Q{quarter}:{unit}",
            region=root or None,
            after={"points": pts, "unit": unit},
            reason=why,
            ip=ip,
        )
    return int(aid)


def _root(actor: Any, regions: Any) -> str:
    if actor is None:
        return ""
    roots = actor.roots("supervise")
    if not roots:
        actor.require("supervise")
    return roots[0]


def add_inspection(
    store: Any,
    regions: Any,
    *,
    year: int,
    quarter: int,
    unit: str,
    finding: str,
    rating: str,
    task_id: int | None = None,
    project_id: int | None = None,
    actor: Any = None,
    ip: str | None = None,
    today: date | None = None,
) -> int:
    """Record a quarterly inspection of a unit (its finding and rating)."""
    year, quarter = _check_quarter(year, quarter)
    root = _root(actor, regions)
    scope.require_supervisor(actor, regions, root)
    row = {
        "year": year,
        "quarter": quarter,
        "unit": v.text(unit, "单位"),
        "finding": v.text(finding, "督查发现"),
        "rating": v.choice(rating, "评价", RATINGS),
        "task_id": task_id,
        "project_id": project_id,
        "inspected_on": (today or date.today()).isoformat(),
    }
    with store.write_transaction() as conn:
        iid = conn.execute(INS.insert().values(**row)).inserted_primary_key[0]
        record_event(
            conn,
            actor=actor,
            action="inspection.add",
            object_type="inspection",
            object_id=str(iid),
            region=root or None,
            after=row,
            ip=ip,
        )
    return int(iid)


def inspections(engine: Any, year: int, quarter: int | None = None) -> list[dict]:
    stmt = select(INS).where(INS.c.year == year).order_by(INS.c.quarter, INS.c.id)
    if quarter:
        stmt = stmt.where(INS.c.quarter == quarter)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def unit_scores(
    engine: Any,
    year: int,
    quarter: int,
    rules: SuperviseSection | None = None,
    units: set[str] | None = None,
) -> list[dict]:
    """The ranking table of units for a quarter, with each rule's count and points."""
    rules = rules or SuperviseSection()
    first, last = quarter_bounds(year, quarter)
    P, R, T = Project.__table__, ProjectReport.__table__, Task.__table__
    with engine.connect() as conn:
        projects = [dict(r) for r in conn.execute(select(P).where(P.c.year == year)).mappings()]
        reports = [dict(r) for r in conn.execute(select(R).where(R.c.year == year)).mappings()]
        tasks = [dict(r) for r in conn.execute(select(T)).mappings()]
        adjustments = [
            dict(r)
            for r in conn.execute(
                select(A).where((A.c.year == year) & (A.c.quarter == quarter)).order_by(A.c.id)
            ).mappings()
        ]
    tasks = [t for t in tasks if t["assigned"] <= last.isoformat()]
    rows: dict[str, dict] = {}

    def row(unit: str) -> dict:
        return rows.setdefault(
            unit,
            {
                "unit": unit,
                "missing_reports": 0,
                "late_reports": 0,
                "overdue_tasks": 0,
                "closed_tasks": 0,
                "adjustment": 0.0,
                "reasons": [],
            },
        )

    sent = {(r["project_id"], r["month"]): r for r in reports}
    months = range(3 * quarter - 2, 3 * quarter + 1)
    for p in projects:
        r0 = row(p["lead_unit"])
        if not p["started"]:
            continue
        start = int(p["started"][5:7]) if int(p["started"][:4]) == year else 1
        for m in months:
            if m < start:
                continue
            rep = sent.get((p["id"], m))
            if rep is None:
                r0["missing_reports"] += 1
                continue
            due_day = date(year + (m == 12), 1 if m == 12 else m + 1, rules.report_due_day)
            if rep["reported_on"] > due_day.isoformat():
                r0["late_reports"] += 1
    for t in tasks:
        r0 = row(t["lead_unit"])
        closed = t["closed_on"]
        if t["due"] < last.isoformat() and (closed is None or closed > last.isoformat()):
            r0["overdue_tasks"] += 1
        if closed and first.isoformat() <= closed <= last.isoformat() and closed <= t["due"]:
            r0["closed_tasks"] += 1
    for a in adjustments:
        r0 = row(a["unit"])
        r0["adjustment"] += a["points"]
        r0["reasons"].append(f"{a['points']:+g}：{a['reason']}")
    out = []
    for r0 in rows.values():
        if units is not None and r0["unit"] not in units:
            continue
        r0["score"] = round(
            rules.score_base
            - rules.score_missing_report * r0["missing_reports"]
            - rules.score_late_report * r0["late_reports"]
            - rules.score_overdue_task * r0["overdue_tasks"]
            + rules.score_closed_task * r0["closed_tasks"]
            + r0["adjustment"],
            2,
        )
        out.append(r0)
    out.sort(key=lambda r: (-r["score"], r["unit"]))
    for r0 in out:
        r0["rank"] = 1 + sum(o["score"] > r0["score"] for o in out)
    return out
