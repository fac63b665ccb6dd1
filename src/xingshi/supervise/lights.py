"""Lights of key projects and tasks: pure functions over plain values, rules from settings.

Project (at a month of its year), the worst of:
- completion behind time progress: gap ≥ behind_yellow_pp yellow, > behind_red_pp red
  (only once the project has started; time progress is the monthly plan's cumulative share,
  else straight-line month/12);
- not started: in or after its planned start month yellow, not_started_red_months late red;
- started but not registered (入库纳统): unregistered_yellow_months after the start yellow,
  unregistered_red_months red.
Task: past its due date red (overdue), due within due_soon_working_days working days yellow;
a closed task (已销号) is green.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xingshi.settings import SuperviseSection
from xingshi.supervise.workdays import working_days_between

ORDER = {"green": 0, "yellow": 1, "red": 2}
LIGHT_NAMES = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}


@dataclass(frozen=True)
class Light:
    """A light and the reasons, in Chinese, for it (empty when green)."""

    light: str
    reasons: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        return "；".join(self.reasons) if self.reasons else "按进度推进"


def month_index(ym: str) -> int:
    """`2021-03` → a month count, so differences are months."""
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def time_progress(year: int, month: int, annual_plan: float, monthly_plan: list | None) -> float:
    """Per cent of the year's plan due by the end of `month`."""
    if monthly_plan and annual_plan:
        return round(monthly_plan[month - 1] / annual_plan * 100, 2)
    return round(month / 12 * 100, 2)


def project_light(
    *,
    year: int,
    month: int,
    annual_plan: float,
    completed_cum: float | None,
    planned_start: str,
    started: str | None,
    registered: str | None,
    monthly_plan: list | None = None,
    rules: SuperviseSection | None = None,
) -> tuple[Light, dict]:
    """The light of a project at the end of `month` of `year`, and the figures behind it."""
    rules = rules or SuperviseSection()
    now = year * 12 + month - 1
    tp = time_progress(year, month, annual_plan, monthly_plan)
    done = completed_cum or 0.0
    completion = round(done / annual_plan * 100, 2) if annual_plan else None
    figures = {"time_progress": tp, "completion": completion, "completed_cum": done}
    found: list[tuple[str, str]] = []
    is_started = started is not None and month_index(started) <= now
    if is_started and completion is not None:
        gap = round(tp - completion, 2)
        figures["gap_pp"] = gap
        if gap > rules.behind_red_pp:
            found.append(("red", f"投资完成率{completion:g}%，落后时间进度{gap:g}个百分点"))
        elif gap >= rules.behind_yellow_pp:
            found.append(("yellow", f"投资完成率{completion:g}%，落后时间进度{gap:g}个百分点"))
    if not is_started:
        late = now - month_index(planned_start)
        if late >= rules.not_started_red_months:
            found.append(("red", f"计划{_ym(planned_start)}开工，已晚{late}个月仍未开工"))
        elif late >= 0:
            found.append(("yellow", f"计划{_ym(planned_start)}开工，尚未开工"))
    else:
        is_registered = registered is not None and month_index(registered) <= now
        since = now - month_index(started)  # type: ignore[arg-type]
        if not is_registered:
            if since >= rules.unregistered_red_months:
                found.append(("red", f"{_ym(started)}开工，{since}个月仍未入库纳统"))
            elif since >= rules.unregistered_yellow_months:
                found.append(("yellow", f"{_ym(started)}开工，{since}个月仍未入库纳统"))
    if not found:
        return Light("green"), figures
    worst = max((c for c, _ in found), key=ORDER.__getitem__)
    return Light(worst, tuple(r for _, r in found)), figures


def task_light(
    due: date, today: date, *, closed: bool = False, rules: SuperviseSection | None = None
) -> tuple[Light, int]:
    """A task's light on `today` and the working days left (negative: overdue by that many)."""
    rules = rules or SuperviseSection()
    left = working_days_between(today, due)
    if closed:
        return Light("green", ("已销号",)), left
    if today > due:
        return Light("red", (f"已超期{-left}个工作日" if left else "已超期",)), left
    if left <= rules.due_soon_working_days:
        return Light("yellow", (f"距办结时限还有{left}个工作日",)), left
    return Light("green"), left


def _ym(ym: str | None) -> str:
    return f"{int(ym[:4])}年{int(ym[5:7])}月" if ym else ""
