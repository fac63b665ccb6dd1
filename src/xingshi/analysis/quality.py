"""Quality flags (审核) on the analysed panel, as findings with their reason.

- ``cumulative_fell``: a cumulative flow lower than the previous cumulative of the same year.
- ``growth_mismatch``: a published rate further than ``growth_tolerance_pp`` from the rate the
  levels give (only where the rule allows computing it; a warning, since 口径 differences are real).
- ``rank_mismatch``: a published rank that differs from the rank of the peers' growth, or a
  published rank of the amount (总量位次) that differs from the rank of the peers' levels.
- ``related_divergence``: growth moving unlike a related indicator (规模工业增加值 against
  industrial electricity use and tax): the z-score among peers of the growth difference beyond
  ``related_z``, or the indicator growing while the related one falls by more than
  ``related_drop_pct``.
"""

from __future__ import annotations

import polars as pl

from xingshi.analysis.growth import computed_growth
from xingshi.analysis.ranks import rank_expr
from xingshi.analysis.settings import AnalysisSettings
from xingshi.errors import Location
from xingshi.findings import Finding


def quality_frame(panel: pl.DataFrame, settings: AnalysisSettings) -> pl.DataFrame:
    """One row per flagged region × indicator × rule, with the figures behind it."""
    same_year_prev = (pl.col("frequency") != "annual") & pl.col("value_prev").is_not_null()
    fell = panel.filter(
        (pl.col("kind") == "flow") & same_year_prev & (pl.col("value") < pl.col("value_prev"))
    ).select(
        "region_code",
        "indicator",
        pl.lit("cumulative_fell").alias("rule"),
        pl.col("value").alias("a"),
        pl.col("value_prev").alias("b"),
        pl.lit(None, pl.String).alias("related"),
    )
    calc = computed_growth("value", "value_ly")
    mismatch = (
        panel.with_columns(calc.alias("_calc"))
        .filter(
            pl.col("growth_pub").is_not_null()
            & pl.col("_calc").is_not_null()
            & ((pl.col("growth_pub") - pl.col("_calc")).abs() > settings.growth_tolerance_pp)
        )
        .select(
            "region_code",
            "indicator",
            pl.lit("growth_mismatch").alias("rule"),
            pl.col("growth_pub").alias("a"),
            pl.col("_calc").alias("b"),
            pl.lit(None, pl.String).alias("related"),
        )
    )
    parts = [fell, mismatch]
    if "rank_pub" in panel.columns:
        # published ranks are by growth, a rate's by its value: only ranks on that basis compare
        rate = pl.col("kind") == "rate"
        usual = pl.when(rate).then(pl.lit("level")).otherwise(pl.lit("growth"))
        parts.append(
            panel.filter(
                (pl.col("rank_basis") == usual)
                & pl.col("rank_pub").is_not_null()
                & pl.col("rank").is_not_null()
                & (pl.col("rank_pub") != pl.col("rank"))
            ).select(
                "region_code",
                "indicator",
                pl.lit("rank_mismatch").alias("rule"),
                pl.col("rank_pub").cast(pl.Float64).alias("a"),
                pl.col("rank").cast(pl.Float64).alias("b"),
                # the basis the rank was checked on (rates rank by value): for the message
                pl.col("rank_basis").cast(pl.String).alias("related"),
            )
        )
    if "level_rank_pub" in panel.columns:
        # the amount's rank (总量居第3) against the rank of the peers' levels, whatever the basis
        by_level = panel.with_columns(
            # amounts are ranked as stored: rounding 12.34 and 12.31 alike would make a false tie
            rank_expr("value", decimals=4).alias("_lrk")
        )
        parts.append(
            by_level.filter(
                pl.col("level_rank_pub").is_not_null()
                & pl.col("_lrk").is_not_null()
                & pl.col("rank_scope").is_not_null()
                & (pl.col("level_rank_pub") != pl.col("_lrk"))
            ).select(
                "region_code",
                "indicator",
                pl.lit("rank_mismatch").alias("rule"),
                pl.col("level_rank_pub").cast(pl.Float64).alias("a"),
                pl.col("_lrk").cast(pl.Float64).alias("b"),
                pl.lit("level_rank").alias("related"),
            )
        )
    for a, b in settings.related_pairs:
        ga = panel.filter(pl.col("indicator") == a).select(
            "region_code", "rank_scope", pl.col("growth_pct").alias("ga")
        )
        gb = panel.filter(pl.col("indicator") == b).select(
            "region_code", pl.col("growth_pct").alias("gb")
        )
        both = ga.join(gb, on="region_code").drop_nulls(["ga", "gb"])
        if both.height == 0:
            continue
        diff = pl.col("ga") - pl.col("gb")
        both = both.with_columns(
            ((diff - diff.mean().over("rank_scope")) / diff.std().over("rank_scope")).alias("z"),
            pl.len().over("rank_scope").alias("n"),
        )
        flagged = both.filter(
            ((pl.col("n") >= settings.related_min_peers) & (pl.col("z").abs() > settings.related_z))
            | ((pl.col("ga") > 0) & (pl.col("gb") < -settings.related_drop_pct))
        )
        parts.append(
            flagged.select(
                "region_code",
                pl.lit(a).alias("indicator"),
                pl.lit("related_divergence").alias("rule"),
                pl.col("ga").alias("a"),
                pl.col("gb").alias("b"),
                pl.lit(b).alias("related"),
            )
        )
    return pl.concat(parts, how="vertical_relaxed")


def quality_findings(
    flags: pl.DataFrame, names: dict[str, str], ind_names: dict[str, str], period: str
) -> list[Finding]:
    """Findings for the flagged rows (already restricted to the regions of interest)."""
    out: list[Finding] = []
    for r in flags.iter_rows(named=True):
        who = names.get(r["region_code"], r["region_code"])
        iname = ind_names.get(r["indicator"], r["indicator"])
        a, b, rule = r["a"], r["b"], r["rule"]
        data = {"region_code": r["region_code"], "indicator": r["indicator"], "period": period}
        if rule == "cumulative_fell":
            msg = f"{who}{iname}累计值{a:.2f}低于上期累计值{b:.2f}，累计数不应下降"
            data |= {"value": a, "value_prev": b}
        elif rule == "growth_mismatch":
            msg = f"{who}{iname}公布增速{a:.1f}%与按总量计算的{b:.1f}%不一致（可能是口径差异）"
            data |= {"growth_pub": a, "growth_from_levels": b}
        elif rule == "rank_mismatch":
            if r["related"] == "level_rank":
                msg = f"{who}{iname}公布总量位次第{int(a)}位，按各地总量应为第{int(b)}位"
                data |= {"rank_published": int(a), "rank_computed": int(b), "rank_basis": "level"}
                data["rank_of"] = "level_rank"
            else:
                by = "数值" if r["related"] == "level" else "增速"
                msg = f"{who}{iname}公布排名第{int(a)}位，按各地{by}应为第{int(b)}位"
                data |= {
                    "rank_published": int(a),
                    "rank_computed": int(b),
                    "rank_basis": r["related"],
                }
        else:
            rname = ind_names.get(r["related"], r["related"])
            msg = f"{who}{iname}增长{a:.1f}%，与{rname}增长{b:.1f}%走势明显背离，请核实"
            data |= {"growth_pct": a, "related": r["related"], "related_growth_pct": b}
        out.append(Finding(rule, "warning", msg, Location(value=f"{who} {iname}"), data=data))
    return out
