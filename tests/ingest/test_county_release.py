"""A county's monthly release as counties write it: a heading row over 城镇居民 | 农村居民, a
price index written as 101.2 under %, items of the heading rather than of the row above."""

from __future__ import annotations

import pytest
from sheets import errors, records, write_sheet

from xingshi.ingest import check_file

H1 = "2023-01/2023-06"
LUXI = "433122"
HEAD = [["泸溪县2023年1-6月主要经济指标"], ["指标名称", "单位", "1-6月", "同比增长(%)", "全州位次"]]


def _check(tmp_path, catalogs, rows):
    return check_file(write_sheet(tmp_path / "泸溪县.xlsx", [*HEAD, *rows]), catalogs)


def test_qualifiers_under_a_heading_are_the_headings_measure(catalogs, tmp_path):
    """六、城乡居民人均可支配收入 (no figures) over 城镇居民 | 农村居民: the two incomes, not
    items of 一般公共预算收入 two rows up; 民间投资 under 固定资产投资 resolves on its own."""
    checked = _check(
        tmp_path,
        catalogs,
        [
            ["三、固定资产投资", "—", "—", -12.3, 7],
            ["    其中：工业", "—", "—", 15.2, None],
            ["五、一般公共预算收入", "万元", 31234, 8.9, 3],
            ["    其中：税收收入", "万元", 20123, 10.2, None],
            ["六、城乡居民人均可支配收入", None, None, None, None],
            ["    城镇居民", "元", 16789, 5.1, 6],
            ["    农村居民", "元", 7890, 7.2, 5],
        ],
    )
    assert errors(checked) == [] and checked.findings == []
    got = records(checked)
    assert got[(LUXI, "urban_income", H1)] == (16789.0, 5.1, 6)
    assert got[(LUXI, "rural_income", H1)] == (7890.0, 7.2, 5)
    assert got[(LUXI, "industrial_investment", H1)] == (None, 15.2, None)
    assert got[(LUXI, "tax", H1)] == (2.0123, 10.2, None)
    assert len(got) == 6


def test_an_item_no_qualifier_makes_known_is_still_left_out(catalogs, tmp_path):
    """非税 under 一般公共预算收入 is 非税收入; 外贸企业 names nothing the catalogue has: a
    warning, no figure."""
    checked = _check(
        tmp_path,
        catalogs,
        [
            ["一、一般公共预算收入", "万元", 31234, 8.9, 3],
            ["    其中：非税", "万元", 11111, 1.0, None],
            ["          外贸企业", "万元", 2222, 3.0, None],
        ],
    )
    assert errors(checked) == []
    got = records(checked)
    assert set(got) == {(LUXI, "local_fiscal", H1), (LUXI, "nontax", H1)}
    assert got[(LUXI, "nontax", H1)] == (1.1111, 1.0, None)
    assert any("外贸企业" in f.message for f in checked.findings)


def test_price_index_without_base_is_on_last_years_100(catalogs, tmp_path):
    """居民消费价格指数 | % | 101.2: the rise 1.2 (said in a warning); it refused the whole file
    as a rate of 101.2%. A base said otherwise (上月=100) is not read as last year's."""
    checked = _check(tmp_path, catalogs, [["七、居民消费价格指数", "%", 101.2, None, None]])
    assert errors(checked) == []
    assert records(checked) == {(LUXI, "cpi", H1): (None, 1.2, None)}
    (warning,) = checked.findings
    assert "按上年同期=100的指数读取，即上涨1.2%" in warning.message
    assert (warning.where.row, warning.where.column) == (3, "C")
    checked = _check(tmp_path, catalogs, [["七、居民消费价格指数", "上月=100", 100.3, None, None]])
    assert records(checked).get((LUXI, "cpi", H1)) in (None, (None, None, None))
    # A rise written as such stays the rise.
    checked = _check(tmp_path, catalogs, [["七、居民消费价格指数", "%", 101.2, 1.2, None]])
    assert errors(checked) == []
    assert records(checked) == {(LUXI, "cpi", H1): (None, 1.2, None)}


XIANGXI = [["地区生产总值", 4.5, 5.1, 4.2], ["规模工业增加值", 6.5, 7.1, 6.2]]
XIANGXI += [["固定资产投资", -3.5, -5.1, 4.2], ["城镇登记失业率", 3.5, 3.1, 4.2]]


@pytest.mark.parametrize(
    "above",
    [
        [["2023年1-6月湘西州各县市主要经济指标增速（%）"]],
        [["2023年1-6月湘西州各县市主要经济指标"], ["单位：%"]],
    ],
    ids=["title", "note"],
)
def test_a_table_of_growth_rates_stores_growth_not_amounts(above, catalogs, tmp_path):
    """指标 | 全州 | 吉首市 | 泸溪县 under …增速（%） or 单位：%: 4.5 is GDP's growth; it was
    stored as 4.5 亿元 of GDP. A rate (城镇登记失业率) keeps its figure as its level."""
    rows = [*above, ["指标", "全州", "吉首市", "泸溪县"], *XIANGXI]
    checked = check_file(write_sheet(tmp_path / "增速.xlsx", rows), catalogs)
    assert errors(checked) == []
    got = records(checked)
    assert got[("433100", "gdp", H1)] == (None, 4.5, None)
    assert got[("433101", "fai", H1)] == (None, -5.1, None)
    assert got[(LUXI, "industry_va", H1)] == (None, 6.2, None)
    assert got[(LUXI, "registered_unemployment", H1)][0] == 4.2
    assert len(got) == 12
    said = [f.message for f in checked.findings]
    assert said == (
        [] if len(above) == 1 else ["表上注明“单位：%”：以金额、数量计的指标的数按同比增速读取"]
    )
    # Regions down the side, the same.
    rows = [
        *above,
        ["地区", "地区生产总值", "规模工业增加值"],
        ["全州", 4.5, 6.5],
        ["泸溪县", 4.2, 6.2],
    ]
    got = records(check_file(write_sheet(tmp_path / "增速2.xlsx", rows), catalogs))
    assert got[(LUXI, "gdp", H1)] == (None, 4.2, None)


def test_shares_in_percent_are_refused_not_stored_as_amounts(catalogs, tmp_path):
    """三次产业结构 (单位：%): 14.5 is a share of GDP, no 亿元 of 第一产业: refused naming the
    unit, where it was stored as 14.5 亿元."""
    rows = [["2023年湘西州三次产业结构"], ["单位：%"], ["地区", "第一产业", "第二产业", "第三产业"]]
    rows += [["全州", 14.5, 26.5, 59.0], ["吉首市", 5.1, 27.1, 67.8]]
    checked = check_file(write_sheet(tmp_path / "结构.xlsx", rows), catalogs)
    assert any("单位“%”与指标“第一产业增加值”" in e for e in errors(checked))
    # 及其构成 is the amounts of GDP and its parts.
    rows = [["2023年湘西州地区生产总值及其构成"], ["地区", "地区生产总值", "第一产业"]]
    rows += [["全州", 800.0, 114.5], ["吉首市", 300.0, 5.1], ["泸溪县", 80.0, 9.5]]
    checked = check_file(write_sheet(tmp_path / "构成.xlsx", rows), catalogs)
    assert errors(checked) == []
    assert records(checked)[("433100", "primary_va", "2023-01/2023-12")] == (114.5, None, None)


def test_growth_and_rank_in_one_cell(catalogs, tmp_path):
    """5.1(2) under 地区生产总值增速(位次), or under a title …（增速%、位次）: growth 5.1, rank 2;
    each cell was refused as no number, or under the title stored as 5.1 亿元."""
    for title, heads in (
        (
            "2023年1-6月湘西州各县市主要经济指标",
            ["地区生产总值增速(位次)", "规模工业增加值增速(位次)"],
        ),
        ("2023年1-6月湘西州各县市主要经济指标（增速%、位次）", ["地区生产总值", "规模工业增加值"]),
    ):
        rows = [[title], ["县市", *heads], ["吉首市", "5.1(2)", "7.1（1）"]]
        rows += [["泸溪县", "4.2(5)", "6.2(3)"], ["凤凰县", "4.6(3)", "5.2(4)"]]
        checked = check_file(write_sheet(tmp_path / "位次.xlsx", rows), catalogs)
        assert errors(checked) == []
        got = records(checked)
        assert got[("433101", "gdp", H1)] == (None, 5.1, 2)
        assert got[("433101", "industry_va", H1)] == (None, 7.1, 1)
        assert got[(LUXI, "gdp", H1)] == (None, 4.2, 5)
    # Amounts under a title that says 亿元 stay amounts.
    rows = [["2023年1-6月湘西州各县市主要经济指标（亿元、增长%）"], ["县市", "地区生产总值"]]
    rows += [["吉首市", 120.1], ["泸溪县", 40.2], ["凤凰县", 44.6]]
    got = records(check_file(write_sheet(tmp_path / "亿元.xlsx", rows), catalogs))
    assert got[(LUXI, "gdp", H1)] == (40.2, None, None)


def test_growth_and_rank_rows_under_an_indicator(catalogs, tmp_path):
    """地区生产总值 | 亿元 | …, then   增速 | % | … and   位次: the indicator's growth and rank,
    where 增速 and 位次 were unknown indicators left out."""
    rows = [["2023年1-6月湘西州各县市主要经济指标"], ["指标", "单位", "全州", "吉首市", "泸溪县"]]
    rows += [["地区生产总值", "亿元", 345.6, 120.1, 50.2], ["  增速", "%", 4.5, 5.1, 4.2]]
    rows += [["  位次", None, None, 1, 2], ["社会消费品零售总额", "亿元", 150.5, 60.1, 20.2]]
    rows += [["  其中：增长", "%", 5.5, 5.1, 4.2]]
    checked = check_file(write_sheet(tmp_path / "各县市.xlsx", rows), catalogs)
    assert errors(checked) == [] and checked.findings == []
    got = records(checked)
    assert got[("433101", "gdp", H1)] == (120.1, 5.1, 1)
    assert got[(LUXI, "gdp", H1)] == (50.2, 4.2, 2)
    assert got[("433100", "retail", H1)] == (150.5, 5.5, None)
    assert len(got) == 6


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("二〇二三年上半年湘西州各县市主要经济指标", H1),
        ("2023年一至六月湘西州各县市主要经济指标", H1),
        ("2023年一至十一月湘西州各县市主要经济指标", "2023-01/2023-11"),
        ("2023年十二月湘西州各县市主要经济指标", "2023-12/2023-12"),
    ],
)
def test_periods_written_in_chinese_numerals(title, period, catalogs, tmp_path):
    """二〇二三年 was no year (the file refused); 一至六月 was no months, so 1-6月 figures were
    stored as the whole year's."""
    rows = [[title], ["县市", "地区生产总值(亿元)", "增速(%)"], ["吉首市", 120.1, 5.1]]
    rows += [["泸溪县", 50.2, 4.2], ["凤凰县", 60.2, 4.3]]
    checked = check_file(write_sheet(tmp_path / "表.xlsx", rows), catalogs)
    assert errors(checked) == []
    assert {k[2] for k in records(checked)} == {period}


def test_parts_of_the_year_across_are_periods_of_the_titles_year(catalogs, tmp_path):
    """一季度 | 上半年 | 前三季度 | 全年 under …地区生产总值增速: 1-3月 … 1-12月 of 2023; the
    table was refused, the four taken for unknown indicators."""
    rows = [
        ["2023年湘西州各县市地区生产总值增速"],
        ["县市", "一季度", "上半年", "前三季度", "全年"],
    ]
    rows += [
        ["吉首市", 5.1, 5.2, 5.3, 5.4],
        ["泸溪县", 4.2, 4.3, 4.4, 4.5],
        ["凤凰县", 4.3, 4.4, 4.5, 4.6],
    ]
    checked = check_file(write_sheet(tmp_path / "季度.xlsx", rows), catalogs)
    assert errors(checked) == [] and checked.findings == []
    got = records(checked)
    assert got[(LUXI, "gdp", "2023-01/2023-03")] == (None, 4.2, None)
    assert got[(LUXI, "gdp", H1)] == (None, 4.3, None)
    assert got[(LUXI, "gdp", "2023-01/2023-09")] == (None, 4.4, None)
    assert got[(LUXI, "gdp", "2023-01/2023-12")] == (None, 4.5, None)
