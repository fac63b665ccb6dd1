"""Targets against time: completion vs time progress, growth vs target, what the rest needs.

- Level and count targets (招商引资到位资金200亿元, 新增入规企业160家): completion_pct =
  cumulative actual / annual target × 100, held against time progress N/12 × 100
  (时间过半、任务过半: at least 50% at the end of June); completion_gap_pp is the difference.
- Growth targets (GDP增长8%): gap_to_target_pp = cumulative growth − target.
- The growth the remaining months need for an annual growth target g (DOMAIN.md):
  ((1 + g)·L − C) / (L − B) − 1, with L last year's full-year level, B last year's level for the
  same months and C this year's cumulative level. For comparable-price indicators C is taken as
  B·(1 + growth so far), i.e. at last year's prices, since nominal levels would mix in prices.
  front_loaded (前高后低) is set when the remaining months need more than the growth so far.

Direction (``higher_is_better = false``: 城镇调查失业率, 单位GDP能耗, 能源消费总量): a growth
target is then a cap or a required fall (下降3%, stored as −3), a level target a ceiling
(控制在…以内). gap_to_target_pp and completion_gap_pp keep their plain sign (actual − target,
completion − time progress); the warnings read them times ``dir``, so that being above a ceiling
or ahead of time progress on a cap is what is behind. front_loaded then means the remaining
months must fall further than so far. A rate's level target (优良率达到90%, 失业率5.5%以内) is
held against the rate itself: gap_to_target_pp = value − target in points, no completion.
"""

from __future__ import annotations

import polars as pl

from xingshi.analysis.periods import Triple, time_progress


def required_growth(g_pct: float, full_year_ly: float, same_months_ly: float, cum: float) -> float:
    """The growth (%) the remaining months need: ((1+g)·L − C)/(L − B) − 1, in %."""
    g = g_pct / 100.0
    return (((1.0 + g) * full_year_ly - cum) / (full_year_ly - same_months_ly) - 1.0) * 100.0


def target_columns(targets: pl.DataFrame | None, year: int) -> pl.DataFrame:
    """One row per region × indicator: target_growth_pct and target_level for ``year``."""
    schema = {
        "region_code": pl.String,
        "indicator": pl.String,
        "target_growth_pct": pl.Float64,
        "target_level": pl.Float64,
    }
    if targets is None or targets.height == 0:
        return pl.DataFrame(schema=schema)
    t = targets.filter(pl.col("year") == year)
    kind = pl.col("target_kind")
    return (
        t.group_by("region_code", "indicator")
        .agg(
            pl.col("value")
            .filter(kind == "growth")
            .first()
            .cast(pl.Float64)
            .alias("target_growth_pct"),
            pl.col("value")
            .filter(kind.is_in(["level", "count"]))
            .first()
            .cast(pl.Float64)
            .alias("target_level"),
        )
        .select(list(schema))
    )


def add_targets(panel: pl.DataFrame, targets: pl.DataFrame | None, current: Triple) -> pl.DataFrame:
    """Add target, target_kind, completion_pct, time_progress_pct, completion_gap_pp,
    gap_to_target_pp, required_growth_pct and front_loaded."""
    tp = time_progress(current)
    last_month = current[2]
    out = panel.join(
        target_columns(targets, current[0]), on=["region_code", "indicator"], how="left"
    ).with_columns(pl.lit(tp, pl.Float64).alias("time_progress_pct"))
    flow = pl.col("kind") == "flow"
    rate = pl.col("kind") == "rate"
    g = pl.col("target_growth_pct") / 100.0
    big_l, base = pl.col("value_fy_ly"), pl.col("value_ly")
    cum = (
        pl.when(pl.col("growth_rule") == "comparable")
        .then(base * (1.0 + pl.col("growth_pct") / 100.0))
        .otherwise(pl.coalesce(pl.col("value"), base * (1.0 + pl.col("growth_pct") / 100.0)))
    )
    req = (((1.0 + g) * big_l - cum) / (big_l - base) - 1.0) * 100.0
    out = out.with_columns(
        pl.coalesce("target_growth_pct", "target_level").alias("target"),
        pl.when(pl.col("target_growth_pct").is_not_null())
        .then(pl.lit("growth"))
        .when(pl.col("target_level").is_not_null())
        .then(pl.lit("level"))
        .otherwise(None)
        .alias("target_kind"),
        # a rate's level target is a threshold (优良率达到90%, 失业率控制在5.5%以内), not an
        # amount to complete: it is held against the rate itself, in points
        pl.when((pl.col("target_level") > 0) & ~rate)
        .then(pl.col("value") / pl.col("target_level") * 100.0)
        .otherwise(None)
        .alias("completion_pct"),
        pl.when(rate & pl.col("target_growth_pct").is_null())
        .then(pl.col("value") - pl.col("target_level"))
        .otherwise(pl.col("growth_pct") - pl.col("target_growth_pct"))
        .alias("gap_to_target_pp"),
        pl.when(flow & (big_l - base > 0) & pl.lit(last_month < 12))
        .then(req)
        .otherwise(None)
        .alias("required_growth_pct"),
    )
    return out.with_columns(
        pl.when(pl.col("kind").is_in(["flow", "count"]))
        .then(pl.col("completion_pct") - pl.col("time_progress_pct"))
        .otherwise(None)
        .alias("completion_gap_pp"),
        # for an indicator that should fall, the rest of the year is harder when it must fall
        # further than so far
        ((pl.col("required_growth_pct") - pl.col("growth_pct")) * pl.col("dir") > 0).alias(
            "front_loaded"
        ),
    )
