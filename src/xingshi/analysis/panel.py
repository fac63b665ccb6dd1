"""Gather one period's panel: a row per region × indicator with the figures every rule needs.

The observations frame is long (one row per region × indicator × period). The rules need, side
by side, this period, the previous period, the same periods a year earlier, two years earlier
and last year's full year. One join against a small table of wanted periods per indicator, then a
scatter of each role's figures into arrays indexed by a dense region × indicator key, produce that
wide panel for every region at once, so everything after is vectorised.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from xingshi.analysis.periods import Triple, plan

ROLES = ("cur", "prev", "ly", "prev_ly", "ly2", "fy_ly")
POINT_KINDS = ("stock", "rate", "count")  # values at the period's end, not cumulative flows

_IND_DEFAULTS: dict[str, object] = {
    "name": None,
    "kind": "flow",
    "unit": None,
    "frequency": "monthly",
    "growth_rule": "nominal",
    "higher_is_better": True,
}


def _indicator_table(indicators: pl.DataFrame) -> pl.DataFrame:
    ind = indicators
    for col, default in _IND_DEFAULTS.items():
        if col not in ind.columns:
            ind = ind.with_columns(pl.lit(default).alias(col))
    return ind.select(
        pl.col("code").alias("indicator"),
        pl.col("name").alias("indicator_name"),
        pl.col("kind"),
        pl.col("unit").alias("indicator_unit"),
        pl.col("frequency"),
        pl.col("growth_rule"),
        pl.col("higher_is_better").fill_null(True).cast(pl.Boolean),
    )


def wanted_periods(ind: pl.DataFrame, current: Triple) -> pl.DataFrame:
    """(indicator, role, year, first_month, last_month, pref) for every period the rules need.

    Point-in-time kinds (balances, counts, rates) may be stored under the cumulative key 1-6月
    or the single month 6月; both are wanted, the cumulative key preferred (pref 0)."""
    rows: list[tuple[str, str, int, int, int, int]] = []
    first_rows: list[tuple[str, bool]] = []
    for code, kind, freq in ind.select("indicator", "kind", "frequency").iter_rows():
        p = plan(current, freq or "monthly")
        first_rows.append((code, p.first))
        for role, (y, f, m) in p.roles().items():
            rows.append((code, role, y, f, m, 0))
            if kind in POINT_KINDS and f != m:
                rows.append((code, role, y, m, m, 1))
    schema = {
        "indicator": pl.String,
        "role": pl.String,
        "year": pl.Int32,
        "first_month": pl.Int32,
        "last_month": pl.Int32,
        "pref": pl.Int8,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def first_period_flags(ind: pl.DataFrame, current: Triple) -> pl.DataFrame:
    codes = ind["indicator"].to_list()
    freqs = ind["frequency"].to_list()
    flags = [plan(current, f or "monthly").first for f in freqs]
    return pl.DataFrame({"indicator": codes, "first_period": flags})


def _region_table(regions: pl.DataFrame) -> pl.DataFrame:
    short = pl.col("short") if "short" in regions.columns else pl.lit(None, pl.String)
    return regions.select(
        pl.col("code").cast(pl.String).alias("region_code"),
        pl.coalesce(pl.when(short.str.len_chars() > 0).then(short), pl.col("name")).alias("region"),
        pl.col("name").alias("region_name"),
        pl.col("level").alias("region_level"),
        pl.col("parent").cast(pl.String).alias("parent_code"),
    ).unique("region_code", keep="first")


def _spread(long: pl.DataFrame, size: int) -> pl.DataFrame:
    """Long rows (one per key × role) to one wide row per key, by scattering each role's figures
    into dense arrays indexed by the key: cheaper than a join per role. Keys seen in this
    period, the previous one or a year earlier are kept."""
    present = np.zeros(size, dtype=bool)
    arrays: dict[str, np.ndarray] = {}
    for role in ROLES:
        part = long.filter(pl.col("role") == role)
        idx = part["_k"].to_numpy()
        for v in ("value", "growth_pub"):
            arr = np.full(size, np.nan)
            arr[idx] = part[v].cast(pl.Float64).to_numpy()  # nulls arrive as NaN
            arrays[f"{v}_{role}"] = arr
        if role in ("cur", "prev", "ly"):
            present[idx] = True
    keep = np.flatnonzero(present)
    wide = pl.DataFrame(
        [pl.Series("_k", keep, dtype=pl.Int64)]
        + [pl.Series(name, arr[keep], nan_to_null=True) for name, arr in arrays.items()]
    )
    cur = long.filter(pl.col("role") == "cur").select(
        "_k", *[c for c in ("rank_pub", "level_rank_pub", "obs_unit") if c in long.columns]
    )
    wide = wide.join(cur.unique("_k", keep="last"), on="_k", how="left")
    for c, dtype in (("rank_pub", pl.Int32), ("level_rank_pub", pl.Int32), ("obs_unit", pl.String)):
        if c not in wide.columns:
            wide = wide.with_columns(pl.lit(None, dtype).alias(c))
    return wide


def gather(
    obs: pl.DataFrame, regions: pl.DataFrame, indicators: pl.DataFrame, current: Triple
) -> pl.DataFrame:
    """The wide panel for ``current``: one row per region × indicator seen in this period, the
    previous one or a year earlier, with ``value_<role>``, ``growth_pub_<role>`` columns.

    Observations of regions or indicators outside the catalogues are left out."""
    ind = _indicator_table(indicators).with_row_index("_ii")
    reg = _region_table(regions).with_row_index("_ri")
    wanted = wanted_periods(ind, current).join(ind.select("indicator", "_ii"), on="indicator")
    keys = ["indicator", "year", "first_month", "last_month"]
    n_ind = max(ind.height, 1)
    extra = [c for c in ("rank", "level_rank", "unit") if c in obs.columns]
    # one integer per period (20210106): a cheap pre-filter, then a two-key join
    pcode = pl.col("year") * 10000 + pl.col("first_month") * 100 + pl.col("last_month")
    wanted = wanted.with_columns(pcode.cast(pl.Int64).alias("_pc")).drop(keys[1:])
    long = (
        obs.lazy()
        .select("region_code", *keys, "level", "growth_pct", *extra)
        .with_columns(pcode.cast(pl.Int64).alias("_pc"))
        .filter(pl.col("_pc").is_in(wanted["_pc"].unique().implode()))
        .join(wanted.lazy(), on=["indicator", "_pc"], how="inner")
        .join(reg.lazy().select("region_code", "_ri"), on="region_code", how="inner")
        # one exact integer per region × indicator: joins on it are much cheaper than on text
        .with_columns((pl.col("_ri").cast(pl.Int64) * n_ind + pl.col("_ii")).alias("_k"))
        .select(
            "_k",
            "role",
            "pref",
            pl.col("level").cast(pl.Float64).alias("value"),
            pl.col("growth_pct").cast(pl.Float64).alias("growth_pub"),
            *([pl.col("rank").cast(pl.Int32).alias("rank_pub")] if "rank" in extra else []),
            *(
                [pl.col("level_rank").cast(pl.Int32).alias("level_rank_pub")]
                if "level_rank" in extra
                else []
            ),
            *([pl.col("unit").cast(pl.String).alias("obs_unit")] if "unit" in extra else []),
        )
        .collect()
    )
    if long.height and long["pref"].max() > 0:
        # drop single-month duplicates of point-in-time values stored under the cumulative key
        exact = long.filter(pl.col("pref") == 0)
        alt = long.filter(pl.col("pref") > 0).join(exact, on=["_k", "role"], how="anti")
        long = pl.concat([exact, alt])
    wide = _spread(long, reg.height * n_ind)
    wide = wide.rename({"value_cur": "value", "growth_pub_cur": "growth_pub"}).with_columns(
        (pl.col("_k") // n_ind).cast(pl.UInt32).alias("_ri"),
        (pl.col("_k") % n_ind).cast(pl.UInt32).alias("_ii"),
    )
    return (
        wide.join(ind, on="_ii", how="left")
        .join(first_period_flags(ind, current), on="indicator", how="left")
        .join(reg, on="_ri", how="left")
        .with_columns(
            pl.coalesce("obs_unit", "indicator_unit").alias("unit"),
            pl.when(pl.col("higher_is_better")).then(1.0).otherwise(-1.0).alias("dir"),
        )
        .drop("obs_unit", "indicator_unit", "_k", "_ri", "_ii")
    )
