"""填报 API: rounds, assignments (GET/PUT with per-field versions), submit, return, approve,
publish, 催报 and reminders. Routes call xingshi.collect; every rule is declared here.

Region names, short names or codes are accepted; a department's assignment is named by the
department (州商务局) or its key (unit:<id>). A stale version answers 409 with both values
(`error.conflicts`), failed checks 422 with the findings (`error.findings`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from xingshi import collect
from xingshi.access import Principal
from xingshi.web.access import AccessRule, Ctx, User, client_ip
from xingshi.web.errors import error_body, finding_dict

router = APIRouter(prefix="/api/v1", tags=["填报 API"])

Reporter = Annotated[Principal, Depends(AccessRule("report"))]
Reviewer = Annotated[Principal, Depends(AccessRule("review"))]
Publisher = Annotated[Principal, Depends(AccessRule("publish"))]


class ItemIn(BaseModel):
    indicator: str
    level: bool = True
    growth: bool = True
    required: bool = True
    unit: str | None = None


class DepartmentIn(BaseModel):
    name: str = Field(..., description="部门，如 州商务局")
    indicators: list[str] = Field(..., description="该部门报送的指标（须在表单中）")


class RoundIn(BaseModel):
    period: str | None = Field(None, description="时期，如 2021年1-7月（用模板时可省略）")
    indicators: list[str | ItemIn] = Field(default_factory=list, description="要填报的指标")
    units: list[str] = Field(default_factory=list, description="填报单位（地区）")
    parent: str | None = Field(None, description="上级地区：其全部下级都要填报")
    departments: list[DepartmentIn | str] = Field(
        default_factory=list,
        description="部门及其指标：只填报自己的指标，数据计入部门所在地区（如 州商务局→湘西州）",
    )
    due: str | None = Field(None, description="报送期限：2021-08-10 或 月后10日")
    title: str | None = None
    template: str | None = Field(None, description="用已保存的模板开轮次")
    save_template: str | None = Field(None, description="把本轮表单存为模板")


class ValueIn(BaseModel):
    indicator: str
    level: float | str | None = None
    growth_pct: float | str | None = None
    version: int | None = Field(None, description="保存所基于的版本（新字段为 0）")


class ValuesIn(BaseModel):
    values: list[ValueIn]


class SubmitIn(BaseModel):
    explanation: str | None = Field(None, description="情况说明（有警告时必填）")


class ReturnIn(BaseModel):
    reason: str = Field(..., description="退回原因")


class NudgeIn(BaseModel):
    note: str | None = None


def _findings(out: dict[str, Any]) -> dict[str, Any]:
    if "warnings" in out:
        out["warnings"] = [finding_dict(f) for f in out["warnings"]]
    return out


def stale_response(exc: collect.StaleSave) -> JSONResponse:
    body = error_body(exc)
    body["error"]["conflicts"] = exc.conflicts
    return JSONResponse(body, status_code=409)


@router.post("/rounds", summary="开一轮填报", status_code=201)
def open_round(request: Request, ctx: Ctx, user: Reviewer, body: RoundIn) -> dict[str, Any]:
    items = [i if isinstance(i, str) else i.model_dump() for i in body.indicators]
    return collect.open_round(
        ctx.ws,
        user,
        period=body.period,
        items=items or None,
        units=body.units or None,
        parent=body.parent,
        departments=[d if isinstance(d, str) else d.model_dump() for d in body.departments] or None,
        due=body.due,
        title=body.title,
        template=body.template,
        save_template=body.save_template,
        ip=client_ip(request),
    )


@router.get("/rounds", summary="权限范围内的填报轮次")
def rounds(ctx: Ctx, user: User) -> list[dict[str, Any]]:
    return collect.list_rounds(ctx.ws, user)


@router.get("/rounds/{round_id}", summary="一轮填报：各单位的状态")
def round_status(ctx: Ctx, user: User, round_id: int) -> dict[str, Any]:
    return collect.round_status(ctx.ws, round_id, user)


@router.get("/rounds/{round_id}/checks", summary="跨单位审核：下级合计与上级")
def round_checks(ctx: Ctx, user: Reviewer, round_id: int) -> list[dict[str, Any]]:
    return [finding_dict(f) for f in collect.cross_checks(ctx.ws, round_id, user)]


@router.get("/rounds/{round_id}/assignments/{region}", summary="一个单位的填报表")
def assignment(ctx: Ctx, user: User, round_id: int, region: str) -> dict[str, Any]:
    return collect.assignment_view(ctx.ws, user, round_id, region)


@router.get("/rounds/{round_id}/assignments/{region}/history", summary="各字段的修改历史")
def history(ctx: Ctx, user: User, round_id: int, region: str) -> list[dict[str, Any]]:
    return collect.value_history(ctx.ws, user, round_id, region)


@router.put("/rounds/{round_id}/assignments/{region}", summary="保存填报数值（草稿）")
def save(
    request: Request, ctx: Ctx, user: Reporter, round_id: int, region: str, body: ValuesIn
) -> Any:
    values = [v.model_dump(exclude_unset=True) for v in body.values]
    try:
        out = collect.save_values(ctx.ws, user, round_id, region, values, ip=client_ip(request))
    except collect.StaleSave as exc:
        return stale_response(exc)
    return _findings(out)


@router.post("/rounds/{round_id}/assignments/{region}/submit", summary="提交（报送）")
def submit(
    request: Request,
    ctx: Ctx,
    user: Reporter,
    round_id: int,
    region: str,
    body: Annotated[SubmitIn | None, Body()] = None,
) -> dict[str, Any]:
    explanation = body.explanation if body else None
    out = collect.submit(
        ctx.ws, user, round_id, region, explanation=explanation, ip=client_ip(request)
    )
    return _findings(out)


@router.post("/rounds/{round_id}/assignments/{region}/return", summary="退回（写明原因）")
def return_(
    request: Request, ctx: Ctx, user: Reviewer, round_id: int, region: str, body: ReturnIn
) -> dict[str, Any]:
    return collect.return_assignment(
        ctx.ws, user, round_id, region, body.reason, ip=client_ip(request)
    )


@router.post("/rounds/{round_id}/assignments/{region}/approve", summary="审核通过")
def approve(
    request: Request, ctx: Ctx, user: Reviewer, round_id: int, region: str
) -> dict[str, Any]:
    return collect.approve(ctx.ws, user, round_id, region, ip=client_ip(request))


@router.post("/rounds/{round_id}/assignments/{region}/remind", summary="催报一个单位")
def remind(
    request: Request,
    ctx: Ctx,
    user: Reviewer,
    round_id: int,
    region: str,
    body: Annotated[NudgeIn | None, Body()] = None,
) -> dict[str, Any]:
    note = body.note if body else None
    return collect.nudge(ctx.ws, user, round_id, region, note=note, ip=client_ip(request))


@router.post("/rounds/{round_id}/publish", summary="发布为一个数据版本")
def publish(request: Request, ctx: Ctx, user: Publisher, round_id: int) -> dict[str, Any]:
    return _findings(collect.publish(ctx.ws, user, round_id, ip=client_ip(request)))


@router.get("/reminders", summary="本单位的提醒")
def reminders(ctx: Ctx, user: User) -> list[dict[str, Any]]:
    return collect.reminders_for(ctx.ws, user)
