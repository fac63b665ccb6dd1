"""Rule ``implausible``: values outside their unit's possible range.

Errors: negative levels (unless the workspace allows them), growth below the plausible floor
(−100%: a level cannot fall below zero), rates outside 0-100%, ranks below 1. A growth above the
plausible ceiling (default +1000%) is only a warning: small bases do grow tenfold.
"""

from __future__ import annotations

import polars as pl

from xingshi.findings import Finding, Severity
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label


def check(obs: pl.DataFrame, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    rate_lo, rate_hi = ctx.plausible_rate_pct
    growth_lo, growth_hi = ctx.plausible_growth_pct
    for row in obs.iter_rows(named=True):
        ind = ctx.indicator(row["indicator"])
        kind = getattr(ind, "kind", "flow")
        level, growth = row["level"], row["growth_pct"]
        if level is not None and kind == "rate" and not rate_lo <= level <= rate_hi:
            why = f"比率应在 {rate_lo:g}-{rate_hi:g}% 之间"
            findings.append(_finding(ctx, row, "level_cell", level, why))
        elif level is not None and kind != "rate" and level < 0 and not ctx.allow_negative_levels:
            findings.append(_finding(ctx, row, "level_cell", level, "总量不应为负数"))
        if growth is not None and getattr(ind, "growth_rule", "") not in ("pp", "count"):
            if growth < growth_lo:
                why = f"增长率低于 {growth_lo:g}%（总量不可能小于零）"
                findings.append(_finding(ctx, row, "growth_cell", growth, why))
            elif growth > growth_hi:
                why = f"增长率高于 {growth_hi:g}%，请确认"
                findings.append(_finding(ctx, row, "growth_cell", growth, why, "warning"))
        if row["rank"] is not None and row["rank"] < 1:
            findings.append(_finding(ctx, row, "rank_cell", row["rank"], "位次应从 1 开始"))
    return findings


def _finding(
    ctx: CheckContext, row: dict, cell: str, value: float, why: str, severity: Severity = "error"
) -> Finding:
    return Finding(
        "implausible",
        severity,
        f"数值不合理：{label(ctx, row)} 为 {value:g}，{why}",
        at(row, cell, value),
        hint="检查是否填错列、漏了小数点或正负号",
    )
