"""Columns whose period is a word, not months: 前三季度 | 增速 under a year's title, 当月 |
累计 under a month's title, and a price index's 同比 written as the index (100.3).

Each was stored wrong before: the growth beside 前三季度 as the whole year's, 累计 as the
month alone (and 当月 dropped), 100.3 as a 100.3% rise of prices."""

from __future__ import annotations

import pytest
from sheets import errors, records, write_sheet

from xingshi.ingest import check_file

CITIES = [("410100", "郑州市"), ("410200", "开封市"), ("410300", "洛阳市")]


def _regions_down(tmp_path, catalogs, title, header, cells, header2=None, merges=()):
    rows = [[title], header, *([header2] if header2 else [])]
    rows += [[name, *row] for (_code, name), row in zip(CITIES, cells, strict=True)]
    path = write_sheet(tmp_path / "各市.xlsx", rows, merges)
    return check_file(path, catalogs, region_scope="河南省")


def test_growth_beside_a_part_of_the_year_is_of_those_months(catalogs, tmp_path):
    """前三季度(亿元) | 增速% under 2024年各市地区生产总值: the growth is 1-9月's, not 2024's."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年各市地区生产总值",
        ["地区", "前三季度(亿元)", "增速%"],
        [[2000, 5.1], [400, 4.3], [800, 5.5]],
    )
    assert errors(checked) == []
    assert records(checked) == {
        ("410100", "gdp", "2024-01/2024-09"): (2000.0, 5.1, None),
        ("410200", "gdp", "2024-01/2024-09"): (400.0, 4.3, None),
        ("410300", "gdp", "2024-01/2024-09"): (800.0, 5.5, None),
    }


def test_two_parts_of_the_year_each_keep_their_growth(catalogs, tmp_path):
    """一季度 | 增速 | 上半年 | 增速: two periods, each growth its own (not one whole-year
    growth twice, refused as the same figure)."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年各市地区生产总值",
        ["地区", "一季度(亿元)", "增速%", "上半年(亿元)", "增速%"],
        [[1000, 5.1, 2000, 5.0], [200, 4.3, 410, 4.1], [400, 5.5, 810, 5.2]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("410100", "gdp", "2024-01/2024-03")] == (1000.0, 5.1, None)
    assert got[("410100", "gdp", "2024-01/2024-06")] == (2000.0, 5.0, None)
    assert len(got) == 6


def test_parts_of_the_year_across_an_indicators_down_release(catalogs, tmp_path):
    """指标 | 单位 | 前三季度 | 增长%: 前三季度 is a period, not a region."""
    rows = [
        ["2024年主要经济指标"],
        ["指标", "单位", "前三季度", "增长%"],
        ["地区生产总值", "亿元", 2000, 5.1],
        ["社会消费品零售总额", "亿元", 900, 4.0],
    ]
    checked = check_file(write_sheet(tmp_path / "指标.xlsx", rows), catalogs, region_scope="郑州市")
    assert errors(checked) == []
    assert records(checked) == {
        ("410100", "gdp", "2024-01/2024-09"): (2000.0, 5.1, None),
        ("410100", "retail", "2024-01/2024-09"): (900.0, 4.0, None),
    }


def _month_and_cumulative(got):
    assert got == {
        ("410100", "retail", "2024-10/2024-10"): (10.0, 5.1, None),
        ("410100", "retail", "2024-01/2024-10"): (100.0, 4.0, None),
        ("410200", "retail", "2024-10/2024-10"): (5.0, 4.0, None),
        ("410200", "retail", "2024-01/2024-10"): (50.0, 3.3, None),
        ("410300", "retail", "2024-10/2024-10"): (8.0, 3.3, None),
        ("410300", "retail", "2024-01/2024-10"): (80.0, 2.0, None),
    }


CELLS = [[10, 100, 5.1, 4.0], [5, 50, 4.0, 3.3], [8, 80, 3.3, 2.0]]


def test_cumulative_under_a_months_title_runs_from_january(catalogs, tmp_path):
    """当月 | 累计 | 当月增速 | 累计增速 under 2024年10月份: October, and January to October;
    累计 was stored as October alone and 当月 dropped."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年10月份各市社会消费品零售总额",
        ["地区", "当月(亿元)", "累计(亿元)", "当月增速%", "累计增速%"],
        CELLS,
    )
    assert errors(checked) == []
    _month_and_cumulative(records(checked))


def test_month_growth_is_not_given_the_cumulative_period(catalogs, tmp_path):
    """本月 | 1-10月 | 本月增长 | 累计增长: 本月增长 is October's (it took 1-10月 from its
    left and was then dropped as a second growth of those months)."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年10月各市社会消费品零售总额",
        ["地区", "本月(亿元)", "1-10月(亿元)", "本月增长%", "累计增长%"],
        CELLS,
    )
    assert errors(checked) == []
    _month_and_cumulative(records(checked))


def test_month_and_cumulative_over_their_roles(catalogs, tmp_path):
    """当月 merged over 绝对值 | 增长, 累计 over 绝对值 | 增长: each pair has its head's period
    (both were October's, refused as duplicates)."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年10月各市社会消费品零售总额",
        ["地区", "当月", None, "累计", None],
        [[10, 5.1, 100, 4.0], [5, 4.0, 50, 3.3], [8, 3.3, 80, 2.0]],
        header2=[None, "绝对值(亿元)", "增长%", "绝对值(亿元)", "增长%"],
        merges=("B2:C2", "D2:E2"),
    )
    assert errors(checked) == []
    _month_and_cumulative(records(checked))


def test_growth_right_of_cumulative_is_cumulative(catalogs, tmp_path):
    """累计(亿元) | 增长% under 2024年10月份: the growth is 1-10月's, as its amount (it was
    stored as October's growth)."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年10月份各市社会消费品零售总额",
        ["地区", "累计(亿元)", "增长%"],
        [[100, 4.0], [50, 3.3], [80, 2.0]],
    )
    assert errors(checked) == []
    assert records(checked)[("410100", "retail", "2024-01/2024-10")] == (100.0, 4.0, None)
    assert len(records(checked)) == 3


def test_price_index_written_under_a_growth_head(catalogs, tmp_path):
    """同比 | 1-10月 of 居民消费价格 holding 100.3: indexes on last year's 100, a rise of 0.3,
    with a warning that names the indicator (100.3 was stored as a 100.3% rise)."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年10月各市居民消费价格指数",
        ["地区", "同比", "1-10月"],
        [[100.3, 100.2], [100.1, 100.5], [99.9, 100.1]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("410100", "cpi", "2024-10/2024-10")] == (None, 0.3, None)
    assert got[("410300", "cpi", "2024-10/2024-10")] == (None, -0.1, None)
    assert got[("410200", "cpi", "2024-01/2024-10")] == (None, 0.5, None)
    said = [f.message for f in checked.findings if f.severity == "warning"]
    assert "“居民消费价格指数”的100.3按上年同期=100的指数读取，即上涨0.3%" in said


def test_price_rise_under_a_growth_head_stays_a_rise(catalogs, tmp_path):
    """同比涨幅 0.3 is the rise itself: nothing is taken off."""
    rows = [
        ["2024年10月主要经济指标"],
        ["指标", "单位", "本月", "同比增长%"],
        ["居民消费价格指数", "%", None, 0.3],
    ]
    checked = check_file(write_sheet(tmp_path / "cpi.xlsx", rows), catalogs, region_scope="郑州市")
    assert errors(checked) == []
    assert records(checked) == {("410100", "cpi", "2024-10/2024-10"): (None, 0.3, None)}
    assert not any("指数读取" in f.message for f in checked.findings)


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("2024年前3季度各市地区生产总值", "2024-01/2024-09"),  # was 7-9月 (3季度 alone)
        ("2024年1-9各市地区生产总值", "2024-01/2024-09"),  # 月 left out: was the whole year
        ("2024年Q3各市地区生产总值", "2024-07/2024-09"),  # was the whole year
        ("2024年H1各市地区生产总值", "2024-01/2024-06"),  # was the whole year
        ("2024年1-3季度各市地区生产总值", "2024-01/2024-09"),
        ("2024年第3季度各市地区生产总值", "2024-07/2024-09"),
    ],
)
def test_period_words_of_a_title(catalogs, tmp_path, title, period):
    checked = _regions_down(
        tmp_path,
        catalogs,
        title,
        ["地区", "总量(亿元)", "增速%"],
        [[2000, 5.1], [400, 4.3], [800, 5.5]],
    )
    assert errors(checked) == []
    assert records(checked)[("410100", "gdp", period)] == (2000.0, 5.1, None)
    assert len(records(checked)) == 3


@pytest.mark.parametrize(
    ("head", "period"),
    [
        ("1-3季度", "2024-01/2024-09"),  # these four were unknown indicators
        ("前3季度", "2024-01/2024-09"),
        ("9月末", "2024-09/2024-09"),
        ("一至九月", "2024-01/2024-09"),
        ("2024年前三季度", "2024-01/2024-09"),  # the growth was stored as the whole year's
        ("2024年三季度", "2024-07/2024-09"),
        ("三季度累计", "2024-01/2024-09"),  # was 7-9月
        ("9月累计", "2024-01/2024-09"),
    ],
)
def test_period_words_over_the_amounts(catalogs, tmp_path, head, period):
    """A period word heading the amounts, 增速 beside it: both of that period."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年各市地区生产总值",
        ["地区", f"{head}(亿元)", "增速%"],
        [[2000, 5.1], [400, 4.3], [800, 5.5]],
    )
    assert errors(checked) == []
    assert records(checked)[("410100", "gdp", period)] == (2000.0, 5.1, None)
    assert len(records(checked)) == 3


@pytest.mark.parametrize("title", ["2024年1-9月各市地区生产总值", "各市地区生产总值"])
def test_each_year_with_its_unit_keeps_its_year(catalogs, tmp_path, title):
    """2024年1-9月(亿元) | 2023年1-9月(亿元) | 增长%: last year's column was given the title's
    year (refused as duplicates), and with no period in the title the table was refused."""
    checked = _regions_down(
        tmp_path,
        catalogs,
        title,
        ["地区", "2024年1-9月(亿元)", "2023年1-9月(亿元)", "增长%"],
        [[6000, 5800, 5.1], [1200, 1150, 4.3], [2500, 2400, 5.5]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("410100", "gdp", "2024-01/2024-09")] == (6000.0, 5.1, None)
    assert got[("410100", "gdp", "2023-01/2023-09")] == (5800.0, None, None)
    assert len(got) == 6


INCOME = "城镇居民人均可支配收入(元)"
DEFLATED = "扣除价格因素实际增长%"


@pytest.mark.parametrize(
    ("header", "cells", "left_out"),
    [
        (["地区", INCOME, "名义增长%", "实际增长%"], [[30000, 5.1, 4.8]], "实际增长%"),
        (["地区", INCOME, "实际增长%", "名义增长%"], [[30000, 4.8, 5.1]], "实际增长%"),
        (
            ["地区", INCOME, "增长%", "扣除价格因素实际增长%"],
            [[30000, 5.1, 4.8]],
            "扣除价格因素实际增长%",
        ),
    ],
)
def test_income_keeps_its_nominal_growth(catalogs, tmp_path, header, cells, left_out):
    """The catalogue's growth of income is nominal: 名义增长 is stored, 实际增长 left out with a
    warning (the real growth was stored and the nominal one dropped)."""
    cells = cells * 3
    checked = _regions_down(tmp_path, catalogs, "2024年1-9月各市居民收入", header, cells)
    assert errors(checked) == []
    assert records(checked)[("410100", "urban_income", "2024-01/2024-09")] == (30000.0, 5.1, None)
    said = [f.message for f in checked.findings if f.severity == "warning"]
    assert said == [f"“{left_out}”列未导入：“城镇居民人均可支配收入”的增速按名义（现价）计"]


def test_gdp_keeps_its_real_growth(catalogs, tmp_path):
    checked = _regions_down(
        tmp_path,
        catalogs,
        "2024年1-9月各市地区生产总值",
        ["地区", "总量(亿元)", "名义增长%", "实际增长%"],
        [[6000, 3.0, 5.1], [1200, 2.0, 4.3], [2500, 1.0, 5.5]],
    )
    assert errors(checked) == []
    assert records(checked)[("410100", "gdp", "2024-01/2024-09")] == (6000.0, 5.1, None)
    said = [f.message for f in checked.findings if f.severity == "warning"]
    assert said == ["“名义增长%”列未导入：“地区生产总值”的增速按实际（可比价）计"]


def test_each_row_keeps_the_growth_of_its_own_basis(catalogs, tmp_path):
    """指标 | 单位 | 1-9月 | 名义增长 | 实际增长, indicators down: income and retail keep the
    nominal growth, GDP the real one, row by row."""
    rows = [
        ["2024年1-9月主要经济指标"],
        ["指标", "单位", "1-9月", "名义增长%", "实际增长%"],
        ["地区生产总值", "亿元", 2000, 4.0, 5.1],
        ["城镇居民人均可支配收入", "元", 30000, 5.1, 4.8],
        ["社会消费品零售总额", "亿元", 900, 4.0, 3.5],
    ]
    checked = check_file(write_sheet(tmp_path / "指标.xlsx", rows), catalogs, region_scope="郑州市")
    assert errors(checked) == []
    assert records(checked) == {
        ("410100", "gdp", "2024-01/2024-09"): (2000.0, 5.1, None),
        ("410100", "urban_income", "2024-01/2024-09"): (30000.0, 5.1, None),
        ("410100", "retail", "2024-01/2024-09"): (900.0, 4.0, None),
    }


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("各市社会消费品零售总额", "2023.1-6(亿元)"),  # both were refused: no period found
        ("2023.1-6各市社会消费品零售总额", "总额(亿元)"),
        ("各市社会消费品零售总额", "2023.01-06月(亿元)"),
    ],
)
def test_months_written_with_a_point(catalogs, tmp_path, title, head):
    checked = _regions_down(
        tmp_path, catalogs, title, ["地区", head, "增速%"], [[100, 5.1], [50, 4.0], [80, 3.3]]
    )
    assert errors(checked) == []
    assert records(checked)[("410100", "retail", "2023-01/2023-06")] == (100.0, 5.1, None)
    assert len(records(checked)) == 3
