"""Hand-built frames for the analysis tests: a small 湖南省 with real codes and units."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest

REGIONS = [
    ("100000", "全国", "全国", "country", None),
    ("430000", "湖南省", "湖南", "province", "100000"),
    ("430100", "长沙市", "长沙", "prefecture", "430000"),
    ("430200", "株洲市", "株洲", "prefecture", "430000"),
    ("430300", "湘潭市", "湘潭", "prefecture", "430000"),
    ("433100", "湘西土家族苗族自治州", "湘西州", "prefecture", "430000"),
    ("433101", "吉首市", "吉首", "county", "433100"),
    ("433122", "泸溪县", "泸溪", "county", "433100"),
    ("433123", "凤凰县", "凤凰", "county", "433100"),
    ("433124", "花垣县", "花垣", "county", "433100"),
]

INDICATORS = [
    # code, name, kind, unit, frequency, growth_rule, additive, components, higher_is_better
    (
        "gdp",
        "地区生产总值",
        "flow",
        "亿元",
        "quarterly",
        "comparable",
        "approx",
        ["primary_va", "secondary_va", "tertiary_va"],
        True,
    ),
    ("primary_va", "第一产业增加值", "flow", "亿元", "quarterly", "comparable", "approx", [], True),
    (
        "secondary_va",
        "第二产业增加值",
        "flow",
        "亿元",
        "quarterly",
        "comparable",
        "approx",
        [],
        True,
    ),
    (
        "tertiary_va",
        "第三产业增加值",
        "flow",
        "亿元",
        "quarterly",
        "comparable",
        "approx",
        [],
        True,
    ),
    (
        "industry_va",
        "规模以上工业增加值",
        "flow",
        "亿元",
        "monthly",
        "comparable",
        "false",
        [],
        True,
    ),
    ("retail", "社会消费品零售总额", "flow", "亿元", "monthly", "nominal", "true", [], True),
    ("tax", "税收收入", "flow", "亿元", "monthly", "nominal", "true", [], True),
    ("loans", "金融机构贷款余额", "stock", "亿元", "monthly_jan", "nominal", "true", [], True),
    ("tourists", "接待游客", "flow", "万人次", "monthly", "nominal", "true", [], True),
    ("enterprises", "“四上”企业数", "count", "家", "monthly", "count", "true", [], True),
    ("air_quality", "空气质量优良率", "rate", "%", "monthly", "pp", "false", [], True),
    ("unemployment", "城镇调查失业率", "rate", "%", "monthly", "pp", "false", [], False),
    # lower is better: a fall is the goal (控制在…以内, 下降2%)
    ("energy", "能源消费总量", "flow", "万吨标准煤", "monthly", "nominal", "true", [], False),
    (
        "industrial_electricity",
        "工业用电量",
        "flow",
        "万千瓦时",
        "monthly",
        "nominal",
        "true",
        [],
        True,
    ),
]


@pytest.fixture
def regions() -> pl.DataFrame:
    """A RegionCatalog.frame() for a small 湖南省."""
    return pl.DataFrame(
        REGIONS, schema=["code", "name", "short", "level", "parent"], orient="row"
    ).with_columns(pl.lit("430000").alias("province"))


@pytest.fixture
def indicators() -> pl.DataFrame:
    """An IndicatorCatalog.frame() with one indicator of every kind and rule."""
    return pl.DataFrame(
        INDICATORS,
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


def _key(year: int, first: int, last: int) -> str:
    return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"


@pytest.fixture
def make_obs() -> Callable[..., pl.DataFrame]:
    """Build an observations frame from
    (region, indicator, (y, f, l), level, growth[, rank[, level_rank]])."""

    def build(rows: list[tuple]) -> pl.DataFrame:
        units = {r[0]: r[3] for r in INDICATORS}
        out = []
        for row in rows:
            code, ind, (y, f, m), level, growth, *rest = row
            out.append(
                {
                    "region_code": code,
                    "indicator": ind,
                    "year": y,
                    "first_month": f,
                    "last_month": m,
                    "period": _key(y, f, m),
                    "level": level,
                    "unit": units[ind],
                    "growth_pct": growth,
                    "rank": rest[0] if rest else None,
                    "level_rank": rest[1] if len(rest) > 1 else None,
                    "computed": False,
                    "release_id": 1,
                    "source_file": "测试.xlsx",
                    "source_sheet": None,
                    "level_cell": None,
                    "growth_cell": None,
                    "rank_cell": None,
                    "note": None,
                }
            )
        return pl.DataFrame(
            out,
            schema={
                "region_code": pl.String,
                "indicator": pl.String,
                "year": pl.Int32,
                "first_month": pl.Int32,
                "last_month": pl.Int32,
                "period": pl.String,
                "level": pl.Float64,
                "unit": pl.String,
                "growth_pct": pl.Float64,
                "rank": pl.Int32,
                "level_rank": pl.Int32,
                "computed": pl.Boolean,
                "release_id": pl.Int64,
                "source_file": pl.String,
                "source_sheet": pl.String,
                "level_cell": pl.String,
                "growth_cell": pl.String,
                "rank_cell": pl.String,
                "note": pl.String,
            },
        )

    return build


@pytest.fixture
def make_targets() -> Callable[..., pl.DataFrame]:
    """Build a targets frame from (region, indicator, year, kind, value)."""

    def build(rows: list[tuple]) -> pl.DataFrame:
        units = {r[0]: r[3] for r in INDICATORS}
        return pl.DataFrame(
            [
                {
                    "region_code": c,
                    "indicator": i,
                    "year": y,
                    "target_kind": k,
                    "value": v,
                    "unit": "%" if k == "growth" else units[i],
                    "release_id": 1,
                    "source_file": "政府工作报告.docx",
                    "source_sheet": None,
                    "source_cell": None,
                    "note": None,
                }
                for c, i, y, k, v in rows
            ],
            schema={
                "region_code": pl.String,
                "indicator": pl.String,
                "year": pl.Int32,
                "target_kind": pl.String,
                "value": pl.Float64,
                "unit": pl.String,
                "release_id": pl.Int64,
                "source_file": pl.String,
                "source_sheet": pl.String,
                "source_cell": pl.String,
                "note": pl.String,
            },
        )

    return build
