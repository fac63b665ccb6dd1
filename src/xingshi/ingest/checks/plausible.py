"""Rule ``implausible``: values outside their unit's possible range.

Errors: negative levels (unless the workspace allows them), growth below the plausible floor
(−100%: a level cannot fall below zero), rates outside 0-100%, ranks below 1. A growth above the
plausible ceiling (default +1000%) is only a warning: small bases do grow tenfold. Levels
beyond ``plausible_level_max`` (1e308 is a shifted column or garbage, not a figure), values that
are not finite, and years outside ``plausible_years`` (9999) are errors.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import polars as pl

from xingshi.errors import Location
from xingshi.findings import Finding, Severity
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label


def check(obs: pl.DataFrame, ctx: CheckContext) -> Iterator[Finding]:
    # Yielded one by one: run_checks keeps the first few and counts the rest.
    rate_lo, rate_hi = ctx.plausible_rate_pct
    growth_lo, growth_hi = ctx.plausible_growth_pct
    year_lo, year_hi = ctx.plausible_years
    for row in obs.iter_rows(named=True):
        ind = ctx.indicator(row["indicator"])
        kind = getattr(ind, "kind", "flow")
        level, growth = row["level"], row["growth_pct"]
        if not year_lo <= row["year"] <= year_hi:
            yield (
                Finding(
                    "implausible",
                    "error",
                    f"年份不合理：{row['year']} 年不在合理范围 {year_lo}-{year_hi} 年内",
                    at(row, None, row["year"]),
                    hint="检查时期是否填错；确需导入时调整 xingshi.toml 的"
                    " [checks] plausible_years",
                )
            )
            continue
        bad = [(c, v) for c, v in (("level_cell", level), ("growth_cell", growth)) if _huge(v, ctx)]
        if bad:
            for cell, value in bad:
                why = f"数量级不合理（绝对值超过 {ctx.plausible_level_max:g}）"
                yield _finding(ctx, row, cell, value, why)
            continue
        if level is not None and kind == "rate" and not rate_lo <= level <= rate_hi:
            why = f"比率应在 {rate_lo:g}-{rate_hi:g}% 之间"
            yield _finding(ctx, row, "level_cell", level, why)
        elif level is not None and kind != "rate" and level < 0 and not ctx.allow_negative_levels:
            yield _finding(ctx, row, "level_cell", level, "总量不应为负数")
        if growth is not None and getattr(ind, "growth_rule", "") not in ("pp", "count"):
            if growth < growth_lo:
                why = f"增长率低于 {growth_lo:g}%（总量不可能小于零）"
                yield _finding(ctx, row, "growth_cell", growth, why)
            elif growth > growth_hi:
                why = f"增长率高于 {growth_hi:g}%，请确认"
                yield _finding(ctx, row, "growth_cell", growth, why, "warning")
        for rank in ("rank", "level_rank"):
            if row[rank] is not None and row[rank] < 1:
                yield _finding(ctx, row, f"{rank}_cell", row[rank], "位次应从 1 开始")


def _huge(value: float | None, ctx: CheckContext) -> bool:
    return value is not None and (not math.isfinite(value) or abs(value) > ctx.plausible_level_max)


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


def check_targets(targets: pl.DataFrame, ctx: CheckContext) -> Iterator[Finding]:
    """Targets: a year outside ``plausible_years`` or a value beyond the magnitude bound."""
    year_lo, year_hi = ctx.plausible_years
    for row in targets.iter_rows(named=True):
        where = Location(
            file=row.get("source_file"),
            sheet=row.get("source_sheet"),
            row=_cell_row(row.get("source_cell")),
            value=row["value"],
        )
        if not year_lo <= row["year"] <= year_hi:
            yield Finding(
                "implausible",
                "error",
                f"年度不合理：{row['year']} 年不在合理范围 {year_lo}-{year_hi} 年内",
                where,
                hint="检查年度是否填错；确需导入时调整 xingshi.toml 的 [checks] plausible_years",
            )
        elif _huge(row["value"], ctx):
            yield Finding(
                "implausible",
                "error",
                f"目标值不合理：{row['value']:g}，数量级不合理"
                f"（绝对值超过 {ctx.plausible_level_max:g}）",
                where,
                hint="检查是否填错列、漏了小数点或正负号",
            )


def _cell_row(ref: str | None) -> int | None:
    digits = "".join(ch for ch in ref or "" if ch.isdigit())
    return int(digits) if digits else None
