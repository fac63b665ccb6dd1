"""Hand-built analysis inputs for the report tests: 湖南省, five 市州 and 湘西州's four 县市."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest

from xingshi.analysis import analyze

REGIONS = [
    ("100000", "全国", "全国", "country", None),
    ("430000", "湖南省", "湖南", "province", "100000"),
    ("430100", "长沙市", "长沙", "prefecture", "430000"),
    ("430200", "株洲市", "株洲", "prefecture", "430000"),
    ("430300", "湘潭市", "湘潭", "prefecture", "430000"),
    ("430400", "衡阳市", "衡阳", "prefecture", "430000"),
    ("433100", "湘西土家族苗族自治州", "湘西州", "prefecture", "430000"),
    ("433101", "吉首市", "吉首", "county", "433100"),
    ("433122", "泸溪县", "泸溪", "county", "433100"),
    ("433123", "凤凰县", "凤凰", "county", "433100"),
    ("433124", "花垣县", "花垣", "county", "433100"),
]

# code, name, aliases, kind, unit, frequency, growth_rule
INDICATORS = [
    ("gdp", "地区生产总值", ["GDP"], "flow", "亿元", "quarterly", "comparable"),
    (
        "industry_va",
        "规模以上工业增加值",
        ["规模工业增加值"],
        "flow",
        "亿元",
        "monthly",
        "comparable",
    ),
    ("fai", "固定资产投资", ["固投"], "flow", "亿元", "monthly", "nominal"),
    ("retail", "社会消费品零售总额", ["社零"], "flow", "亿元", "monthly", "nominal"),
    ("tax", "税收收入", ["税收"], "flow", "亿元", "monthly", "nominal"),
    ("loans", "金融机构贷款余额", ["贷款余额"], "stock", "亿元", "monthly_jan", "nominal"),
    ("domestic_capital", "实际利用内资", ["内资"], "flow", "亿元", "monthly", "nominal"),
    ("tourists", "接待游客", ["游客人次"], "flow", "万人次", "monthly", "nominal"),
    ("tourism_revenue", "旅游收入", ["旅游总收入"], "flow", "亿元", "monthly", "nominal"),
    ("air_quality", "空气质量优良率", [], "rate", "%", "monthly", "pp"),
]
UNITS = {r[0]: r[4] for r in INDICATORS}

H1 = (2021, 1, 6)
PREFS = ["430100", "430200", "430300", "430400", "433100"]
COUNTIES = ["433101", "433122", "433123", "433124"]


def key(y: int, f: int, m: int) -> str:
    return f"{y:04d}-{f:02d}/{y:04d}-{m:02d}"


@pytest.fixture
def regions() -> pl.DataFrame:
    """A RegionCatalog.frame() for a small 湖南省."""
    return pl.DataFrame(
        REGIONS, schema=["code", "name", "short", "level", "parent"], orient="row"
    ).with_columns(pl.lit("430000").alias("province"))


@pytest.fixture
def indicators() -> pl.DataFrame:
    """An IndicatorCatalog.frame() with aliases, kinds and units."""
    return pl.DataFrame(
        INDICATORS,
        schema={
            "code": pl.String,
            "name": pl.String,
            "aliases": pl.List(pl.String),
            "kind": pl.String,
            "unit": pl.String,
            "frequency": pl.String,
            "growth_rule": pl.String,
        },
        orient="row",
    ).with_columns(pl.lit(True).alias("higher_is_better"))


def make_obs(rows: list[tuple]) -> pl.DataFrame:
    """Observations from (region, indicator, (y, f, m), level, growth); cells numbered by row."""
    out = []
    for n, (code, ind, (y, f, m), level, growth) in enumerate(rows, start=3):
        out.append(
            {
                "region_code": code,
                "indicator": ind,
                "year": y,
                "first_month": f,
                "last_month": m,
                "period": key(y, f, m),
                "level": level,
                "unit": UNITS[ind],
                "growth_pct": growth,
                "rank": None,
                "computed": False,
                "release_id": 1,
                "source_file": "2021年1-6月主要指标.xlsx",
                "source_sheet": f"{m}月",
                "level_cell": None if level is None else f"C{n}",
                "growth_cell": None if growth is None else f"D{n}",
                "rank_cell": None,
                "note": None,
            }
        )
    return pl.DataFrame(out, infer_schema_length=None).with_columns(
        pl.col("year", "first_month", "last_month").cast(pl.Int32),
        pl.col("rank").cast(pl.Int32),
        pl.col("level", "growth_pct").cast(pl.Float64),
        pl.col("level_cell", "growth_cell", "rank_cell", "note").cast(pl.String),
    )


def make_targets(rows: list[tuple]) -> pl.DataFrame:
    """Targets from (region, indicator, kind, value) for 2021."""
    return pl.DataFrame(
        [
            {
                "region_code": c,
                "indicator": i,
                "year": 2021,
                "target_kind": k,
                "value": float(v),
                "unit": "%" if k == "growth" else UNITS[i],
                "release_id": 2,
                "source_file": "2021年目标任务.xlsx",
                "source_sheet": "目标",
                "source_cell": f"B{n}",
                "note": None,
            }
            for n, (c, i, k, v) in enumerate(rows, start=2)
        ]
    ).with_columns(pl.col("year").cast(pl.Int32))


# 湘西州's figures are the seed speech's; the peers are chosen so the ranks come out as it says.
GROWTH = {
    #                 长沙   株洲   湘潭   衡阳  湘西州  湖南省
    "gdp": [10.0, 9.0, 8.5, 11.0, 12.5, 11.3],
    "industry_va": [14.0, 13.0, 12.0, 15.0, 22.1, 14.5],
    "domestic_capital": [20.0, 18.0, 16.0, 25.0, 39.9, 21.0],
    "tax": [30.0, 20.0, 18.0, 15.0, 28.6, 22.0],
    "loans": [13.0, 10.0, 9.0, 11.0, 12.2, 11.8],
    "fai": [14.0, 13.5, 12.5, 11.0, 12.0, 13.0],
    "retail": [26.0, 25.0, 24.0, 27.0, 23.9, 25.2],
    "tourists": [160.0, 120.0, 90.0, 100.0, 150.0, 130.0],
    "tourism_revenue": [140.0, 110.0, 80.0, 100.0, 130.0, 120.0],
}
LEVEL = {"tourists": 3722.1, "tourism_revenue": 304.4, "gdp": 355.6, "retail": 179.1}


@pytest.fixture
def sample_obs() -> pl.DataFrame:
    """2021年1-6月 for five 市州, 湖南省 and 湘西州's counties, plus 1-3月 and 1-5月."""
    rows: list[tuple] = []
    for ind, growths in GROWTH.items():
        for code, g in zip([*PREFS, "430000"], growths, strict=True):
            level = LEVEL.get(ind) if code == "433100" else None
            rows.append((code, ind, H1, level, g))
    for code, g in zip(COUNTIES, [14.0, 11.0, 13.0, 9.5], strict=True):
        rows.append((code, "gdp", H1, None, g))
    for code, g in zip(COUNTIES, [20.0, 25.0, 18.0, 30.0], strict=True):
        rows.append((code, "industry_va", H1, None, g))
    for m, g in ((3, 20.1), (5, 14.0)):
        rows.append(("433100", "gdp" if m == 3 else "industry_va", (2021, 1, m), None, g))
    rows.append(("433100", "industry_va", (2021, 1, 3), None, 25.0))
    rows.append(("433100", "tax", (2021, 1, 3), None, 31.0))
    rows.append(("433100", "tax", (2021, 1, 5), None, 29.0))
    return make_obs(rows)


@pytest.fixture
def sample_targets() -> pl.DataFrame:
    """2021 targets of 湘西州: GDP growth, a tourism revenue level and a retail level."""
    return make_targets(
        [
            ("433100", "gdp", "growth", 8.0),
            ("433100", "tourism_revenue", "level", 500.0),
            ("433100", "retail", "level", 400.0),
        ]
    )


@pytest.fixture
def run_analysis(regions, indicators) -> Callable[..., object]:
    """analyze() for 湘西州 (2021年1-6月 unless told), on the given frames."""

    def run(
        obs: pl.DataFrame,
        targets: pl.DataFrame | None = None,
        region: str = "433100",
        period: tuple[int, int, int] = H1,
    ):
        return analyze(obs, targets, regions, indicators, region=region, period=key(*period))

    return run


@pytest.fixture
def obs_builder() -> Callable[[list[tuple]], pl.DataFrame]:
    """make_obs for tests that add their own rows."""
    return make_obs
