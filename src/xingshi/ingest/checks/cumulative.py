"""Rule ``cumulative_decrease``: a cumulative flow never falls from one month to a later one.

1-6月 must be at least 1-5月 of the same year. Within one file a fall is an error. Against the
latest release the store holds for the earlier months it is a warning: the stored figure may be
a preliminary one that this (revised) file supersedes, or come from another source (a revised
earlier month in this file wins over the stored one).
"""

from __future__ import annotations

import polars as pl

from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label


def check(obs: pl.DataFrame, ctx: CheckContext) -> list[Finding]:
    flows = [
        code
        for code in obs["indicator"].unique().to_list()
        if getattr(ctx.indicator(code), "kind", None) == "flow"
    ]
    mine = obs.filter(
        pl.col("indicator").is_in(flows)
        & (pl.col("first_month") == 1)
        & pl.col("level").is_not_null()
    )
    if mine.is_empty():
        return []
    known: dict[tuple, tuple[float, str, dict | None]] = {}
    stored = ctx.stored(mine)
    if stored is not None and not stored.is_empty():
        for row in stored.filter(
            (pl.col("first_month") == 1) & pl.col("level").is_not_null()
        ).iter_rows(named=True):
            key = (row["region_code"], row["indicator"], row["year"], row["last_month"])
            known[key] = (row["level"], "库中已有", None)
    for row in mine.iter_rows(named=True):
        key = (row["region_code"], row["indicator"], row["year"], row["last_month"])
        known[key] = (row["level"], "本文件", row)
    findings: list[Finding] = []
    for row in mine.iter_rows(named=True):
        # The nearest earlier month is enough: each step is checked in turn.
        earlier = [
            (m, known[(row["region_code"], row["indicator"], row["year"], m)])
            for m in range(row["last_month"] - 1, 0, -1)
            if (row["region_code"], row["indicator"], row["year"], m) in known
        ]
        if not earlier:
            continue
        month, (level, origin, _src) = earlier[0]
        if row["level"] + 1e-9 < level:
            in_file = origin == "本文件"
            hint = (
                "累计数只增不减：检查是否填成了当月数，或前期数据需先修订"
                if in_file
                else "库中前期数可能是未经修订的初步数或另一来源；"
                "如本文件无误，请一并导入修订后的前期数"
            )
            findings.append(
                Finding(
                    "cumulative_decrease",
                    "error" if in_file else "warning",
                    f"累计值下降：{label(ctx, row)} 为 {row['level']:g}，"
                    f"低于{origin}的1-{month}月累计 {level:g}",
                    at(row, "level_cell", row["level"]),
                    hint=hint,
                    data={"earlier_month": month, "earlier_level": level, "origin": origin},
                )
            )
    return findings
