"""Analysis benchmark: one period for every region at all three levels, polars vs pandas.

    .venv/bin/python benchmarks/analysis/run.py            # the full national panel
    .venv/bin/python benchmarks/analysis/run.py --provinces 2 --repeat 1   # a small run

Prints the panel's size, both timings and the ratio, after checking that the pandas baseline
gives the same figures as ``xingshi.analysis.compute_panel`` (exactly for ranks, flags and
colours; floats to a relative 1e-12).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
from polars.testing import assert_frame_equal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline_pandas import baseline
from generate import generate

from xingshi.analysis import AnalysisSettings, compute_panel

PERIOD = (2021, 1, 6)
COMPARED = {
    "region_code": pl.String,
    "indicator": pl.String,
    "value": pl.Float64,
    "growth_pct": pl.Float64,
    "growth_computed": pl.Boolean,
    "growth_pct_prev": pl.Float64,
    "growth_pct_ly": pl.Float64,
    "change": pl.Float64,
    "single_value": pl.Float64,
    "single_growth_pct": pl.Float64,
    "two_year_avg_pct": pl.Float64,
    "rank": pl.Int64,
    "rank_of": pl.Int64,
    "rank_prev": pl.Int64,
    "rank_ly": pl.Int64,
    "rank_change": pl.Int64,
    "rank_change_yoy": pl.Int64,
    "parent_growth_pct": pl.Float64,
    "gap_to_parent_pp": pl.Float64,
    "behind_parent": pl.Boolean,
    "n_children_below": pl.Int64,
    "gap_to_prev_pp": pl.Float64,
    "share_of_parent_pct": pl.Float64,
    "target_growth_pct": pl.Float64,
    "target_level": pl.Float64,
    "completion_pct": pl.Float64,
    "time_progress_pct": pl.Float64,
    "completion_gap_pp": pl.Float64,
    "gap_to_target_pp": pl.Float64,
    "required_growth_pct": pl.Float64,
    "front_loaded": pl.Boolean,
    "warning": pl.String,
}


def normalise(frame: pl.DataFrame) -> pl.DataFrame:
    """The compared columns, in one dtype each, sorted by region and indicator."""
    return (
        frame.select(pl.col(c).cast(t) for c, t in COMPARED.items())
        .sort("region_code", "indicator")
        .with_columns(pl.col(pl.Float64).fill_nan(None))
    )


def to_pandas(frame: pl.DataFrame) -> pd.DataFrame:
    """Without pyarrow: column by column through numpy (lists stay Python lists)."""
    return pd.DataFrame(
        {
            c: frame[c].to_list() if frame[c].dtype == pl.List else frame[c].to_numpy()
            for c in frame.columns
        }
    )


def run(provinces: int | None = None, repeat: int = 5) -> dict[str, Any]:
    """Generate, time both implementations and check they agree; returns the figures."""
    panel = generate(provinces=provinces)
    settings = AnalysisSettings()
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fast = compute_panel(
            panel.obs,
            panel.targets,
            panel.regions,
            panel.indicators,
            period=PERIOD,
            settings=settings,
        )
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    obs_pd, targets_pd = to_pandas(panel.obs), to_pandas(panel.targets)
    regions_pd, indicators_pd = to_pandas(panel.regions), to_pandas(panel.indicators)
    t0 = time.perf_counter()
    slow = baseline(obs_pd, targets_pd, regions_pd, indicators_pd, PERIOD, settings)
    pandas_s = time.perf_counter() - t0
    slow_pl = pl.DataFrame(
        {c: [None if pd.isna(x) else x for x in slow[c].tolist()] for c in COMPARED},
        schema=COMPARED,
        strict=False,
    )
    # ranks, flags and colours must match exactly; floats to 1e-12 (one last-bit difference
    # from a different evaluation order is not a different result)
    assert_frame_equal(normalise(fast), normalise(slow_pl), rel_tol=1e-12, abs_tol=1e-12)
    polars_s = statistics.median(times)
    return {
        "regions": panel.regions.height,
        "observations": panel.obs.height,
        "rows": fast.height,
        "polars_s": polars_s,
        "polars_min_s": min(times),
        "polars_cpu_s": statistics.median(cpu),
        "pandas_s": pandas_s,
        "ratio": pandas_s / polars_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=None, help="keep the first N provinces")
    parser.add_argument("--repeat", type=int, default=5, help="polars runs (median reported)")
    args = parser.parse_args()
    r = run(args.provinces, args.repeat)
    print(
        f"地区 {r['regions']} 个，观测值 {r['observations']} 行，分析结果 {r['rows']} 行；"
        f"两种实现结果一致"
    )
    print(
        f"polars  {r['polars_s']:.3f} s（中位数，最快 {r['polars_min_s']:.3f} s；"
        f"CPU 时间 {r['polars_cpu_s']:.3f} s，各线程合计）"
    )
    print(f"pandas  {r['pandas_s']:.3f} s")
    print(f"倍数    {r['ratio']:.1f}×")


if __name__ == "__main__":
    main()
