"""What the follow-up says: counts of tasks, projects and problems in a region, who is behind.

Used by the briefing's 督查督办 section, the 督查通报 and the overview page; tasks are judged
on `today` (the briefing uses the last day of its period), projects at the period's month.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from xingshi.settings import SuperviseSection
from xingshi.supervise.projects import list_projects, problem_counts
from xingshi.supervise.tasks import CLOSED, list_tasks


def month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), 1 if month == 12 else month + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def summarize(
    store: Any,
    regions: Any,
    *,
    region: str,
    year: int,
    month: int,
    today: date | None = None,
    principal: Any = None,
    rules: SuperviseSection | None = None,
) -> dict:
    """Counts and laggards of `region` (and below) for the month `month` of `year`."""
    today = today or month_end(year, month)
    projects = list_projects(
        store, regions, principal=principal, region=region, year=year, month=month, rules=rules
    )
    tasks = list_tasks(store, regions, principal=principal, region=region, today=today, rules=rules)
    ids_t = {t["id"] for t in tasks}
    ids_p = {p["id"] for p in projects}
    pt = problem_counts(store.engine, "task_id")
    pp = problem_counts(store.engine, "project_id")
    problems = sum(pt[i][0] for i in ids_t if i in pt) + sum(pp[i][0] for i in ids_p if i in pp)
    open_ = sum(pt[i][1] for i in ids_t if i in pt) + sum(pp[i][1] for i in ids_p if i in pp)
    plan = sum(p["annual_plan"] for p in projects)
    done = sum(p["completed_cum"] for p in projects)
    return {
        "region": regions.resolve(region).short,
        "year": year,
        "month": month,
        "today": today.isoformat(),
        "tasks": len(tasks),
        "tasks_closed": sum(t["status"] == CLOSED for t in tasks),
        "tasks_overdue": [t for t in tasks if t["light"] == "red"],
        "tasks_due_soon": [t for t in tasks if t["light"] == "yellow"],
        "projects": len(projects),
        "projects_red": [p for p in projects if p["light"] == "red"],
        "projects_yellow": [p for p in projects if p["light"] == "yellow"],
        "projects_started": sum(
            1 for p in projects if p["started"] and p["started"] <= f"{year:04d}-{month:02d}"
        ),
        "annual_plan": plan,
        "completed": done,
        "completion": round(done / plan * 100, 1) if plan else None,
        "time_progress": round(
            sum(p["annual_plan"] * p["time_progress"] / 100 for p in projects) / plan * 100, 1
        )
        if plan
        else None,
        "problems": problems,
        "problems_closed": problems - open_,
    }


def _names(items: list[dict], limit: int = 5) -> str:
    shown = [f"{i.get('name') or i['title']}（{i['lead_unit']}）" for i in items[:limit]]
    more = f"等{len(items)}项" if len(items) > limit else ""
    return "、".join(shown) + more


def follow_up_lines(s: dict) -> list[str]:
    """The follow-up as sentences (Chinese), every figure counted from the ledger."""
    lines = []
    if s["tasks"]:
        text = (
            f"{s['region']}{s['tasks']}项重点督办事项，已审核销号{s['tasks_closed']}项，"
            f"正在推进{s['tasks'] - s['tasks_closed']}项"
        )
        if s["tasks_overdue"]:
            text += f"；超期未办结{len(s['tasks_overdue'])}项：{_names(s['tasks_overdue'])}"
        if s["tasks_due_soon"]:
            text += f"；临近时限{len(s['tasks_due_soon'])}项"
        lines.append(text + "。")
    if s["projects"]:
        text = (
            f"{s['projects']}个重点项目已开工{s['projects_started']}个，"
            f"1-{s['month']}月完成投资{s['completed']:.2f}亿元，占年度计划的"
            f"{s['completion']:.1f}%，时间进度{s['time_progress']:.1f}%"
        )
        text += f"；亮红灯{len(s['projects_red'])}个、黄灯{len(s['projects_yellow'])}个"
        if s["projects_red"]:
            leaders = sorted({p["leader"] for p in s["projects_red"] if p["leader"]})
            text += f"，红灯项目：{_names(s['projects_red'])}"
            if leaders:
                text += f"，包联领导{'、'.join(leaders)}"
        lines.append(text + "。")
    if s["problems"]:
        lines.append(
            f"梳理问题{s['problems']}个，已完成{s['problems_closed']}个，"
            f"尚有{s['problems'] - s['problems_closed']}个正在推进。"
        )
    if lines:
        lines.append(
            "对重点工作、重大决策、重大项目实行按月调度、按季督查，"
            "对超期事项和红灯项目逐项督办销号。"
        )
    return lines


def follow_up_section(ws: Any, region_code: str, period_key: str) -> Any:
    """The briefing's 督查督办 section for a region and period (None without any data)."""
    from xingshi.report.model import Paragraph, Section, Span

    end = period_key.partition("/")[2] or period_key
    year, month = int(end[:4]), int(end[5:7])
    s = summarize(
        ws.store,
        ws.regions,
        region=region_code,
        year=year,
        month=month,
        rules=ws.settings.supervise,
    )
    lines = follow_up_lines(s)
    if not lines:
        return None
    return Section("四、督查督办情况", [Paragraph([Span(t)]) for t in lines])
