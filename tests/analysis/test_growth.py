"""Growth rules: published first, computed only where the rule allows, single months, 两年平均."""

from __future__ import annotations

import math

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.analysis import analyze, compute_panel
from xingshi.analysis.growth import single_values

H1 = (2021, 1, 6)


def _row(analysis, code: str, indicator: str) -> dict:
    rows = analysis.table.filter(
        (pl.col("region_code") == code) & (pl.col("indicator") == indicator)
    )
    assert rows.height == 1
    return rows.row(0, named=True)


def test_bei_is_plus_150_percent_when_computed(regions, indicators, make_obs):
    """增长1.5倍: 3722.1 万人次 against 1488.84 a year earlier is +150%, flagged computed."""
    obs = make_obs(
        [
            ("433100", "tourists", H1, 3722.1, None),
            ("433100", "tourists", (2020, 1, 6), 1488.84, None),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    row = _row(a, "433100", "tourists")
    assert row["growth_pct"] == pytest.approx(150.0)
    assert row["growth_computed"] is True
    assert row["change"] == pytest.approx(3722.1 - 1488.84)


def test_published_growth_wins_over_levels(regions, indicators, make_obs):
    """A published nominal rate (口径) is kept even when the levels say otherwise."""
    obs = make_obs(
        [
            ("433100", "tax", H1, 30.0, 28.6),
            ("433100", "tax", (2020, 1, 6), 25.0, None),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    row = _row(a, "433100", "tax")
    assert row["growth_pct"] == 28.6
    assert row["growth_computed"] is False
    mismatch = [f for f in a.findings if f.rule == "growth_mismatch"]
    assert len(mismatch) == 1
    assert mismatch[0].data["growth_from_levels"] == pytest.approx(20.0)


def test_comparable_price_growth_is_never_computed(regions, indicators, make_obs):
    """GDP growth at comparable prices stays empty when only nominal levels are there."""
    obs = make_obs(
        [
            ("433100", "gdp", H1, 512.3, None),
            ("433100", "gdp", (2020, 1, 6), 450.0, None),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    row = _row(a, "433100", "gdp")
    assert row["value"] == 512.3
    assert row["growth_pct"] is None
    assert row["growth_computed"] is False


def test_rate_growth_is_a_change_in_percentage_points(regions, indicators, make_obs):
    """空气质量优良率 97.8% against 95.3% a year earlier grows by 2.5 pp, not by 2.6%."""
    obs = make_obs(
        [
            ("433100", "air_quality", H1, 97.8, None),
            ("433100", "air_quality", (2020, 1, 6), 95.3, None),
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=H1), "433100", "air_quality"
    )
    assert row["growth_pct"] == pytest.approx(2.5)
    assert row["growth_computed"] is True


def test_count_growth_reports_the_change_in_count(regions, indicators, make_obs):
    """“四上”企业数 869家 against 843家: the change is 26家 and the growth is computed."""
    obs = make_obs(
        [
            ("433100", "enterprises", H1, 869.0, None),
            ("433100", "enterprises", (2020, 1, 6), 843.0, None),
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=H1), "433100", "enterprises"
    )
    assert row["change"] == 26.0
    assert row["growth_pct"] == pytest.approx((869 / 843 - 1) * 100)


def test_stock_compares_with_the_same_month_a_year_earlier(regions, indicators, make_obs):
    """贷款余额 at end-June is compared with end-June last year, not with end-May or December."""
    obs = make_obs(
        [
            ("433100", "loans", H1, 1320.0, None),
            ("433100", "loans", (2021, 1, 5), 1300.0, None),
            ("433100", "loans", (2020, 1, 12), 1250.0, None),
            ("433100", "loans", (2020, 1, 6), 1200.0, None),
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=H1), "433100", "loans"
    )
    assert row["growth_pct"] == pytest.approx(10.0)
    assert row["single_value"] is None  # a balance has no single-month flow


def test_stock_stored_under_the_single_month_key(regions, indicators, make_obs):
    """A balance stored as 2021年6月 is found for the period 2021年1-6月."""
    obs = make_obs(
        [
            ("433100", "loans", (2021, 6, 6), 1320.0, None),
            ("433100", "loans", (2020, 6, 6), 1200.0, None),
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=H1), "433100", "loans"
    )
    assert row["growth_pct"] == pytest.approx(10.0)


def test_single_month_from_cumulative(regions, indicators, make_obs):
    """June alone is 1-6月 minus 1-5月, and its growth compares with June alone a year earlier."""
    obs = make_obs(
        [
            ("433100", "retail", H1, 120.0, None),
            ("433100", "retail", (2021, 1, 5), 100.0, None),
            ("433100", "retail", (2020, 1, 6), 100.0, None),
            ("433100", "retail", (2020, 1, 5), 84.0, None),
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=H1), "433100", "retail"
    )
    assert row["single_value"] == pytest.approx(20.0)
    assert row["single_growth_pct"] == pytest.approx(25.0)
    assert row["growth_pct"] == pytest.approx(20.0)


def test_merged_jan_feb_is_its_own_single_period(regions, indicators, make_obs):
    """1-2月 is the first period of a monthly indicator: its single value is itself."""
    obs = make_obs(
        [
            ("433100", "retail", (2021, 1, 2), 40.0, 30.0),
            ("433100", "retail", (2020, 1, 2), 31.0, None),
            ("433100", "retail", (2021, 1, 1), 999.0, None),  # a stray 1月 row is not 'previous'
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=(2021, 1, 2)),
        "433100",
        "retail",
    )
    assert row["single_value"] == 40.0
    assert row["single_growth_pct"] == 30.0
    assert row["value_prev"] is None


def test_jan_to_mar_previous_is_jan_to_feb(regions, indicators, make_obs):
    """For a monthly indicator 1-3月 follows 1-2月, so March alone is the difference."""
    obs = make_obs(
        [
            ("433100", "retail", (2021, 1, 3), 65.0, None),
            ("433100", "retail", (2021, 1, 2), 40.0, None),
        ]
    )
    row = _row(
        analyze(obs, None, regions, indicators, region="433100", period=(2021, 1, 3)),
        "433100",
        "retail",
    )
    assert row["single_value"] == 25.0


def test_two_year_average_growth(regions, indicators, make_obs):
    """两年平均增长 from published 2021 and 2020 growth: sqrt(1.125 × 1.021) − 1."""
    obs = make_obs(
        [
            ("433100", "gdp", H1, 512.3, 12.5),
            ("433100", "gdp", (2020, 1, 6), 450.0, 2.1),
        ]
    )
    row = _row(analyze(obs, None, regions, indicators, region="433100", period=H1), "433100", "gdp")
    assert row["two_year_avg_pct"] == pytest.approx((math.sqrt(1.125 * 1.021) - 1) * 100)


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=12))
def test_single_values_add_back_to_the_cumulative(increments):
    """Single months derived from a cumulative series sum back to every cumulative value."""
    cumulative = []
    total = 0.0
    for x in increments:
        total += x
        cumulative.append(total)
    singles = single_values(cumulative)
    assert singles[0] == cumulative[0]
    running = 0.0
    for s, c in zip(singles, cumulative, strict=True):
        running += s
        assert running == pytest.approx(c, rel=1e-9, abs=1e-6)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.integers(min_value=0, max_value=10_000).map(lambda x: x / 10), min_size=11, max_size=11
    ),
    st.integers(min_value=2, max_value=12),
)
def test_panel_single_month_is_the_monthly_increment(increments, month):
    """For any cumulative series (1-2月 first), the panel's single month is that month's flow."""
    regions = pl.DataFrame(
        {
            "code": ["433100"],
            "name": ["湘西土家族苗族自治州"],
            "short": ["湘西州"],
            "level": ["prefecture"],
            "parent": ["430000"],
        }
    )
    indicators = pl.DataFrame(
        {
            "code": ["retail"],
            "name": ["社会消费品零售总额"],
            "kind": ["flow"],
            "unit": ["亿元"],
            "frequency": ["monthly"],
            "growth_rule": ["nominal"],
            "higher_is_better": [True],
        }
    )
    cumulative, total = {}, 0.0
    for m, x in zip(range(2, 13), increments, strict=True):
        total += x
        cumulative[m] = total
    obs = pl.DataFrame(
        {
            "region_code": ["433100"] * 11,
            "indicator": ["retail"] * 11,
            "year": [2021] * 11,
            "first_month": [1] * 11,
            "last_month": list(cumulative),
            "level": list(cumulative.values()),
            "growth_pct": [None] * 11,
        },
        schema_overrides={"growth_pct": pl.Float64},
    )
    panel = compute_panel(obs, None, regions, indicators, period=(2021, 1, month))
    single = panel["single_value"][0]
    expected = cumulative[month] - cumulative[month - 1] if month > 2 else cumulative[2]
    assert single == pytest.approx(expected, abs=1e-9)
