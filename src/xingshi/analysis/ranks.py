"""Ranks among peers: by growth (default) or level, ties sharing the rank (1, 2, 2, 4).

Peers are the regions with the same ``rank_scope`` (the parent by default, so the 14 市州 of
湖南省 or the 8 县市 of 湘西州). Direction follows ``higher_is_better``. Values are rounded to
``rank_decimals`` first, as published figures are, so float noise (107.7 − 100) never splits a
tie. Rates are ranked by their own value by default (``add_ranks(rates_by=...)``), since a change in
points is not what a speech ranks. ``rank_change`` is the previous period's rank minus this one:
positive means moved up.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl


def rank_expr(value: str, scope: str = "rank_scope", decimals: int = 1) -> pl.Expr:
    """Competition rank ("min") of ``value`` within ``scope`` and indicator, best first.

    A region alone among its peers (nobody else reports the figure) has no rank: "第一" of one
    would be a false claim in a speech."""
    key = pl.col(value).round(decimals) * pl.col("dir")
    rank = key.rank("min", descending=True).over(scope, "indicator").cast(pl.Int32)
    alone = pl.col(value).count().over(scope, "indicator") < 2
    return pl.when(alone).then(None).otherwise(rank)


def add_ranks(
    panel: pl.DataFrame, basis: str = "growth", decimals: int = 1, rates_by: str = "level"
) -> pl.DataFrame:
    """Add rank, rank_of, rank_prev, rank_ly, rank_change, rank_change_yoy, rank_basis.

    ``panel`` needs ``rank_scope`` (peer group id) and ``dir`` (+1 / −1). Rates (kind
    ``rate``: 空气质量优良率居全省第二) are ranked by their own value when ``rates_by`` is
    ``level`` (the default), whatever ``basis``: a change in points is not what is ranked."""
    by_level = pl.lit(basis == "level")
    if "kind" in panel.columns and rates_by == "level":
        by_level = by_level | (pl.col("kind") == "rate").fill_null(False)
    pairs = (("_rk", "value", "growth_pct"), ("_rk_prev", "value_prev", "growth_pct_prev"))
    pairs += (("_rk_ly", "value_ly", "growth_pct_ly"),)
    out = panel.with_columns(
        pl.when(by_level).then(pl.col(lv)).otherwise(pl.col(gr)).alias(name)
        for name, lv, gr in pairs
    )
    out = out.with_columns(
        rank_expr("_rk", decimals=decimals).alias("rank"),
        pl.col("_rk").count().over("rank_scope", "indicator").cast(pl.Int32).alias("rank_of"),
        rank_expr("_rk_prev", decimals=decimals).alias("rank_prev"),
        rank_expr("_rk_ly", decimals=decimals).alias("rank_ly"),
        pl.when(by_level).then(pl.lit("level")).otherwise(pl.lit("growth")).alias("rank_basis"),
    ).drop("_rk", "_rk_prev", "_rk_ly")
    return out.with_columns(
        pl.when(pl.col("rank_scope").is_null()).then(None).otherwise(pl.col(c)).alias(c)
        for c in ("rank", "rank_prev", "rank_ly", "rank_of")
    ).with_columns(
        (pl.col("rank_prev") - pl.col("rank")).alias("rank_change"),
        (pl.col("rank_ly") - pl.col("rank")).alias("rank_change_yoy"),
    )


def competition_ranks(
    values: Sequence[float | None], higher_is_better: bool = True
) -> list[int | None]:
    """Plain-Python reference: rank = 1 + number of values strictly better; None stays None,
    and a value with no peer beside it has no rank."""
    present = [v for v in values if v is not None]
    out: list[int | None] = []
    for v in values:
        if v is None or len(present) < 2:
            out.append(None)
        elif higher_is_better:
            out.append(1 + sum(1 for w in present if w > v))
        else:
            out.append(1 + sum(1 for w in present if w < v))
    return out
