"""A synthetic national panel for the analysis benchmark: real regions, made-up figures.

Every county-level region in ``regions/areas.csv`` with its real prefecture and province
(plus the prefectures, provinces and 全国 themselves), 40 indicators of every kind, frequency and
growth rule, 24 months (2020-2021), and targets for 2021. Values are deterministic (a seeded
generator) and shaped like the real thing: cumulative flows rise through the year, published
growth has one decimal, some nominal growth is missing so that it must be computed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

SHARED_REGIONS_DIR = Path("/work/shared/data/regions")
# the same three files ship with the catalogue: used where the shared folder is absent
PACKAGE_REGIONS_DIR = Path(__file__).resolve().parents[2] / "src/xingshi/catalog/data/regions"
DEFAULT_REGIONS_DIR = SHARED_REGIONS_DIR if SHARED_REGIONS_DIR.is_dir() else PACKAGE_REGIONS_DIR
YEARS = (2020, 2021)


@dataclass(frozen=True)
class Panel:
    regions: pl.DataFrame
    indicators: pl.DataFrame
    obs: pl.DataFrame
    targets: pl.DataFrame


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def load_regions(regions_dir: Path = DEFAULT_REGIONS_DIR, provinces: int | None = None):
    """RegionCatalog.frame()-shaped regions: 全国, provinces, prefectures and counties."""
    provs = _read(regions_dir / "provinces.csv")
    if provinces is not None:
        provs = provs[:provinces]
    keep = {p["code"] for p in provs}
    cities = [c for c in _read(regions_dir / "cities.csv") if c["provinceCode"] in keep]
    areas = [a for a in _read(regions_dir / "areas.csv") if a["provinceCode"] in keep]
    rows = [("100000", "全国", "country", None, None)]
    rows += [
        (p["code"] + "0000", p["name"], "province", "100000", p["code"] + "0000") for p in provs
    ]
    rows += [
        (
            c["code"] + "00",
            c["name"],
            "prefecture",
            c["provinceCode"] + "0000",
            c["provinceCode"] + "0000",
        )
        for c in cities
    ]
    rows += [
        (a["code"], a["name"], "county", a["cityCode"] + "00", a["provinceCode"] + "0000")
        for a in areas
    ]
    frame = pl.DataFrame(
        rows, schema=["code", "name", "level", "parent", "province"], orient="row"
    ).unique("code", keep="first", maintain_order=True)
    return frame.with_columns(pl.col("name").alias("short")).select(
        "code", "name", "short", "level", "parent", "province"
    )


def make_indicators() -> pl.DataFrame:
    """40 indicators: comparable, nominal, quarterly, stocks, counts, rates, lower-is-better."""
    rows = []

    def add(code, name, kind, unit, freq, rule, comps=(), hib=True):
        rows.append((code, name, kind, unit, freq, rule, "true", list(comps), hib))

    for i in range(8):
        add(f"cmp{i}", f"可比价指标{i}", "flow", "亿元", "monthly", "comparable")
    for i in range(14):
        add(f"nom{i}", f"现价指标{i}", "flow", "亿元", "monthly", "nominal")
    add("gdp", "地区生产总值", "flow", "亿元", "quarterly", "comparable", ("va1", "va2", "va3"))
    for i in (1, 2, 3):
        add(f"va{i}", f"第{'一二三'[i - 1]}产业增加值", "flow", "亿元", "quarterly", "comparable")
    for i in range(5):
        add(f"bal{i}", f"余额指标{i}", "stock", "亿元", "monthly_jan", "nominal")
    for i in range(4):
        add(f"cnt{i}", f"企业数{i}", "count", "家", "monthly", "count")
    for i in range(3):
        add(f"rate{i}", f"达标率{i}", "rate", "%", "monthly", "pp")
    add("jan0", "一月起报指标", "flow", "万人次", "monthly_jan", "nominal")
    add("energy", "能耗", "flow", "万吨标准煤", "monthly_jan", "nominal", hib=False)
    return pl.DataFrame(
        rows,
        schema={
            "code": pl.String,
            "name": pl.String,
            "kind": pl.String,
            "unit": pl.String,
            "frequency": pl.String,
            "growth_rule": pl.String,
            "additive": pl.String,
            "components": pl.List(pl.String),
            "higher_is_better": pl.Boolean,
        },
        orient="row",
    )


def _months(freq: str) -> list[int]:
    return {
        "monthly": list(range(2, 13)),
        "monthly_jan": list(range(1, 13)),
        "quarterly": [3, 6, 9, 12],
    }[freq]


def generate(
    provinces: int | None = None, seed: int = 2021, regions_dir: Path = DEFAULT_REGIONS_DIR
) -> Panel:
    """The panel; ``provinces`` keeps only the first N provinces (for small CI runs)."""
    rng = np.random.default_rng(seed)
    regions = load_regions(regions_dir, provinces)
    indicators = make_indicators()
    codes = regions["code"].to_numpy()
    scale = (
        regions["level"]
        .replace_strict({"country": 3000.0, "province": 100.0, "prefecture": 10.0, "county": 1.0})
        .to_numpy()
    )
    n = len(codes)
    frames, targets = [], []
    for code, kind, unit, freq, rule in indicators.select(
        "code", "kind", "unit", "frequency", "growth_rule"
    ).iter_rows():
        months = np.array(_months(freq))
        base = scale * rng.lognormal(3.0, 0.6, n)  # last year's full-year level
        g_true = rng.normal(0.08, 0.07, n)
        g_prev = np.round(rng.normal(3.0, 5.0, n), 1)  # published 2020 growth
        if kind == "flow":
            weights = rng.uniform(0.6, 1.4, (n, 12))
            share = np.cumsum(weights, axis=1) / weights.sum(axis=1, keepdims=True)
            lv20 = base[:, None] * share[:, months - 1]
            lv21 = lv20 * (1 + g_true[:, None] + rng.normal(0, 0.01, (n, len(months))))
        elif kind == "rate":
            lv20 = np.clip(rng.normal(90, 5, (n, 1)) + rng.normal(0, 1, (n, len(months))), 0, 100)
            lv21 = np.clip(lv20 + rng.normal(0.5, 2, (n, len(months))), 0, 100)
        else:  # stocks and counts: a level at each month's end
            drift = 1 + 0.005 * months[None, :]
            lv20 = base[:, None] * drift
            lv21 = lv20 * (1 + g_true[:, None])
            if kind == "count":
                lv20, lv21 = np.round(lv20), np.round(lv21)
        lv20, lv21 = np.round(lv20, 2), np.round(lv21, 2)
        pub21 = np.round((lv21 / lv20 - 1) * 100 + rng.normal(0, 0.3, lv21.shape), 1)
        pub20 = np.repeat(g_prev[:, None], len(months), axis=1)
        if rule == "nominal":  # some published, the rest must be computed from levels
            missing = rng.random(pub21.shape) < 0.4
            pub21 = np.where(missing, np.nan, pub21)
            pub20 = np.where(rng.random(pub20.shape) < 0.4, np.nan, pub20)
        elif rule in ("pp", "count"):
            pub21 = np.full(pub21.shape, np.nan)
            pub20 = np.full(pub20.shape, np.nan)
        for year, lv, pub in ((2020, lv20, pub20), (2021, lv21, pub21)):
            k = len(months)
            frames.append(
                pl.DataFrame(
                    {
                        "region_code": np.repeat(codes, k),
                        "indicator": code,
                        "year": year,
                        "first_month": 1,
                        "last_month": np.tile(months, n),
                        "level": lv.reshape(-1),
                        "unit": unit,
                        "growth_pct": pub.reshape(-1),
                    },
                    schema_overrides={
                        "year": pl.Int32,
                        "first_month": pl.Int32,
                        "last_month": pl.Int32,
                    },
                ).with_columns(pl.col("growth_pct").fill_nan(None))
            )
        if rule in ("nominal", "comparable") and kind == "flow":
            targets.append(
                pl.DataFrame(
                    {
                        "region_code": codes,
                        "indicator": code,
                        "year": 2021,
                        "target_kind": "growth",
                        "value": np.round(rng.normal(8.0, 1.5, n), 1),
                        "unit": "%",
                    }
                )
            )
        if code in ("jan0", "energy", "cnt0", "rate0"):
            targets.append(
                pl.DataFrame(
                    {
                        "region_code": codes,
                        "indicator": code,
                        "year": 2021,
                        "target_kind": "level",
                        "value": np.round(lv21[:, -1] * rng.uniform(0.9, 1.2, n), 1),
                        "unit": unit,
                    }
                )
            )
    obs = pl.concat(frames).with_columns(
        pl.format(
            "{}-{}/{}-{}",
            pl.col("year"),
            pl.col("first_month").cast(pl.String).str.zfill(2),
            pl.col("year"),
            pl.col("last_month").cast(pl.String).str.zfill(2),
        ).alias("period"),
        pl.lit(None, pl.Int32).alias("rank"),
        pl.lit(True).alias("computed"),
        pl.lit(1, pl.Int64).alias("release_id"),
        pl.lit("示例数据（模拟）").alias("note"),
    )
    tg = pl.concat(targets).with_columns(
        pl.col("year").cast(pl.Int32), pl.lit(1, pl.Int64).alias("release_id")
    )
    return Panel(regions, indicators, obs, tg)
