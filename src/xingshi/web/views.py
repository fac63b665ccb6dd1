"""What the pages show, built from library results and cut to the user's scope.

Pure functions over the analysis and observation frames: the routes call the library
(`xingshi.jobs`, the store), then these to shape the page; no database access here.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from xingshi.access import Principal

# the trend charts and the map default to these, in this order, when the region has them
TREND_DEFAULT = ("gdp", "industry_va", "fixed_investment", "retail_sales")
GEO_DIRS = ("boundaries",)
SHIPPED_GEO = Path(__file__).parent / "static" / "geo"


def _clean(v: Any) -> Any:
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


@dataclass
class Dashboard:
    """The 形势看板 of one region and period, only with figures the user may see."""

    region_code: str
    region_name: str
    period: str
    period_label: str
    rows: list[dict[str, Any]]
    children: list[dict[str, Any]]
    matrix_indicators: list[dict[str, str]]
    matrix: list[dict[str, Any]]
    map_indicator: str | None
    map_data: list[dict[str, Any]]
    geo: dict[str, Any] | None
    geo_note: str | None
    trends: list[dict[str, Any]] = field(default_factory=list)


def visible_rows(table: pl.DataFrame, user: Principal, regions: Any) -> pl.DataFrame:
    """The analysis rows of regions in the user's scope."""
    return table.filter(pl.col("region_code").is_in(sorted(user.visible(regions))))


def build_dashboard(
    analysis: Any,
    trend_obs: pl.DataFrame,
    user: Principal,
    ws: Any,
    *,
    map_indicator: str | None = None,
) -> Dashboard:
    """Indicator table, children's matrix with lights, map data and trend series."""
    rc, ic = ws.regions, ws.indicators
    code = analysis.region_code
    table = visible_rows(analysis.table, user, rc)
    own = table.filter(pl.col("role") == "self")
    rows = [{k: _clean(v) for k, v in r.items()} for r in own.iter_rows(named=True)]
    kids = table.filter(pl.col("role") == "child")
    child_regions = [c for c in rc.children(code) if c.code in set(kids["region_code"].to_list())]
    order = [r["indicator"] for r in rows]
    matrix_inds = [
        {"code": i, "name": ic.get(i).name} for i in order if i in set(kids["indicator"].to_list())
    ]
    cells = {(r["region_code"], r["indicator"]): r for r in kids.iter_rows(named=True)}
    matrix = []
    for c in child_regions:
        matrix.append(
            {
                "code": c.code,
                "name": c.short or c.name,
                "cells": [
                    {
                        "growth": _clean(cells.get((c.code, i["code"]), {}).get("growth_pct")),
                        "rank": cells.get((c.code, i["code"]), {}).get("rank"),
                        "light": cells.get((c.code, i["code"]), {}).get("warning"),
                    }
                    for i in matrix_inds
                ],
            }
        )
    available = [i["code"] for i in matrix_inds]
    chosen = map_indicator if map_indicator in available else None
    chosen = chosen or next((i for i in TREND_DEFAULT if i in available), None)
    chosen = chosen or (available[0] if available else None)
    map_data = []
    if chosen:
        for c in child_regions:
            cell = cells.get((c.code, chosen), {})
            map_data.append(
                {
                    "name": c.name,
                    "short": c.short or c.name,
                    "value": _clean(cell.get("growth_pct")),
                    "light": cell.get("warning"),
                }
            )
    geo, note = load_geometry(ws.path, code, [c.name for c in child_regions])
    reg = rc.get(code)
    return Dashboard(
        region_code=code,
        region_name=reg.short or reg.name,
        period=analysis.period,
        period_label=analysis.period_label,
        rows=rows,
        children=[{"code": c.code, "name": c.short or c.name} for c in child_regions],
        matrix_indicators=matrix_inds,
        matrix=matrix,
        map_indicator=chosen,
        map_data=map_data,
        geo=geo,
        geo_note=note,
        trends=trend_series(trend_obs, code, analysis.period, ic),
    )


def trend_series(obs: pl.DataFrame, code: str, period_key: str, ic: Any) -> list[dict[str, Any]]:
    """Monthly cumulative growth this year against last year, for the default indicators."""
    year = int(period_key[:4])
    cum = obs.filter((pl.col("region_code") == code) & (pl.col("first_month") == 1))
    out = []
    for ind in TREND_DEFAULT:
        sub = cum.filter(pl.col("indicator") == ind)
        if sub.is_empty():
            continue
        months = list(range(1, 13))
        series = {}
        for y in (year - 1, year):
            by_m = {
                r["last_month"]: _clean(r["growth_pct"])
                for r in sub.filter(pl.col("year") == y).iter_rows(named=True)
            }
            series[str(y)] = [by_m.get(m) for m in months]
        if not any(v is not None for v in series[str(year)]):
            continue
        out.append(
            {
                "indicator": ind,
                "name": ic.get(ind).name,
                "months": [f"{m}月" for m in months],
                "series": series,
            }
        )
    return out


def load_geometry(
    workspace: Path, code: str, names: list[str]
) -> tuple[dict[str, Any] | None, str | None]:
    """The children's boundaries: the workspace's `boundaries/<code>.geojson`, else the shipped
    sketch (示意图), else None (the page draws a tile grid)."""
    candidates = [Path(workspace) / d / f"{code}.geojson" for d in GEO_DIRS]
    candidates.append(SHIPPED_GEO / f"{code}.json")
    for path in candidates:
        if not path.is_file():
            continue
        geo = json.loads(path.read_text(encoding="utf-8"))
        feats = {f.get("properties", {}).get("name") for f in geo.get("features", [])}
        if names and not set(names) & feats:
            continue
        note = geo.get("xingshi_note") or (
            None if path.parent.name != "geo" else "示意图，非标准地图"
        )
        return geo, note
    return None, None


def chart_payload(d: Dashboard) -> str:
    """The data the page's charts draw from, as JSON for a data block (no inline script)."""
    return json.dumps(
        {
            "region": d.region_name,
            "map": {"indicator": d.map_indicator, "data": d.map_data, "geo": d.geo},
            "trends": d.trends,
        },
        ensure_ascii=False,
    ).replace("<", "\\u003c")  # safe inside a <script type="application/json"> block


def release_findings(frame: pl.DataFrame, user: Principal, regions: Any) -> list[dict[str, Any]]:
    """A release's stored findings about regions in the user's scope (the region is in `data`)."""
    visible = user.visible(regions)
    out = []
    for r in frame.iter_rows(named=True):
        data = json.loads(r["data"] or "{}")
        codes = {data.get(k) for k in ("region_code", "parent_code", "region") if data.get(k)}
        codes = {c for c in codes if isinstance(c, str) and c[:1].isdigit()}
        if (codes and codes <= visible) or (not codes and user.has("review")):
            out.append(r)
    return out


def scoped_findings(
    analysis: Any,
    user: Principal,
    regions: Any,
    *,
    severity: str | None = None,
    rule: str | None = None,
    indicator: str | None = None,
) -> list[Any]:
    """The analysis's findings about regions in scope, filtered."""
    visible = user.visible(regions)
    out = []
    for f in analysis.findings:
        code = f.data.get("region_code")
        if code is not None and code not in visible:
            continue
        if severity and f.severity != severity:
            continue
        if rule and f.rule != rule:
            continue
        if indicator and f.data.get("indicator") != indicator:
            continue
        out.append(f)
    return out
