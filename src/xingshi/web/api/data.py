"""Data API: regions, indicators, observations, analysis, releases, findings (within scope).

Names, short names or codes are accepted wherever a region or indicator is asked for, as on
the command line. Errors are JSON with the Chinese message and hint (see xingshi.web.errors).
"""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi import APIRouter

from xingshi.jobs import parse_as_of, resolve_period
from xingshi.web import pages, views
from xingshi.web.access import Ctx, User, Viewer
from xingshi.web.errors import finding_dict

router = APIRouter(prefix="/api/v1", tags=["数据 API"])


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (None if isinstance(v, float) and (math.isnan(v) or math.isinf(v)) else v)
        for k, v in row.items()
    }


@router.get("/me", summary="当前用户、单位和权限范围")
def me(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "unit": user.unit,
        "unit_kind": user.unit_kind,
        "grants": [{"role": r, "region_code": c} for r, c in user.grants],
    }


@router.get("/regions", summary="权限范围内的地区")
def regions(ctx: Ctx, user: User) -> list[dict[str, Any]]:
    rc = ctx.regions
    return [
        {"code": r.code, "name": r.name, "short": r.short, "level": r.level, "parent": r.parent}
        for r in (rc.get(c) for c in sorted(user.visible(rc)))
    ]


@router.get("/indicators", summary="指标目录")
def indicators(ctx: Ctx, _user: User) -> list[dict[str, Any]]:
    return [_clean(r) for r in ctx.indicators.frame().to_dicts()]


@router.get("/observations", summary="一个地区的数据（可按时期、指标、版本）")
def observations(
    ctx: Ctx,
    _user: Viewer,
    region: str,
    period: str | None = None,
    indicator: str | None = None,
    as_of: str | None = None,
) -> list[dict[str, Any]]:
    code = ctx.regions.resolve(region).code
    periods = None
    if period:
        p, _ = resolve_period(ctx.ws, code, period, as_of=as_of)
        periods = [p]
    inds = [ctx.indicators.resolve(indicator).code] if indicator else None
    frame = ctx.store.observations(
        regions=[code], indicators=inds, periods=periods, as_of=parse_as_of(as_of)
    )
    names = {r["code"]: r["name"] for r in ctx.indicators.frame().select("code", "name").to_dicts()}
    out = []
    for r in frame.iter_rows(named=True):
        r = _clean(r)
        r["indicator_name"] = names.get(r["indicator"])
        out.append(r)
    return out


@router.get("/analysis", summary="一个地区一个时期的分析（位次、差距、目标、红黄绿灯、预警）")
def analysis(
    ctx: Ctx, user: Viewer, region: str, period: str, as_of: str | None = None
) -> dict[str, Any]:
    a = pages.analysis(ctx, ctx.regions.resolve(region).code, period, as_of)
    rows = views.visible_rows(a.table, user, ctx.regions)
    return {
        "region_code": a.region_code,
        "period": a.period,
        "period_label": a.period_label,
        "rows": [_clean(r) for r in rows.to_dicts()],
        "findings": [
            {**finding_dict(f), "data": _clean(f.data)}
            for f in views.scoped_findings(a, user, ctx.regions)
        ],
    }


@router.get("/releases", summary="数据版本（导入历史）")
def releases(ctx: Ctx, _user: User) -> list[dict[str, Any]]:
    return pages.release_list(ctx)


@router.get("/findings", summary="导入时记录的审核警告（权限范围内）")
def findings(ctx: Ctx, user: User, release_id: int | None = None) -> list[dict[str, Any]]:
    rows = views.release_findings(ctx.store.findings(release_id), user, ctx.regions)
    for r in rows:
        r["data"] = json.loads(r["data"] or "{}")
    return rows
