"""A red or lagging indicator opens a task, and the task tells when the indicator turns green.

    tid = task_from_finding(ws, "湘西州", "社零", "2021年1-6月", actor=principal)
    indicator_status(ws, task)   # {"light": "green", "period": "2021年1-9月", "text": ...}

The task is assigned to the unit `[supervise] indicator_units` of xingshi.toml names for the
indicator (e.g. retail → 州商务局); the analysis row (figures, light, release) is attached.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import polars as pl

from xingshi.errors import Conflict, InputError, Location
from xingshi.supervise.lights import LIGHT_NAMES
from xingshi.supervise.tasks import CLOSED, list_tasks, open_task
from xingshi.supervise.workdays import add_working_days

_FIGURES = (
    "value",
    "unit",
    "growth_pct",
    "parent_growth_pct",
    "gap_to_parent_pp",
    "rank",
    "rank_of",
    "rank_change",
    "target",
    "completion_pct",
    "time_progress_pct",
    "completion_gap_pp",
)


def _clean(x: Any) -> Any:
    return None if isinstance(x, float) and (math.isnan(x) or math.isinf(x)) else x


def lagging(analysis: Any, indicator_code: str | None = None) -> list[dict]:
    """The region's own red/yellow rows of an analysis, with the findings' messages."""
    table = analysis.table
    rows = table.filter((pl.col("role") == "self") & pl.col("warning").is_in(["red", "yellow"]))
    if indicator_code:
        rows = rows.filter(pl.col("indicator") == indicator_code)
    code = analysis.region_code
    out = []
    for r in rows.iter_rows(named=True):
        msgs = [
            f.message
            for f in getattr(analysis, "findings", []) or []
            if (f.data or {}).get("indicator") == r["indicator"]
            and (f.data or {}).get("region_code", code) == code
        ]
        out.append(
            {
                "indicator": r["indicator"],
                "indicator_name": r["indicator_name"],
                "light": r["warning"],
                "messages": msgs,
                **{k: _clean(r.get(k)) for k in _FIGURES},
            }
        )
    return out


def responsible_unit(settings: Any, indicator_code: str) -> str | None:
    return dict(settings.supervise.indicator_units).get(indicator_code)


def task_from_finding(
    ws: Any,
    region: str,
    indicator: str,
    period: str,
    *,
    actor: Any = None,
    ip: str | None = None,
    today: date | None = None,
    analysis: Any = None,
) -> int:
    """Open a task from a red or lagging indicator of `region` in `period`; returns its id."""
    from xingshi.jobs import run_analysis

    reg = ws.regions.resolve(region)
    ind = ws.indicators.resolve(indicator)
    from xingshi.supervise import scope

    scope.require_supervisor(actor, ws.regions, reg.code)
    analysis = analysis or run_analysis(ws, reg.code, period)
    hits = lagging(analysis, ind.code)
    label = _label(analysis.period)
    if not hits:
        raise Conflict(
            f"{reg.short or reg.name}{ind.name}{label}不是红灯或黄灯，无需督办",
            hint="只有亮红灯或黄灯（落后）的指标可以生成督办事项",
        )
    unit = responsible_unit(ws.settings, ind.code)
    if not unit:
        raise InputError(
            f"没有为指标“{ind.name}”指定责任单位",
            where=Location(file="xingshi.toml", value=ind.code),
            hint=f'在 [supervise] indicator_units 中加一对 ["{ind.code}", "责任单位"]',
        )
    for t in list_tasks(ws.store, ws.regions, today=today):
        f = t.get("finding") or {}
        if (
            f.get("region_code") == reg.code
            and f.get("indicator") == ind.code
            and (t["status"] != CLOSED)
        ):
            raise Conflict(
                f"该指标已有未销号的督办事项“{t['code']}”",
                hint="在已有事项中报送进展，不必重复交办",
            )
    hit = hits[0]
    release = ws.store.latest_release_id()
    finding = {
        "region": reg.short or reg.name,
        "region_code": reg.code,
        "indicator": ind.code,
        "indicator_name": ind.name,
        "period": label,
        "period_key": analysis.period,
        "release": release,
        **hit,
    }
    day = today or date.today()
    why = "；".join(hit["messages"]) or f"{ind.name}亮{LIGHT_NAMES[hit['light']]}"
    data = {
        "title": f"{reg.short or reg.name}{ind.name}{LIGHT_NAMES[hit['light']]}督办（{label}）",
        "source": "红灯指标",
        "source_detail": why,
        "region": reg.code,
        "lead_unit": unit,
        "assigned": day.isoformat(),
        "due": add_working_days(day, ws.settings.supervise.finding_due_working_days).isoformat(),
        "cadence": "按月调度",
    }
    return open_task(ws.store, ws.regions, data, actor=actor, ip=ip, finding=finding, today=day)


def _label(key: str) -> str:
    start, _, end = key.partition("/")
    end = end or start
    y, m1, m2 = int(end[:4]), int(start[5:7]), int(end[5:7])
    return f"{y}年{m1}-{m2}月" if m1 != m2 else f"{y}年{m2}月"


def indicator_status(ws: Any, task: dict, analysis_of: Any = None) -> dict | None:
    """For a task opened from an indicator: its light in the latest period of the same year;
    `text` says when it has turned green. None for other tasks."""
    f = task.get("finding")
    if not f:
        return None
    from xingshi.jobs import run_analysis

    obs = ws.store.observations(regions=[f["region_code"]], indicators=[f["indicator"]])
    year = int(f["period_key"][:4])
    cum = obs.filter((pl.col("first_month") == 1) & (pl.col("year") == year))
    if cum.is_empty():
        return None
    last = int(cum["last_month"].max())
    period = f"{year}年1-{last}月" if last > 1 else f"{year}年1月"
    run = analysis_of or (lambda region, p: run_analysis(ws, region, p))
    analysis = run(f["region_code"], period)
    rows = analysis.table.filter(
        (pl.col("role") == "self") & (pl.col("indicator") == f["indicator"])
    )
    light = rows["warning"][0] if rows.height else None
    if light == "green":
        text = f"{f['indicator_name']}{period}已转为绿灯"
    elif light:
        text = f"{f['indicator_name']}{period}仍为{LIGHT_NAMES[light]}"
    else:
        text = f"{f['indicator_name']}{period}暂无数据"
    return {"light": light, "period": period, "text": text, "turned_green": light == "green"}
