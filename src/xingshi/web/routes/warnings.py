"""预警: the analysis's warning and lagging lists for a region and period, filterable."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from xingshi.web import pages, views
from xingshi.web.access import Ctx, Viewer

router = APIRouter(tags=["预警"])

RULE_NAMES = {
    "behind_time_progress": "落后时间进度",
    "rank_fell": "位次下降",
    "rank_fell_yoy": "位次同比下降",
    "behind_parent": "低于上级",
    "bottom_rank": "排名靠后",
    "negative_growth": "负增长",
}


@router.get("/warnings", summary="预警清单")
def warnings(
    request: Request,
    ctx: Ctx,
    user: Viewer,
    region: str | None = None,
    period: str | None = None,
    rule: str | None = None,
    indicator: str | None = None,
    as_of: str | None = None,
) -> Response:
    code = ctx.regions.resolve(region).code if region else user.home_region()
    period = period or pages.latest_period(ctx, code, as_of=as_of)
    if period is None:
        return pages.render(request, "dashboard_empty.html.j2", user=user, region_code=code)
    analysis = pages.analysis(ctx, code, period, as_of)
    ind = ctx.indicators.resolve(indicator).code if indicator else None
    every = views.scoped_findings(analysis, user, ctx.regions)
    found = views.scoped_findings(analysis, user, ctx.regions, rule=rule or None, indicator=ind)
    rules = sorted({f.rule for f in every})
    inds = sorted(
        {
            (f.data["indicator"], f.data.get("indicator_name") or f.data["indicator"])
            for f in every
            if f.data.get("indicator")
        }
    )
    return pages.render(
        request,
        "warnings.html.j2",
        user=user,
        region_code=code,
        period_label=analysis.period_label,
        findings=found,
        rules=[(r, RULE_NAMES.get(r, r)) for r in rules],
        indicators=inds,
        rule=rule,
        indicator=ind,
        as_of=as_of,
        rule_names=RULE_NAMES,
    )
