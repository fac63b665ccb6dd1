"""Rule ``rank_contradiction``: a published rank agrees with the peers' published figures.

Peers are the regions with the same parent. ``rank`` goes by growth (by value for rates and
counts, unless the header says 增速), ``level_rank`` (总量/规模位次) by level; higher first
unless the indicator is better low; equal values share a rank (1,2,2,4).
When the file holds only some peers the rank is still bounded: at least one more than the peers
above it, at most the number of peers minus those below it. A rank beyond the number of peers
means a wider group (all counties of the province): then only the lower bound is checked.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label


def check(obs: pl.DataFrame, ctx: CheckContext) -> list[Finding]:
    ranked = obs.filter(pl.col("rank").is_not_null() | pl.col("level_rank").is_not_null())
    if ranked.is_empty():
        return []
    by_level = ranked["level_rank"].is_not_null().any()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in obs.iter_rows(named=True):
        region = ctx.regions.get(row["region_code"])
        parent = getattr(region, "parent", None)
        basis = row["rank_basis"]
        if basis == "default":
            # Rates (优良率) and counts (企业数) are ranked by their value, the rest by growth.
            kind = getattr(ctx.indicator(row["indicator"]), "kind", "flow")
            basis = "level" if kind in ("rate", "count") else "growth"
        groups[(parent, row["indicator"], row["period"], basis, "rank")].append(row)
        if by_level:
            groups[(parent, row["indicator"], row["period"], "level", "level_rank")].append(row)
    findings: list[Finding] = []
    for (parent, indicator, _period, basis, rank), rows in groups.items():
        if not any(r[rank] is not None for r in rows):
            continue
        field = "level" if basis == "level" else "growth_pct"
        better_high = getattr(ctx.indicator(indicator), "higher_is_better", True)
        valued = [r for r in rows if r[field] is not None]
        total = len(ctx.regions.children(parent)) if parent else 0
        if total < len(valued) or any(r[rank] is not None and r[rank] > total for r in rows):
            # Ranked in a wider group (e.g. all counties of the province): only the lower
            # bound (one more than the peers above in this file) still holds.
            total = 10**9
        for row in rows:
            if row[rank] is None or row[field] is None:
                continue
            mine = row[field]
            above = sum(1 for r in valued if (r[field] > mine if better_high else r[field] < mine))
            below = sum(1 for r in valued if (r[field] < mine if better_high else r[field] > mine))
            low, high = above + 1, total - below
            if low <= row[rank] <= high:
                continue
            expected = (
                str(low) if low == high else (f"{low}-{high}" if total < 10**9 else f"{low}或之后")
            )
            what = "总量" if basis == "level" else "增速"
            findings.append(
                Finding(
                    "rank_contradiction",
                    "error",
                    f"位次与{what}矛盾：{label(ctx, row)} 填报第{row[rank]}位，"
                    f"按表中同级地区的{what}应为第{expected}位",
                    at(row, f"{rank}_cell", row[rank]),
                    hint="位次按同级地区的增速（表头注明“总量”时按总量）由高到低排列，并列同位次",
                    data={"published": row[rank], "expected_low": low, "expected_high": high},
                )
            )
    return findings
