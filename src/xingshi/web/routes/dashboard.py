"""形势看板: `/` goes to the user's own region's latest period; `/dashboard?region=&period=`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from xingshi.errors import PermissionDenied
from xingshi.jobs import parse_as_of
from xingshi.web import pages
from xingshi.web.access import Ctx, Viewer
from xingshi.web.views import TREND_DEFAULT, build_dashboard, chart_payload

router = APIRouter(tags=["看板"])


@router.get("/", summary="首页：本地区最新时期的看板")
def home(ctx: Ctx, user: Viewer) -> Response:
    code = user.home_region()
    if code is None:
        raise PermissionDenied("您还没有任何地区的查看权限", hint="请管理员为您分配角色和地区")
    period = pages.latest_period(ctx, code)
    target = f"/dashboard?region={code}" + (f"&period={period}" if period else "")
    return RedirectResponse(target, status_code=303)


@router.get("/dashboard", summary="形势看板")
def dashboard(
    request: Request,
    ctx: Ctx,
    user: Viewer,
    region: str | None = None,
    period: str | None = None,
    indicator: str | None = None,
    as_of: str | None = None,
) -> Response:
    code = ctx.regions.resolve(region).code if region else user.home_region()
    if code is None:
        raise PermissionDenied("您还没有任何地区的查看权限", hint="请管理员为您分配角色和地区")
    period = period or pages.latest_period(ctx, code, as_of=as_of)
    if period is None:
        return pages.render(
            request, "dashboard_empty.html.j2", user=user, region_code=code, as_of=as_of
        )
    analysis = pages.analysis(ctx, code, period, as_of)
    year = int(analysis.period[:4])
    trend_obs = pages.observations(
        ctx,
        regions=[analysis.region_code],
        indicators=list(TREND_DEFAULT),
        years=[year - 1, year],
        as_of=parse_as_of(as_of),
    )
    ind = ctx.indicators.resolve(indicator).code if indicator else None
    d = build_dashboard(analysis, trend_obs, user, ctx.ws, map_indicator=ind)
    return pages.render(
        request,
        "dashboard.html.j2",
        user=user,
        d=d,
        charts=chart_payload(d),
        as_of=as_of,
        region_code=d.region_code,
        period_label=d.period_label,
    )
