"""Rule ``sum_mismatch`` (warning): children's levels add up to the parent's.

Only for additive indicators and only when the file holds every child of the parent for that
indicator and period. GDP-like indicators (``additive = approx``: regional accounting is unified
at higher levels) get the wider ``approx_sum_tolerance_pct``.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label


def _additive(value: object) -> str:
    if value is True or value == "true":
        return "true"
    if value == "approx":
        return "approx"
    return "false"


def check(obs: pl.DataFrame, ctx: CheckContext) -> list[Finding]:
    rows = obs.filter(pl.col("level").is_not_null())
    levels: dict[tuple, dict] = {}
    by_parent: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows.iter_rows(named=True):
        levels[(row["region_code"], row["indicator"], row["period"])] = row
        parent = getattr(ctx.regions.get(row["region_code"]), "parent", None)
        if parent:
            by_parent[(parent, row["indicator"], row["period"])].append(row)
    findings: list[Finding] = []
    for (parent, indicator, period), children in by_parent.items():
        mode = _additive(getattr(ctx.indicator(indicator), "additive", False))
        parent_row = levels.get((parent, indicator, period))
        if mode == "false" or parent_row is None:
            continue
        expected = {r.code for r in ctx.regions.children(parent)}
        if not expected or {c["region_code"] for c in children} != expected:
            continue
        total = sum(c["level"] for c in children)
        level = parent_row["level"]
        tolerance = ctx.approx_sum_tolerance_pct if mode == "approx" else ctx.sum_tolerance_pct
        gap_pct = abs(total - level) / abs(level) * 100 if level else float("inf")
        if gap_pct <= tolerance:
            continue
        findings.append(
            Finding(
                "sum_mismatch",
                "warning",
                f"下级合计与上级不符：{label(ctx, parent_row)} 为 {level:g}，"
                f"{len(children)} 个下级合计 {total:g}，相差 {gap_pct:.1f}%",
                at(parent_row, "level_cell", level),
                hint=f"允许误差 {tolerance:g}%；核对各下级数据或上级总量",
                data={"parent_level": level, "children_sum": total, "gap_pct": round(gap_pct, 4)},
            )
        )
    return findings
