"""Rule ``duplicate``: one value per region, indicator and period within a file."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext
from xingshi.ingest.checks._where import at, label

_KEY = ("region_code", "indicator", "period")
_VALUES = ("level", "growth_pct", "rank", "level_rank")


def check(obs: pl.DataFrame, ctx: CheckContext) -> Iterator[Finding]:
    # Yielded one by one: run_checks keeps the first few and counts the rest.
    first: dict[tuple, dict] = {}
    for row in obs.iter_rows(named=True):
        key = tuple(row[k] for k in _KEY)
        earlier = first.get(key)
        if earlier is None:
            first[key] = row
            continue
        same = all(row[v] == earlier[v] for v in _VALUES)
        what = "数值相同" if same else "数值不同"
        yield (
            Finding(
                "duplicate",
                "error",
                f"重复数据（{what}）：{label(ctx, row)} 已在第{earlier['src_row']}行出现",
                at(row),
                hint="同一地区、指标、时期在一个文件中只能有一行；删除重复行",
                data={"first_row": earlier["src_row"]},
            )
        )
