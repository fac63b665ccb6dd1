"""Growth rates: published where present, computed from levels only where the rule allows.

Rules (``growth_rule`` of the indicator, DOMAIN.md):

- ``comparable`` (GDP, 规模工业增加值): at comparable prices; published only, never computed
  from nominal levels.
- ``nominal``: (this level / last year's level − 1) × 100; the published figure wins when present
  because it uses comparable scope (口径).
- ``count``: computed like ``nominal``; the change in count (家) is in ``change``.
- ``pp``: a rate's change in percentage points (this rate − last year's rate).

A computed rate is flagged ``growth_computed``. Growth of 1.5倍 is +150.0 as stored.
The single-period value of a cumulative flow is this cumulative minus the previous one
(1-6月 − 1-5月); the first period of the year (1-2月 for ``monthly``) is its own single value.
Two-year average growth is sqrt((1 + g_this)(1 + g_last)) − 1 from the published rates.
"""

from __future__ import annotations

import polars as pl

COMPUTABLE = ("nominal", "count", "pp")


def computed_growth(level: str, level_ly: str) -> pl.Expr:
    """Growth from two levels by the indicator's rule; null where the rule forbids it."""
    rule = pl.col("growth_rule")
    lv, base = pl.col(level), pl.col(level_ly)
    ratio = (lv / base - 1.0) * 100.0
    return (
        pl.when(rule.is_in(["nominal", "count"]) & (base > 0))
        .then(ratio)
        .when(rule == "pp")
        .then(lv - base)
        .otherwise(None)
    )


def effective_growth(pub: str, level: str, level_ly: str) -> pl.Expr:
    return pl.coalesce(pl.col(pub), computed_growth(level, level_ly))


def add_growth(panel: pl.DataFrame) -> pl.DataFrame:
    """Add growth_pct, growth_computed, growth_pct_prev, growth_pct_ly, change, single-period
    value and growth, and the two-year average."""
    flow = pl.col("kind") == "flow"
    first = pl.col("first_period").fill_null(False)
    single = pl.when(first).then(pl.col("value")).otherwise(pl.col("value") - pl.col("value_prev"))
    single_ly = (
        pl.when(first)
        .then(pl.col("value_ly"))
        .otherwise(pl.col("value_ly") - pl.col("value_prev_ly"))
    )
    out = panel.with_columns(
        effective_growth("growth_pub", "value", "value_ly").alias("growth_pct"),
        (pl.col("growth_pub").is_null() & computed_growth("value", "value_ly").is_not_null()).alias(
            "growth_computed"
        ),
        effective_growth("growth_pub_prev", "value_prev", "value_prev_ly").alias("growth_pct_prev"),
        effective_growth("growth_pub_ly", "value_ly", "value_ly2").alias("growth_pct_ly"),
        (pl.col("value") - pl.col("value_ly")).alias("change"),
        pl.when(flow).then(single).otherwise(None).alias("single_value"),
        pl.when(flow).then(single_ly).otherwise(None).alias("_single_ly"),
        (
            ((1.0 + pl.col("growth_pub") / 100.0) * (1.0 + pl.col("growth_pub_ly") / 100.0)).sqrt()
            * 100.0
            - 100.0
        ).alias("_two_year"),
    )
    single_growth = (
        pl.when(first & pl.col("growth_rule").is_in(["nominal", "count", "comparable"]))
        .then(pl.col("growth_pct"))
        .when(pl.col("growth_rule").is_in(["nominal", "count"]) & (pl.col("_single_ly") > 0))
        .then((pl.col("single_value") / pl.col("_single_ly") - 1.0) * 100.0)
        .otherwise(None)
    )
    return out.with_columns(
        pl.when(flow).then(single_growth).otherwise(None).alias("single_growth_pct"),
        pl.when(pl.col("growth_rule").is_in(["nominal", "comparable"]))
        .then(pl.col("_two_year"))
        .otherwise(None)
        .alias("two_year_avg_pct"),
    ).drop("_single_ly", "_two_year")


def single_values(cumulative: list[float | None], first_is_own: bool = True) -> list[float | None]:
    """Single-period values from a year's cumulative series in order (1-2月, 1-3月, … for
    ``monthly``): the first is its own value, each next one the difference with its predecessor."""
    out: list[float | None] = []
    prev: float | None = None
    for i, c in enumerate(cumulative):
        if i == 0:
            out.append(c if first_is_own else None)
        else:
            out.append(None if c is None or prev is None else c - prev)
        prev = c
    return out
