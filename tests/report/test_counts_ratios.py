"""Counts, rates and structure ratios as a secretary writes them, on hand-built figures."""

from __future__ import annotations

import re

import polars as pl
import pytest

from xingshi.analysis import analyze
from xingshi.report import build_briefing

PREFS = ["430100", "430200", "430300", "430400", "433100"]
H1_21, H1_20 = (2021, 1, 6), (2020, 1, 6)

# code, name, kind, unit, growth_rule, higher_is_better
EXTRA = [
    ("above_scale_firms", "“四上”企业数", "count", "家", "count", True),
    ("air_quality", "空气质量优良率", "rate", "%", "pp", True),
    ("nontax", "非税收入", "flow", "亿元", "nominal", False),
    ("local_fiscal", "地方财政收入", "flow", "亿元", "nominal", True),
    ("tax", "税收收入", "flow", "亿元", "nominal", True),
    ("gdp", "地区生产总值", "flow", "亿元", "comparable", True),
    ("unemployment", "城镇调查失业率", "rate", "%", "pp", False),
]


@pytest.fixture
def catalog() -> pl.DataFrame:
    """Indicators with a count (growth_rule count), a rate and the fiscal parts."""
    return pl.DataFrame(
        [
            {
                "code": c,
                "name": n,
                "aliases": ["税收"] if c == "tax" else [],
                "kind": k,
                "unit": u,
                "frequency": "monthly",
                "growth_rule": g,
                "higher_is_better": h,
            }
            for c, n, k, u, g, h in EXTRA
        ],
        schema_overrides={"aliases": pl.List(pl.String)},
    )


def _obs(levels: dict[str, dict[str, tuple[float, float]]]) -> pl.DataFrame:
    """Observations from {indicator: {region: (2020 level, 2021 level)}}, cells numbered."""
    rows, n = [], 3
    for ind, by_region in levels.items():
        unit = next(u for c, _, _, u, _, _ in EXTRA if c == ind)
        for code, pair in by_region.items():
            for (y, f, m), level in zip((H1_20, H1_21), pair, strict=True):
                rows.append(
                    {
                        "region_code": code,
                        "indicator": ind,
                        "year": y,
                        "first_month": f,
                        "last_month": m,
                        "period": f"{y}-{f:02d}/{y}-{m:02d}",
                        "level": float(level),
                        "unit": unit,
                        "growth_pct": None,
                        "rank": None,
                        "computed": False,
                        "release_id": 1,
                        "source_file": "上半年主要指标.xlsx",
                        "source_sheet": str(y),
                        "level_cell": f"C{n}",
                        "growth_cell": None,
                        "rank_cell": None,
                        "note": None,
                    }
                )
                n += 1
    return pl.DataFrame(rows, infer_schema_length=None).with_columns(
        pl.col("year", "first_month", "last_month").cast(pl.Int32),
        pl.col("rank").cast(pl.Int32),
        pl.col("level", "growth_pct").cast(pl.Float64),
        pl.col("growth_cell", "rank_cell", "note").cast(pl.String),
    )


def _text(obs: pl.DataFrame, regions, catalog):
    analysis = analyze(obs, None, regions, catalog, region="433100", period="2021-01/2021-06")
    brief = build_briefing(analysis, None, catalog, observations=obs, with_charts=False)
    return brief.text(), brief


def _five(values: list[tuple[float, float]], province: tuple[float, float] | None = None):
    out = dict(zip(PREFS, values, strict=True))
    if province:
        out["430000"] = province
    return out


def test_a_count_changes_in_units_with_its_share_of_the_parent(regions, catalog) -> None:
    """“四上”企业: 869家，占全省…的1.9%，比上年同期增加159家 — never a percent growth."""
    obs = _obs(
        {
            "above_scale_firms": _five(
                [(20000, 21000), (9000, 9500), (8000, 8400), (7500, 7203), (710, 869)],
                (45210, 46972),
            )
        }
    )
    text, brief = _text(obs, regions, catalog)
    assert "有“四上”企业869家，占全省46972家的1.9%，比上年同期增加159家" in text
    assert "“四上”企业869家，同比增长" not in text
    assert "比上年同期增加159家，增速" not in text  # no growth points beside units
    change = next(s for s in brief.sources if s.field == "change")
    assert change.text == "159家" and "C" in change.basis and "减上年同期710家" in change.basis
    share = next(s for s in brief.sources if s.field == "share")
    assert share.computed and "869" in share.basis and "46972" in share.basis


def test_a_fall_in_a_count_is_said_as_fewer_units(regions, catalog) -> None:
    """A count that fell reads 比上年同期减少5家, in section 二 where it lags."""
    obs = _obs(
        {
            "above_scale_firms": _five(
                [(100, 130), (100, 120), (100, 125), (100, 110), (31, 26)], (431, 511)
            )
        }
    )
    text, _ = _text(obs, regions, catalog)
    assert "比上年同期减少5家" in text
    assert "下降16.1%" not in text


def test_a_rate_is_ranked_by_its_value_not_its_change(regions, catalog) -> None:
    """空气质量优良率97.8%，居全省第二: the rank of the value, even when its change ranks lower."""
    obs = _obs(
        {
            # 湘西州 is second by value, but its change (+0.5) is the smallest of the five
            "air_quality": _five(
                [(90.0, 92.0), (95.0, 98.5), (88.0, 91.0), (93.0, 96.0), (97.3, 97.8)],
                (92.0, 94.0),
            )
        }
    )
    text, brief = _text(obs, regions, catalog)
    assert "空气质量优良率97.8%，居全省第二，同比提高0.5个百分点" in text
    assert "增速居全省" not in text
    rank = next(s for s in brief.sources if s.field == "rank")
    assert "数值" in rank.basis


def test_structure_ratios_change_and_rank_from_levels(regions, catalog) -> None:
    """非税收入占地方财政收入的比重较去年同期下降…个百分点；税收占地区生产总值的比重…居全省第二."""
    obs = _obs(
        {
            "nontax": _five([(20, 22), (10, 11), (8, 9), (6, 7), (9.0644, 10.4213)]),
            "local_fiscal": _five([(60, 66), (30, 33), (25, 27), (20, 22), (25.8983, 31.57)]),
            # tax / GDP: 长沙 12%, 湘西州 11.18%, the others lower
            "tax": _five([(100, 120), (30, 33), (20, 22), (15, 16), (32.0451, 41.21)]),
            "gdp": _five([(900, 1000), (400, 420), (300, 320), (280, 300), (316.9561, 368.62)]),
        }
    )
    text, brief = _text(obs, regions, catalog)
    assert "非税收入占地方财政收入的比重较去年同期下降1.99个百分点" in text
    assert "税收收入占地区生产总值的比重较去年同期提高1.07个百分点，居全省第二" in text
    ratio = next(s for s in brief.sources if s.field == "ratio_change")
    assert ratio.computed and "上年同期" in ratio.basis
    # both levels of both years, each with its sheet and cell
    assert len(re.findall(r"2021!C\d+", ratio.basis)) == 2
    assert len(re.findall(r"2020!C\d+", ratio.basis)) == 2


def test_a_ratio_that_moved_the_wrong_way_is_a_problem(regions, catalog) -> None:
    """A rising share of 非税收入 goes to section 二, and no rank is claimed for it."""
    obs = _obs(
        {
            "nontax": _five([(20, 22), (10, 11), (8, 9), (6, 7), (8.0, 11.0)]),
            "local_fiscal": _five([(60, 66), (30, 33), (25, 27), (20, 22), (30.0, 31.0)]),
        }
    )
    _, brief = _text(obs, regions, catalog)
    achievements = "\n".join(p.text for p in brief.sections[0].paragraphs)
    problems = "\n".join(p.text for p in brief.sections[1].paragraphs)
    assert "非税收入占地方财政收入的比重较去年同期提高" in problems
    assert "比重" not in achievements


def test_a_rate_ranked_lowest_first_says_so_in_the_sentence_and_the_note(regions, catalog) -> None:
    """城镇调查失业率 (higher_is_better false) ranks lowest first: 由低到高居全省第一, and the
    rank table's note names it."""
    obs = _obs(
        {
            "unemployment": _five(
                [(5.6, 5.5), (5.2, 5.3), (5.9, 5.8), (5.4, 5.6), (5.0, 4.8)], (5.5, 5.4)
            )
        }
    )
    text, brief = _text(obs, regions, catalog)
    assert "城镇调查失业率4.8%，由低到高居全省第一" in text
    note = next(t for t in brief.tables if t.key == "ranks").note
    assert "城镇调查失业率由低到高" in note
