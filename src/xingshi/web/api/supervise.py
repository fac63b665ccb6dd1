"""督查督办 API: key projects with lights, supervised tasks and their chain, problems, scores.

Each unit sees and reports only its own projects and tasks (others answer 404); opening,
deciding and importing belong to the supervision office. Amounts are in 亿元, months
`YYYY-MM`, dates `YYYY-MM-DD`; the chain's steps are named in Chinese.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from xingshi.catalog.periods import parse_period
from xingshi.supervise import projects as sp
from xingshi.supervise import scores as ss
from xingshi.supervise import tasks as st
from xingshi.supervise.findings import indicator_status, task_from_finding
from xingshi.web import pages
from xingshi.web.access import Ctx, client_ip
from xingshi.web.supervise_access import Supervisor, SvUser

router = APIRouter(prefix="/api/v1", tags=["督查督办 API"])


class ProjectIn(BaseModel):
    name: str
    year: int
    region: str
    category: str
    lead_unit: str
    total_investment: float = Field(description="总投资（亿元）")
    annual_plan: float = Field(description="年度计划投资（亿元）")
    planned_start: str = Field(description="计划开工 YYYY-MM")
    planned_finish: str | None = None
    started: str | None = Field(None, description="实际开工 YYYY-MM")
    registered: str | None = Field(None, description="入库纳统 YYYY-MM")
    builder: str | None = None
    leader: str | None = None
    code: str | None = None
    monthly_plan: list[float] | None = Field(None, description="12个月的累计计划投资（亿元）")


class ReportIn(BaseModel):
    year: int
    month: int
    completed_month: float
    completed_cum: float
    progress: str | None = None
    problems: str | None = None


class TaskIn(BaseModel):
    title: str
    lead_unit: str
    due: str
    region: str | None = None
    co_units: list[str] | str | None = None
    cadence: str | None = None
    source: str | None = None
    source_detail: str | None = None
    leader: str | None = None
    assigned: str | None = None
    code: str | None = None


class TaskReportIn(BaseModel):
    text: str


class TransitionIn(BaseModel):
    to: str = Field(description="步骤或目标状态，如 已签收、申请延期、审核销号")
    text: str = ""
    due: str | None = Field(None, description="申请延期时：延期至 YYYY-MM-DD")


class FindingIn(BaseModel):
    region: str
    indicator: str
    period: str


class ProblemIn(BaseModel):
    text: str
    task_id: int | None = None
    project_id: int | None = None
    unit: str | None = None


class CloseIn(BaseModel):
    note: str


class AdjustIn(BaseModel):
    year: int
    quarter: int
    unit: str
    points: float
    reason: str


class InspectionIn(BaseModel):
    year: int
    quarter: int
    unit: str
    finding: str
    rating: str
    task_id: int | None = None
    project_id: int | None = None


def _month(ctx: Any, period: str | None, year: int | None) -> tuple[int | None, int | None]:
    if period:
        p = parse_period(period)
        return p.year, p.last_month
    return year, None


@router.get("/projects", summary="重点项目（含红黄绿灯及原因）")
def projects(
    ctx: Ctx,
    user: SvUser,
    region: str | None = None,
    period: str | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    y, m = _month(ctx, period, year)
    return sp.list_projects(
        ctx.store,
        ctx.regions,
        principal=user,
        region=region,
        year=y,
        month=m,
        rules=ctx.ws.settings.supervise,
    )


@router.get("/projects/rollup", summary="重点项目汇总：按地区、类别或包联领导")
def projects_rollup(
    ctx: Ctx,
    user: SvUser,
    by: str = "region",
    region: str | None = None,
    period: str | None = None,
    year: int | None = None,
) -> list[dict]:
    from xingshi.errors import InputError

    if by not in sp.ROLLUP_KEYS:
        raise InputError(f"不能按“{by}”汇总", hint="by 可为 region、category、leader")
    y, m = _month(ctx, period, year)
    rows = sp.list_projects(
        ctx.store,
        ctx.regions,
        principal=user,
        region=region,
        year=y,
        month=m,
        rules=ctx.ws.settings.supervise,
    )
    return sp.rollup(rows, by)


@router.post("/projects", summary="新增重点项目（督查室）", status_code=201)
def project_add(request: Request, ctx: Ctx, user: Supervisor, body: ProjectIn) -> dict:
    pid = sp.add_project(
        ctx.store, ctx.regions, body.model_dump(), actor=user, ip=client_ip(request)
    )
    return sp.get_project(ctx.engine, pid)


@router.get("/projects/{project_id}", summary="一个重点项目及其月度调度和问题")
def project_one(ctx: Ctx, user: SvUser, project_id: int) -> dict:
    p = sp.visible_project(ctx.store, ctx.regions, user, project_id)
    return {
        **p,
        "reports": sp.reports_of(ctx.engine, [project_id]),
        "problems": st.problems_of(ctx.engine, project_id=project_id),
    }


@router.post(
    "/projects/{project_id}/reports", summary="报送项目月度进展（责任单位）", status_code=201
)
def project_report(
    request: Request, ctx: Ctx, user: SvUser, project_id: int, body: ReportIn
) -> dict:
    sp.visible_project(ctx.store, ctx.regions, user, project_id)
    rid = sp.report_project(
        ctx.store, ctx.regions, project_id, body.model_dump(), actor=user, ip=client_ip(request)
    )
    return {"id": rid, "project_id": project_id}


@router.get("/tasks", summary="督办事项（含超期、临期灯）")
def tasks(ctx: Ctx, user: SvUser, region: str | None = None) -> list[dict[str, Any]]:
    return st.list_tasks(
        ctx.store, ctx.regions, principal=user, region=region, rules=ctx.ws.settings.supervise
    )


@router.post("/tasks", summary="立项交办（督查室）", status_code=201)
def task_add(request: Request, ctx: Ctx, user: Supervisor, body: TaskIn) -> dict:
    data = body.model_dump()
    data["region"] = data["region"] or user.home_region()
    tid = st.open_task(ctx.store, ctx.regions, data, actor=user, ip=client_ip(request))
    return st.get_task(ctx.engine, tid)


@router.post(
    "/tasks/from-finding", summary="由红灯或落后指标生成督办事项（督查室）", status_code=201
)
def task_from(request: Request, ctx: Ctx, user: Supervisor, body: FindingIn) -> dict:
    user.require_region(ctx.regions, ctx.regions.resolve(body.region).code, "supervise")
    tid = task_from_finding(
        ctx.ws,
        body.region,
        body.indicator,
        body.period,
        actor=user,
        ip=client_ip(request),
        analysis=pages.analysis(ctx, body.region, body.period),
    )
    return st.get_task(ctx.engine, tid)


def _task_view(ctx: Any, user: Any, task_id: int) -> dict:
    t = st.visible_task(ctx.store, ctx.regions, user, task_id)
    [row] = [
        r
        for r in st.list_tasks(ctx.store, ctx.regions, rules=ctx.ws.settings.supervise)
        if r["id"] == task_id
    ]
    status = indicator_status(ctx.ws, t, lambda region, p: pages.analysis(ctx, region, p))
    return {
        **row,
        "steps": st.steps_of(ctx.engine, task_id),
        "problems": st.problems_of(ctx.engine, task_id=task_id),
        "indicator_status": status,
    }


@router.get("/tasks/{task_id}", summary="一个督办事项：流程记录、问题、指标现状")
def task_one(ctx: Ctx, user: SvUser, task_id: int) -> dict:
    return _task_view(ctx, user, task_id)


@router.post("/tasks/{task_id}/reports", summary="按期报送进展（责任单位）", status_code=201)
def task_report(request: Request, ctx: Ctx, user: SvUser, task_id: int, body: TaskReportIn) -> dict:
    st.visible_task(ctx.store, ctx.regions, user, task_id)
    return st.report_task(
        ctx.store,
        ctx.regions,
        task_id,
        body.text,
        actor=user,
        ip=client_ip(request),
        rules=ctx.ws.settings.supervise,
    )


@router.post("/tasks/{task_id}/transition", summary="流程下一步（非法步骤返回 409 及原因）")
def task_transition(
    request: Request, ctx: Ctx, user: SvUser, task_id: int, body: TransitionIn
) -> dict:
    st.visible_task(ctx.store, ctx.regions, user, task_id)
    return st.transition(
        ctx.store,
        ctx.regions,
        task_id,
        body.to,
        actor=user,
        text=body.text,
        due=body.due,
        ip=client_ip(request),
        rules=ctx.ws.settings.supervise,
    )


@router.post("/problems", summary="登记问题（责任单位或督查室）", status_code=201)
def problem_add(request: Request, ctx: Ctx, user: SvUser, body: ProblemIn) -> dict:
    if body.task_id is not None:
        st.visible_task(ctx.store, ctx.regions, user, body.task_id)
    if body.project_id is not None:
        sp.visible_project(ctx.store, ctx.regions, user, body.project_id)
    pid = st.add_problem(
        ctx.store,
        ctx.regions,
        text=body.text,
        unit=body.unit,
        task_id=body.task_id,
        project_id=body.project_id,
        actor=user,
        ip=client_ip(request),
    )
    return {"id": pid}


@router.post("/problems/{problem_id}/close", summary="办结一个问题")
def problem_close(request: Request, ctx: Ctx, user: SvUser, problem_id: int, body: CloseIn) -> dict:
    st.close_problem(
        ctx.store, ctx.regions, problem_id, note=body.note, actor=user, ip=client_ip(request)
    )
    return {"id": problem_id, "closed": True}


@router.get("/scores", summary="单位季度考核得分与排名（本单位只见本单位）")
def scores(ctx: Ctx, user: SvUser, year: int | None = None, quarter: int | None = None) -> list:
    today = date.today()
    y = year or today.year
    q = quarter or (today.month - 1) // 3 + 1
    units = None if user.has("supervise") or "领导" in user.roles else {user.unit}
    return ss.unit_scores(ctx.engine, y, q, ctx.ws.settings.supervise, units=units)


@router.post("/scores/adjustments", summary="手工调整考核分（须写明理由，督查室）", status_code=201)
def score_adjust(request: Request, ctx: Ctx, user: Supervisor, body: AdjustIn) -> dict:
    aid = ss.add_adjustment(
        ctx.store, ctx.regions, **body.model_dump(), actor=user, ip=client_ip(request)
    )
    return {"id": aid}


@router.post("/inspections", summary="登记季度督查（督查室）", status_code=201)
def inspection_add(request: Request, ctx: Ctx, user: Supervisor, body: InspectionIn) -> dict:
    iid = ss.add_inspection(
        ctx.store, ctx.regions, **body.model_dump(), actor=user, ip=client_ip(request)
    )
    return {"id": iid}


@router.get("/inspections", summary="季度督查记录（本单位只见本单位）")
def inspection_list(ctx: Ctx, user: SvUser, year: int, quarter: int | None = None) -> list:
    rows = ss.inspections(ctx.engine, year, quarter)
    if not (user.has("supervise") or "领导" in user.roles):
        rows = [r for r in rows if r["unit"] == user.unit]
    return rows
