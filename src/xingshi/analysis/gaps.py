"""Gaps in percentage points, shares of the parent and contributions (拉动, 贡献率).

全省平均 / 全州平均 is the parent region's own figure, never the mean of its children: the gap
to the parent is this growth minus the parent's published (or computed) growth, in pp. A child
is behind its parent when that gap points the wrong way for the indicator.
拉动 = component growth × the component's share of the aggregate a year earlier (pp);
贡献率 = 拉动 / aggregate growth × 100 (%).
"""

from __future__ import annotations

import polars as pl


def add_gaps(panel: pl.DataFrame) -> pl.DataFrame:
    """Add parent figures, gap_to_parent_pp, behind_parent, gap_to_prev_pp, share_of_parent_pct
    and, on each parent row, n_children_below."""
    parent = panel.select(
        pl.col("region_code").alias("parent_code"),
        "indicator",
        pl.col("growth_pct").alias("parent_growth_pct"),
        pl.col("value").alias("parent_value"),
    )
    out = panel.join(parent, on=["parent_code", "indicator"], how="left").with_columns(
        (pl.col("growth_pct") - pl.col("parent_growth_pct")).alias("gap_to_parent_pp"),
        (pl.col("growth_pct") - pl.col("growth_pct_prev")).alias("gap_to_prev_pp"),
        pl.when(pl.col("kind") != "rate")
        .then(pl.col("value") / pl.col("parent_value") * 100.0)
        .otherwise(None)
        .alias("share_of_parent_pct"),
    )
    out = out.with_columns(
        ((pl.col("gap_to_parent_pp") * pl.col("dir")).round(6) < 0).alias("behind_parent")
    )
    # counted on every row that has children (0 when none is behind), null on leaves
    kids = (
        out.drop_nulls("parent_code")
        .group_by("parent_code", "indicator")
        .agg(pl.col("behind_parent").sum().cast(pl.Int32).alias("n_children_below"))
        .rename({"parent_code": "region_code"})
    )
    return out.join(kids, on=["region_code", "indicator"], how="left")


def contributions(panel: pl.DataFrame, indicators: pl.DataFrame) -> pl.DataFrame:
    """拉动 and 贡献率 of every component named in the catalogue, per region.

    Columns: region_code, indicator (the aggregate), component, growth_pct (component's),
    share_ly_pct, pull_pp, contribution_pct."""
    schema = {
        "region_code": pl.String,
        "indicator": pl.String,
        "component": pl.String,
        "growth_pct": pl.Float64,
        "share_ly_pct": pl.Float64,
        "pull_pp": pl.Float64,
        "contribution_pct": pl.Float64,
    }
    if "components" not in indicators.columns:
        return pl.DataFrame(schema=schema)
    pairs = (
        indicators.select(pl.col("code").alias("indicator"), pl.col("components"))
        .explode("components")
        .drop_nulls("components")
        .rename({"components": "component"})
    )
    if pairs.height == 0:
        return pl.DataFrame(schema=schema)
    agg = panel.select(
        "region_code",
        "indicator",
        pl.col("growth_pct").alias("agg_growth"),
        pl.col("value_ly").alias("agg_ly"),
    )
    comp = panel.select(
        "region_code",
        pl.col("indicator").alias("component"),
        "growth_pct",
        pl.col("value_ly").alias("comp_ly"),
    )
    out = (
        agg.join(pairs, on="indicator", how="inner")
        .join(comp, on=["region_code", "component"], how="inner")
        .with_columns((pl.col("comp_ly") / pl.col("agg_ly") * 100.0).alias("share_ly_pct"))
        .with_columns((pl.col("growth_pct") * pl.col("share_ly_pct") / 100.0).alias("pull_pp"))
        .with_columns(
            pl.when(pl.col("agg_growth") != 0)
            .then(pl.col("pull_pp") / pl.col("agg_growth") * 100.0)
            .otherwise(None)
            .alias("contribution_pct")
        )
    )
    return out.select(list(schema)).sort("region_code", "indicator", "component")
