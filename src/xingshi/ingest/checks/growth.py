"""Rule ``growth_mismatch`` (warning): a published growth rate disagrees with the levels.

Where this period and the same period last year both have levels (in the file, else in the
store), the computed growth should be within ``growth_tolerance_pp`` of the published one. A
warning only: published rates use comparable scope (口径). Never for comparable-price indicators.
"""

from __future__ import annotations

import polars as pl

from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label


def _computed(rule: str, level: float, base: float) -> float | None:
    if rule in ("pp", "count"):
        return level - base
    if base == 0:
        return None
    return (level / base - 1.0) * 100.0


def check(obs: pl.DataFrame, ctx: CheckContext) -> list[Finding]:
    candidates = obs.filter(pl.col("growth_pct").is_not_null() & pl.col("level").is_not_null())
    if candidates.is_empty():
        return []
    base: dict[tuple, float] = {}
    stored = ctx.stored(candidates)
    if stored is not None and not stored.is_empty():
        for row in stored.filter(pl.col("level").is_not_null()).iter_rows(named=True):
            base[
                (
                    row["region_code"],
                    row["indicator"],
                    row["year"],
                    row["first_month"],
                    row["last_month"],
                )
            ] = row["level"]
    for row in obs.filter(pl.col("level").is_not_null()).iter_rows(named=True):
        base[
            (
                row["region_code"],
                row["indicator"],
                row["year"],
                row["first_month"],
                row["last_month"],
            )
        ] = row["level"]
    findings: list[Finding] = []
    for row in candidates.iter_rows(named=True):
        rule = getattr(ctx.indicator(row["indicator"]), "growth_rule", "comparable")
        if rule == "comparable":
            continue
        key = (
            row["region_code"],
            row["indicator"],
            row["year"] - 1,
            row["first_month"],
            row["last_month"],
        )
        if key not in base:
            continue
        computed = _computed(rule, row["level"], base[key])
        if computed is None:
            continue
        gap = abs(computed - row["growth_pct"])
        if gap <= ctx.growth_tolerance_pp:
            continue
        findings.append(
            Finding(
                "growth_mismatch",
                "warning",
                f"增长率与总量不符：{label(ctx, row)} 填报增长 {row['growth_pct']:g}，"
                f"按上年同期 {base[key]:g} 计算为 {computed:.1f}，相差 {gap:.1f} 个百分点",
                at(row, "growth_cell", row["growth_pct"]),
                hint="口径调整可能造成差异；如非口径原因请核对总量或增速",
                data={
                    "computed": round(computed, 4),
                    "published": row["growth_pct"],
                    "base": base[key],
                },
            )
        )
    return findings
