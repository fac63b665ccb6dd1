"""填报 pages: rounds, a unit's form (htmx per-field checks, Excel template download and
upload), the reviewer's overview (late in red, cross-unit checks, approve / return / 催报),
publishing, and the reminders list (the bell). Pages call xingshi.collect, as the API does."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from xingshi import collect
from xingshi.collect.excel import template_workbook, upload_values
from xingshi.errors import FileFormatError, ImportRejected, PermissionDenied, XingshiError
from xingshi.web import pages
from xingshi.web.access import Ctx, User, client_ip
from xingshi.web.api.collect import Publisher, Reporter, Reviewer
from xingshi.web.context import UPLOAD_SUFFIXES

try:  # the upload helper lives in xingshi.web.uploads on newer web branches
    from xingshi.web.uploads import save_upload
except ImportError:
    from xingshi.web.routes.imports import save_upload

router = APIRouter(tags=["填报"])


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


def _by_field(view: dict[str, Any], found: list[Any]) -> tuple[dict[str, list], list]:
    """Findings by input name (level__code / growth__code) and the rest."""
    rows = {f["row"]: f["indicator"] for f in view["values"]}
    out: dict[str, list] = {}
    rest = []
    for f in found:
        row, fld = collect.field_of(f)
        if row in rows and fld:
            key = ("level__" if fld == "level" else "growth__") + rows[row]
            out.setdefault(key, []).append(f)
        else:
            rest.append(f)
    return out, rest


def _require_report(view: dict[str, Any]) -> None:
    if not view["can_report"]:
        raise PermissionDenied(f"无权填报“{view['region']}”", hint="只能填报本单位（本部门）的数据")


def _form_values(form: Any, view: dict[str, Any]) -> list[dict[str, Any]]:
    values = []
    for f in view["values"]:
        code = f["indicator"]
        item: dict[str, Any] = {"indicator": code}
        if f"level__{code}" in form:
            item["level"] = form.get(f"level__{code}") or None
        if f"growth__{code}" in form:
            item["growth_pct"] = form.get(f"growth__{code}") or None
        if len(item) == 1:
            continue  # neither input was sent: the field is not part of this save
        raw = form.get(f"version__{code}")
        item["version"] = int(raw) if raw not in (None, "") else None
        values.append(item)
    return values


def _fill_page(
    request: Request,
    user: Any,
    view: dict[str, Any],
    *,
    found: list | None = None,
    message: str | None = None,
    conflicts: list | None = None,
    typed: dict | None = None,
    status_code: int = 200,
) -> Response:
    by_field, rest = _by_field(view, found or [])
    return pages.render(
        request,
        "collect_fill.html.j2",
        user=user,
        view=view,
        by_field=by_field,
        other_findings=rest,
        message=message,
        conflicts=conflicts or [],
        typed=typed or {},
        can_report=view["can_report"],
        status_code=status_code,
    )


@router.get("/rounds", summary="填报轮次")
def rounds_page(request: Request, ctx: Ctx, user: User) -> Response:
    return pages.render(
        request,
        "collect_rounds.html.j2",
        user=user,
        rounds=collect.list_rounds(ctx.ws, user),
        templates=collect.templates(ctx.ws) if user.has("review") else [],
        reminders=collect.reminders_for(ctx.ws, user)[:20],
        unread=collect.unread_count(ctx.ws, user),
    )


@router.post("/rounds", summary="开一轮填报")
def open_round(
    request: Request,
    ctx: Ctx,
    user: Reviewer,
    period: Annotated[str, Form()] = "",
    indicators: Annotated[str, Form()] = "",
    parent: Annotated[str, Form()] = "",
    departments: Annotated[str, Form()] = "",
    due: Annotated[str, Form()] = "",
    template: Annotated[str, Form()] = "",
    save_template: Annotated[str, Form()] = "",
) -> Response:
    names = [n.strip() for n in indicators.replace("，", ",").replace("、", ",").split(",")]
    st = collect.open_round(
        ctx.ws,
        user,
        period=period.strip() or None,
        items=[n for n in names if n] or None,
        parent=parent.strip() or None,
        departments=[line.strip() for line in departments.splitlines() if line.strip()] or None,
        due=due.strip() or None,
        template=template.strip() or None,
        save_template=save_template.strip() or None,
        ip=client_ip(request),
    )
    return _see_other(f"/rounds/{st['id']}")


@router.get("/rounds/{round_id}", summary="一轮填报的进度（审核员总览）")
def round_page(request: Request, ctx: Ctx, user: User, round_id: int) -> Response:
    st = collect.round_status(ctx.ws, round_id, user)
    checks = []
    if (
        user.has("review")
        and st["parent_region"]
        and user.can_region(ctx.regions, st["parent_region"], "review")
    ):
        checks = collect.cross_checks(ctx.ws, round_id, user)
    return pages.render(
        request,
        "collect_round.html.j2",
        user=user,
        st=st,
        checks=checks,
        region_code=st["parent_region"],
        published=request.query_params.get("published"),
    )


@router.get("/rounds/{round_id}/fill/{region}", summary="一个单位的填报表")
def fill_page(request: Request, ctx: Ctx, user: User, round_id: int, region: str) -> Response:
    view = collect.assignment_view(ctx.ws, user, round_id, region)
    return _fill_page(request, user, view, message=request.query_params.get("msg"))


@router.post("/rounds/{round_id}/fill/{region}/check", summary="逐项审核（htmx）")
async def fill_check(
    request: Request, ctx: Ctx, user: Reporter, round_id: int, region: str
) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()

    def work() -> Response:
        view = collect.assignment_view(ctx.ws, user, round_id, region)
        _require_report(view)
        found = collect.check_values(ctx.ws, round_id, region, _form_values(form, view))
        by_field, rest = _by_field(view, found)
        return pages.render(
            request,
            "_collect_checks.html.j2",
            user=user,
            view=view,
            by_field=by_field,
            other_findings=rest,
        )

    return await run_in_threadpool(work)


@router.post("/rounds/{round_id}/fill/{region}", summary="保存或提交")
async def fill_save(
    request: Request, ctx: Ctx, user: Reporter, round_id: int, region: str
) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()

    def work() -> Response:
        view = collect.assignment_view(ctx.ws, user, round_id, region)
        values = _form_values(form, view)
        typed = {k: v for k, v in form.items() if k.startswith(("level__", "growth__")) and v != ""}
        ip = client_ip(request)
        try:
            collect.save_values(ctx.ws, user, round_id, region, values, ip=ip)
            if form.get("action") == "submit":
                collect.submit(
                    ctx.ws,
                    user,
                    round_id,
                    region,
                    explanation=str(form.get("explanation") or ""),
                    ip=ip,
                )
                msg = "已提交"
            else:
                msg = "已保存草稿"
        except collect.StaleSave as exc:
            fresh = collect.assignment_view(ctx.ws, user, round_id, region)
            return _fill_page(
                request, user, fresh, message=exc.message, conflicts=exc.conflicts,
                status_code=409,
            )  # fmt: skip
        except ImportRejected as exc:
            fresh = collect.assignment_view(ctx.ws, user, round_id, region)
            return _fill_page(
                request, user, fresh, found=exc.findings, message=exc.message, typed=typed,
                status_code=422,
            )  # fmt: skip
        code = view["region_code"]
        return _see_other(f"/rounds/{round_id}/fill/{quote(code)}?msg={quote(msg)}")

    return await run_in_threadpool(work)


@router.get("/rounds/{round_id}/fill/{region}/template.xlsx", summary="下载 Excel 填报模板")
def fill_template(ctx: Ctx, user: User, round_id: int, region: str) -> Response:
    name, data = template_workbook(ctx.ws, user, round_id, region)
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


@router.post("/rounds/{round_id}/fill/{region}/upload", summary="上传填好的 Excel 模板")
def fill_upload(
    request: Request,
    ctx: Ctx,
    user: Reporter,
    round_id: int,
    region: str,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    view = collect.assignment_view(ctx.ws, user, round_id, region)
    _require_report(view)
    if file is None:
        raise FileFormatError("没有选择文件", hint="选择填好的 Excel 模板后再上传")
    path = save_upload(ctx, file, UPLOAD_SUFFIXES, "collect")
    try:
        upload_values(ctx.ws, user, round_id, region, path, ip=client_ip(request))
    except collect.StaleSave as exc:
        return _fill_page(
            request, user, view, message=exc.message, conflicts=exc.conflicts, status_code=409
        )
    except ImportRejected as exc:
        return _fill_page(
            request, user, view, found=exc.findings, message=exc.message, status_code=422
        )
    code = view["region_code"]
    msg = quote(f"已读入 {path.name}，保存为草稿")
    return _see_other(f"/rounds/{round_id}/fill/{quote(code)}?msg={msg}")


@router.post("/rounds/{round_id}/review/{region}", summary="审核通过或退回")
def review(
    request: Request,
    ctx: Ctx,
    user: Reviewer,
    round_id: int,
    region: str,
    action: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    ip = client_ip(request)
    if action == "approve":
        collect.approve(ctx.ws, user, round_id, region, ip=ip)
    elif action == "return":
        collect.return_assignment(ctx.ws, user, round_id, region, reason, ip=ip)
    elif action == "remind":
        collect.nudge(ctx.ws, user, round_id, region, ip=ip)
    else:
        raise XingshiError("未知的操作", hint="请用页面上的按钮")
    return _see_other(f"/rounds/{round_id}")


@router.post("/rounds/{round_id}/publish", summary="发布本轮数据")
def publish(request: Request, ctx: Ctx, user: Publisher, round_id: int) -> Response:
    out = collect.publish(ctx.ws, user, round_id, ip=client_ip(request))
    return _see_other(f"/rounds/{round_id}?published={out['release_id']}")


@router.get("/reminders", summary="我的提醒")
def reminders_page(request: Request, ctx: Ctx, user: User) -> Response:
    return pages.render(
        request,
        "collect_reminders.html.j2",
        user=user,
        reminders=collect.reminders_for(ctx.ws, user),
    )


@router.post("/reminders/{reminder_id}/read", summary="标为已读")
def reminder_read(ctx: Ctx, user: User, reminder_id: int) -> Response:
    collect.mark_read(ctx.ws, user, reminder_id)
    return _see_other("/reminders")
