"""督查督办 pages: overview, key projects, supervised tasks and their chain, red indicators that
open tasks, unit scores, ledger upload and downloads. Thin: every rule lives in the library.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from xingshi.catalog.periods import parse_period
from xingshi.errors import ImportRejected, InputError
from xingshi.supervise import projects as sp
from xingshi.supervise import scores as ss
from xingshi.supervise import tasks as st
from xingshi.supervise.findings import indicator_status, lagging, task_from_finding
from xingshi.supervise.summary import follow_up_lines, summarize
from xingshi.web import jobs, pages
from xingshi.web.access import Ctx, client_ip
from xingshi.web.routes.imports import save_upload
from xingshi.web.supervise_access import Supervisor, SvUser

router = APIRouter(tags=["督查督办"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _region(ctx: Any, user: Any, region: str | None) -> str:
    return ctx.regions.resolve(region).code if region else (user.home_region() or "")


def _year_month(ctx: Any, code: str, period: str | None) -> tuple[int, int, str]:
    """The period asked for; else the newest month projects reported; else the figures'."""
    if not period:
        latest = sp.latest_report_month(ctx.engine)
        if latest:
            y, m = latest
            period = f"{y}年1-{m}月" if m > 1 else f"{y}年1月"
        else:
            today = date.today()
            period = pages.latest_period(ctx, code) or f"{today.year}年1-{today.month}月"
    p = parse_period(period)
    return p.year, p.last_month, p.label


def _back(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


@router.get("/supervise", summary="督查督办总览")
def overview(
    request: Request, ctx: Ctx, user: SvUser, region: str | None = None, period: str | None = None
) -> Response:
    code = _region(ctx, user, region)
    year, month, label = _year_month(ctx, code, period)
    rules = ctx.ws.settings.supervise
    s = summarize(
        ctx.store, ctx.regions, region=code, year=year, month=month, principal=user, rules=rules
    )
    rows = sp.list_projects(
        ctx.store, ctx.regions, principal=user, region=code, year=year, month=month, rules=rules
    )
    return pages.render(
        request,
        "sv_overview.html.j2",
        user=user,
        region_code=code,
        period_label=label,
        s=s,
        lines=follow_up_lines(s),
        rollups={
            "地区": sp.rollup(rows, "region"),
            "类别": sp.rollup(rows, "category"),
            "包联领导": sp.rollup(rows, "leader"),
        },
        keys={"地区": "region", "类别": "category", "包联领导": "leader"},
    )


@router.get("/supervise/projects", summary="重点项目")
def project_list(
    request: Request, ctx: Ctx, user: SvUser, region: str | None = None, period: str | None = None
) -> Response:
    code = _region(ctx, user, region)
    year, month, label = _year_month(ctx, code, period)
    rows = sp.list_projects(
        ctx.store,
        ctx.regions,
        principal=user,
        region=code,
        year=year,
        month=month,
        rules=ctx.ws.settings.supervise,
    )
    return pages.render(
        request,
        "sv_projects.html.j2",
        user=user,
        region_code=code,
        period_label=label,
        projects=rows,
    )


@router.get("/supervise/projects/{project_id}", summary="重点项目详情")
def project_page(request: Request, ctx: Ctx, user: SvUser, project_id: int) -> Response:
    p = sp.visible_project(ctx.store, ctx.regions, user, project_id)
    [row] = [
        r
        for r in sp.list_projects(
            ctx.store, ctx.regions, year=p["year"], rules=ctx.ws.settings.supervise
        )
        if r["id"] == project_id
    ]
    from xingshi.supervise import scope

    owner = scope.owns(user, lead_unit=p["lead_unit"], co_units=[], region_code=p["region_code"])
    return pages.render(
        request,
        "sv_project.html.j2",
        user=user,
        region_code=p["region_code"],
        p=row,
        reports=sp.reports_of(ctx.engine, [project_id]),
        problems=st.problems_of(ctx.engine, project_id=project_id),
        owner=owner,
    )


@router.post("/supervise/projects/{project_id}/reports", summary="报送项目月度进展")
def project_report(
    request: Request,
    ctx: Ctx,
    user: SvUser,
    project_id: int,
    month: Annotated[str, Form()] = "",
    completed_month: Annotated[str, Form()] = "",
    completed_cum: Annotated[str, Form()] = "",
    progress: Annotated[str, Form()] = "",
    problems: Annotated[str, Form()] = "",
) -> Response:
    if not month:
        raise InputError("请选择报送月份", hint="填写月份、当月和累计完成投资")
    p = sp.visible_project(ctx.store, ctx.regions, user, project_id)
    sp.report_project(
        ctx.store,
        ctx.regions,
        project_id,
        {
            "year": p["year"],
            "month": month,
            "completed_month": completed_month,
            "completed_cum": completed_cum,
            "progress": progress,
            "problems": problems,
        },
        actor=user,
        ip=client_ip(request),
    )
    return _back(f"/supervise/projects/{project_id}")


@router.get("/supervise/tasks", summary="督办事项")
def task_list(request: Request, ctx: Ctx, user: SvUser, region: str | None = None) -> Response:
    code = _region(ctx, user, region)
    rows = st.list_tasks(
        ctx.store, ctx.regions, principal=user, region=code, rules=ctx.ws.settings.supervise
    )
    return pages.render(
        request,
        "sv_tasks.html.j2",
        user=user,
        region_code=code,
        tasks=rows,
        cadences=("按月调度", "按季督查", "一次性"),
        sources=("会议议定", "领导批示", "年度重点任务", "其他"),
    )


@router.post("/supervise/tasks", summary="立项交办")
def task_add(
    request: Request,
    ctx: Ctx,
    user: Supervisor,
    title: Annotated[str, Form()] = "",
    lead_unit: Annotated[str, Form()] = "",
    co_units: Annotated[str, Form()] = "",
    due: Annotated[str, Form()] = "",
    cadence: Annotated[str, Form()] = "按月调度",
    source: Annotated[str, Form()] = "其他",
    region: Annotated[str, Form()] = "",
) -> Response:
    tid = st.open_task(
        ctx.store,
        ctx.regions,
        {
            "title": title,
            "lead_unit": lead_unit,
            "co_units": co_units,
            "due": due,
            "cadence": cadence,
            "source": source,
            "region": region or user.home_region(),
        },
        actor=user,
        ip=client_ip(request),
    )
    return _back(f"/supervise/tasks/{tid}")


def _allowed_steps(user: Any, ctx: Any, t: dict) -> list[str]:
    from xingshi.supervise import scope

    owner = scope.owns(
        user, lead_unit=t["lead_unit"], co_units=t["co_units"], region_code=t["region_code"]
    )
    sup = user.has("supervise") and user.can_region(ctx.regions, t["region_code"], "supervise")
    return [
        name
        for name, s in st.STEPS.items()
        if t["status"] in s.sources
        and name != "报送进展"
        and ((s.by == "owner" and owner) or (s.by == "supervisor" and sup))
    ]


@router.get("/supervise/tasks/{task_id}", summary="督办事项详情与流程")
def task_page(request: Request, ctx: Ctx, user: SvUser, task_id: int) -> Response:
    t = st.visible_task(ctx.store, ctx.regions, user, task_id)
    [row] = [
        r
        for r in st.list_tasks(ctx.store, ctx.regions, rules=ctx.ws.settings.supervise)
        if r["id"] == task_id
    ]
    status = indicator_status(ctx.ws, t, lambda region, p: pages.analysis(ctx, region, p))
    from xingshi.supervise import scope

    owner = scope.owns(
        user, lead_unit=t["lead_unit"], co_units=t["co_units"], region_code=t["region_code"]
    )
    return pages.render(
        request,
        "sv_task.html.j2",
        user=user,
        region_code=t["region_code"],
        t=row,
        steps=st.steps_of(ctx.engine, task_id),
        problems=st.problems_of(ctx.engine, task_id=task_id),
        status=status,
        actions=_allowed_steps(user, ctx, row),
        can_report=owner and row["status"] in st.STEPS["报送进展"].sources,
        can_problem=owner or user.has("supervise"),
        owner=owner,
    )


@router.post("/supervise/tasks/{task_id}/step", summary="流程下一步")
def task_step(
    request: Request,
    ctx: Ctx,
    user: SvUser,
    task_id: int,
    step: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    due: Annotated[str, Form()] = "",
) -> Response:
    if step not in st.STEPS:
        raise InputError(f"没有“{step}”这一步", hint="请用页面上的按钮操作")
    st.visible_task(ctx.store, ctx.regions, user, task_id)
    st.transition(
        ctx.store,
        ctx.regions,
        task_id,
        step,
        actor=user,
        text=text,
        due=due or None,
        ip=client_ip(request),
        rules=ctx.ws.settings.supervise,
    )
    return _back(f"/supervise/tasks/{task_id}")


@router.post("/supervise/tasks/{task_id}/problems", summary="登记问题")
def task_problem(
    request: Request, ctx: Ctx, user: SvUser, task_id: int, text: Annotated[str, Form()] = ""
) -> Response:
    if not text.strip():
        raise InputError("请写明问题", hint="一条问题一行登记")
    st.visible_task(ctx.store, ctx.regions, user, task_id)
    st.add_problem(
        ctx.store, ctx.regions, text=text, task_id=task_id, actor=user, ip=client_ip(request)
    )
    return _back(f"/supervise/tasks/{task_id}")


@router.post("/supervise/problems/{problem_id}/close", summary="办结问题")
def problem_close(
    request: Request,
    ctx: Ctx,
    user: SvUser,
    problem_id: int,
    note: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "/supervise/tasks",
) -> Response:
    st.close_problem(
        ctx.store, ctx.regions, problem_id, note=note, actor=user, ip=client_ip(request)
    )
    return _back(back if back.startswith("/supervise/") else "/supervise/tasks")


@router.get("/supervise/indicators", summary="红灯、黄灯指标（可生成督办事项）")
def indicators(
    request: Request, ctx: Ctx, user: SvUser, region: str | None = None, period: str | None = None
) -> Response:
    code = _region(ctx, user, region)
    label = period or pages.latest_period(ctx, code)
    rows = lagging(pages.analysis(ctx, code, label)) if label else []
    units = dict(ctx.ws.settings.supervise.indicator_units)
    for r in rows:
        r["unit"] = units.get(r["indicator"])
    return pages.render(
        request,
        "sv_indicators.html.j2",
        user=user,
        region_code=code,
        period_label=label,
        rows=rows,
        can_open=user.can_region(ctx.regions, code, "supervise"),
    )


@router.post("/supervise/from-finding", summary="由红灯指标生成督办事项")
def from_finding(
    request: Request,
    ctx: Ctx,
    user: Supervisor,
    region: Annotated[str, Form()] = "",
    indicator: Annotated[str, Form()] = "",
    period: Annotated[str, Form()] = "",
) -> Response:
    if not (region and indicator and period):
        raise InputError("缺少地区、指标或时期", hint="请从红灯指标页面操作")
    tid = task_from_finding(
        ctx.ws,
        region,
        indicator,
        period,
        actor=user,
        ip=client_ip(request),
        analysis=pages.analysis(ctx, region, period),
    )
    return _back(f"/supervise/tasks/{tid}")


@router.get("/supervise/scores", summary="单位季度考核排名")
def scores(
    request: Request, ctx: Ctx, user: SvUser, year: int | None = None, quarter: int | None = None
) -> Response:
    today = date.today()
    y, q = year or today.year, quarter or (today.month - 1) // 3 + 1
    units = None if user.has("supervise") or "领导" in user.roles else {user.unit}
    rows = ss.unit_scores(ctx.engine, y, q, ctx.ws.settings.supervise, units=units)
    checks = [i for i in ss.inspections(ctx.engine, y, q) if units is None or i["unit"] in units]
    return pages.render(
        request,
        "sv_scores.html.j2",
        inspections=checks,
        ratings=ss.RATINGS,
        user=user,
        rows=rows,
        year=y,
        quarter=q,
        rules=ctx.ws.settings.supervise,
    )


@router.post("/supervise/scores/adjust", summary="手工调整考核分")
def score_adjust(
    request: Request,
    ctx: Ctx,
    user: Supervisor,
    year: Annotated[str, Form()] = "",
    quarter: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
    points: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    ss.add_adjustment(
        ctx.store,
        ctx.regions,
        year=year,
        quarter=quarter,
        unit=unit,
        points=points,
        reason=reason,
        actor=user,
        ip=client_ip(request),
    )
    return _back(f"/supervise/scores?year={year}&quarter={quarter}")


@router.post("/supervise/inspections", summary="登记季度督查")
def inspection_add(
    request: Request,
    ctx: Ctx,
    user: Supervisor,
    year: Annotated[str, Form()] = "",
    quarter: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
    finding: Annotated[str, Form()] = "",
    rating: Annotated[str, Form()] = "",
) -> Response:
    ss.add_inspection(
        ctx.store,
        ctx.regions,
        year=year,
        quarter=quarter,
        unit=unit,
        finding=finding,
        rating=rating,
        actor=user,
        ip=client_ip(request),
    )
    return _back(f"/supervise/scores?year={year}&quarter={quarter}")


@router.get("/supervise/ledger", summary="台账导入导出")
def ledger_page(request: Request, user: Supervisor) -> Response:
    return pages.render(request, "sv_ledger.html.j2", user=user, result=None, findings=[])


@router.post("/supervise/ledger", summary="上传并导入台账")
def ledger_upload(
    request: Request, ctx: Ctx, user: Supervisor, file: Annotated[UploadFile, File()]
) -> Response:
    from xingshi.supervise.ledger import import_ledger

    path = save_upload(ctx, file, (".xlsx", ".xlsm"), "ledgers")
    try:
        result = import_ledger(ctx.store, ctx.regions, path, actor=user, ip=client_ip(request))
    except ImportRejected as exc:
        return pages.render(
            request,
            "sv_ledger.html.j2",
            user=user,
            result=None,
            error=exc.message,
            findings=exc.findings,
            status_code=422,
        )
    return pages.render(request, "sv_ledger.html.j2", user=user, result=result, findings=[])


@router.get("/supervise/ledger/export.xlsx", summary="导出台账（本人可见范围）")
def ledger_export(ctx: Ctx, user: SvUser) -> Response:
    from xingshi.supervise.ledger_export import export_ledger

    folder = ctx.work_dir / "ledgers" / jobs.secrets.token_hex(8)
    path = export_ledger(ctx.store, ctx.regions, folder / "督查台账.xlsx", principal=user)
    return _file(path, XLSX)


@router.get("/supervise/notice.docx", summary="下载督查通报（Word）")
def notice(
    ctx: Ctx, user: Supervisor, region: str | None = None, period: str | None = None
) -> Response:
    from xingshi.supervise.notice import write_notice

    code = _region(ctx, user, region)
    year, month, _label = _year_month(ctx, code, period)
    folder = ctx.work_dir / "ledgers" / jobs.secrets.token_hex(8)
    path = write_notice(
        ctx.store,
        ctx.regions,
        folder / "督查通报.docx",
        region=code,
        year=year,
        month=month,
        rules=ctx.ws.settings.supervise,
        principal=user,
        office=user.unit,
    )
    return _file(path, DOCX)


def _file(path: Path, media: str) -> Response:
    resp = FileResponse(path, media_type=media)
    resp.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(path.name)}"
    return resp
