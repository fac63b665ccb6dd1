"""Ranks among peers: by growth (default) or level, ties sharing the rank (1, 2, 2, 4).

Peers are the regions with the same ``rank_scope`` (the parent by default, so the 14 市州 of
湖南省 or the 8 县市 of 湘西州). Direction follows ``higher_is_better``. Values are rounded to
``rank_decimals`` first, as published figures are, so float noise (107.7 − 100) never splits a
tie. ``rank_change`` is the previous period's rank minus this one: positive means moved up.
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


def add_ranks(panel: pl.DataFrame, basis: str = "growth", decimals: int = 1) -> pl.DataFrame:
    """Add rank, rank_of, rank_prev, rank_ly, rank_change, rank_change_yoy, rank_basis.

    ``panel`` needs ``rank_scope`` (peer group id) and ``dir`` (+1 / −1)."""
    if basis == "level":
        cur, prev, ly = "value", "value_prev", "value_ly"
    else:
        cur, prev, ly = "growth_pct", "growth_pct_prev", "growth_pct_ly"
    out = panel.with_columns(
        rank_expr(cur, decimals=decimals).alias("rank"),
        pl.col(cur).count().over("rank_scope", "indicator").cast(pl.Int32).alias("rank_of"),
        rank_expr(prev, decimals=decimals).alias("rank_prev"),
        rank_expr(ly, decimals=decimals).alias("rank_ly"),
        pl.lit(basis).alias("rank_basis"),
    )
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
