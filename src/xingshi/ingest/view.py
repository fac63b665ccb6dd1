"""A first look at stored figures: a region's own indicators and its children's growth table.

Behind ``xingshi show``; the demo and reports reuse :func:`region_view` for the same frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

RECORD_COLUMNS = (
    "region_code",
    "region",
    "indicator",
    "indicator_name",
    "period",
    "level",
    "unit",
    "growth_pct",
    "rank",
    "level_rank",
    "release_id",
    "source",
)


@dataclass
class RegionView:
    """What ``show`` prints: the region, the period label and three frames."""

    region_code: str
    region_name: str
    period_label: str
    records: pl.DataFrame  # RECORD_COLUMNS, the region's rows first, then its children's
    own: pl.DataFrame  # 名称, 绝对值, 单位, 增长%, 位次 (总量位次 if any) of the region itself
    children: pl.DataFrame  # rows = children, columns = indicator names, values = growth %


def display_name(region: Any) -> str:
    """吉首市 and 湖南省 as they are; long official names by their short form (湘西州)."""
    return region.name if len(region.name) <= 4 or not region.short else region.short


def _source(row: dict[str, Any]) -> str | None:
    if not row.get("source_file"):
        return None
    cell = row.get("level_cell") or row.get("growth_cell") or row.get("rank_cell")
    cell = cell or row.get("level_rank_cell")
    sheet = f"[{row['source_sheet']}]" if row.get("source_sheet") else ""
    return f"{row['source_file']}{sheet}" + (f"!{cell}" if cell else "")


def region_view(
    store: Any,
    regions: Any,
    indicators: Any,
    *,
    region: str,
    period: str,
    as_of: int | None = None,
) -> RegionView:
    """The region's figures and its children's for one period, as of a release (latest if None)."""
    from xingshi.catalog.periods import parse_period

    target = regions.resolve(region)
    p = parse_period(period)
    children = regions.children(target.code)
    codes = [target.code, *(c.code for c in children)]
    obs = store.observations(regions=codes, periods=[p.key], as_of=as_of)
    order = {code: i for i, code in enumerate(indicators.frame()["code"].to_list())}
    names = {code: indicators.get(code).name for code in obs["indicator"].unique().to_list()}
    region_names = {r.code: display_name(r) for r in (target, *children)}
    rows = []
    for row in obs.iter_rows(named=True):
        rows.append(
            {
                "region_code": row["region_code"],
                "region": region_names.get(row["region_code"], row["region_code"]),
                "indicator": row["indicator"],
                "indicator_name": names[row["indicator"]],
                "period": p.label,
                "level": row["level"],
                "unit": row["unit"],
                "growth_pct": row["growth_pct"],
                "rank": row["rank"],
                "level_rank": row["level_rank"],
                "release_id": row["release_id"],
                "source": _source(row),
                "_r": codes.index(row["region_code"]),
                "_i": order.get(row["indicator"], len(order)),
            }
        )
    schema = {
        "region_code": pl.String,
        "region": pl.String,
        "indicator": pl.String,
        "indicator_name": pl.String,
        "period": pl.String,
        "level": pl.Float64,
        "unit": pl.String,
        "growth_pct": pl.Float64,
        "rank": pl.Int32,
        "level_rank": pl.Int32,
        "release_id": pl.Int64,
        "source": pl.String,
        "_r": pl.Int64,
        "_i": pl.Int64,
    }
    records = pl.DataFrame(rows, schema=schema, orient="row").sort("_r", "_i")
    own = records.filter(pl.col("region_code") == target.code).select(
        pl.col("indicator_name").alias("名称"),
        pl.col("level").alias("绝对值"),
        pl.col("unit").alias("单位"),
        pl.col("growth_pct").alias("增长%"),
        pl.col("rank").alias("位次"),
        pl.col("level_rank").alias("总量位次"),
    )
    if own["总量位次"].is_null().all():
        own = own.drop("总量位次")  # most tables rank growth only: no empty column
    kids = records.filter(pl.col("region_code") != target.code)
    columns = kids.select("indicator_name", "_i").unique().sort("_i")["indicator_name"].to_list()
    table_rows = []
    for child in children:
        mine = kids.filter(pl.col("region_code") == child.code)
        if mine.is_empty():
            continue
        growth = dict(zip(mine["indicator_name"], mine["growth_pct"], strict=True))
        table_rows.append({"地区": region_names[child.code], **{c: growth.get(c) for c in columns}})
    child_schema = {"地区": pl.String, **{c: pl.Float64 for c in columns}}
    child_table = pl.DataFrame(table_rows, schema=child_schema, orient="row")
    return RegionView(
        region_code=target.code,
        region_name=display_name(target),
        period_label=p.label,
        records=records.drop("_r", "_i"),
        own=own,
        children=child_table,
    )
