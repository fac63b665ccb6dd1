"""Ledger out: the 台账 in the import's layout (so an export imports again), plus lights."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from xingshi.supervise.ledger_layout import SHEETS


def export_ledger(
    store: Any,
    regions: Any,
    path: str | Path,
    *,
    principal: Any = None,
    today: date | None = None,
    note: str = "",
) -> Path:
    """Write the 台账 (same layout as the import, plus lights) of what the principal may see."""
    from xingshi.supervise.ledger_layout import write_workbook
    from xingshi.supervise.projects import list_projects, reports_of
    from xingshi.supervise.tasks import list_tasks, problems_of

    projects = list_projects(store, regions, principal=principal)
    tasks = list_tasks(store, regions, principal=principal, today=today)
    name = {c: regions.get(c).name for c in {p["region_code"] for p in projects + tasks}}
    sheets: dict[str, list[list]] = {k: [list(h)] for k, h in SHEETS.items()}
    sheets["重点项目"][0] += ["灯色", "亮灯原因"]
    sheets["督办事项"][0] += ["灯色", "剩余工作日"]
    for p in projects:
        sheets["重点项目"].append(
            [
                p["code"],
                p["name"],
                p["year"],
                p["category"],
                name[p["region_code"]],
                p["lead_unit"],
                p["builder"],
                p["leader"],
                p["total_investment"],
                p["annual_plan"],
                p["planned_start"],
                p["planned_finish"],
                p["started"],
                p["registered"],
                p["status"],
                p["note"],
                p["light_name"],
                p["reason"],
            ]
        )
    code_of = {p["id"]: p["code"] for p in projects}
    for r in reports_of(store.engine, list(code_of)):
        sheets["项目月度调度"].append(
            [
                code_of[r["project_id"]],
                r["year"],
                r["month"],
                r["completed_month"],
                r["completed_cum"],
                r["progress"],
                r["problems"],
                r["reported_on"],
            ]
        )
    for t in tasks:
        from xingshi.supervise.tasks import steps_of

        reports = [s for s in steps_of(store.engine, t["id"]) if s["step"] == "报送进展"]
        latest = reports[-1]["text"] if reports else ""
        if latest.startswith("（台账导入）"):
            latest = latest[len("（台账导入）") :]
        sheets["督办事项"].append(
            [
                t["code"],
                t["title"],
                t["source"],
                t["source_detail"],
                name[t["region_code"]],
                t["lead_unit"],
                "、".join(t["co_units"]),
                t["leader"],
                t["assigned"],
                t["due"],
                t["cadence"],
                t["status"],
                t["closed_on"],
                latest,
                t["light_name"],
                t["working_days_left"],
            ]
        )
    task_code = {t["id"]: t["code"] for t in tasks}
    for pr in problems_of(store.engine):
        owner = task_code.get(pr["task_id"]) or code_of.get(pr["project_id"])
        if owner is None:
            continue  # outside the principal's view
        sheets["问题清单"].append(
            [
                pr["code"],
                owner,
                pr["text"],
                pr["unit"],
                pr["raised_on"],
                pr["closed_on"],
                pr["closing_note"],
            ]
        )
    return write_workbook(path, sheets, title_note=note)
