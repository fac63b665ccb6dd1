"""Shapes of published tables the reader once refused or misread, one small sheet per kind.

Each sheet is the smallest version of a real corpus table (data/published) that shows the
kind; the corpus test checks the full tables cell for cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sheets import errors as _errors
from sheets import records as _records
from sheets import write_sheet as _sheet

from xingshi.errors import LayoutError
from xingshi.ingest import check_file


def test_points_change_in_a_growth_cell_is_not_a_growth(catalogs, tmp_path):
    """同比增加1.17个百分点 beside a rate is the rate's change: a warning, no growth stored."""
    path = _sheet(
        tmp_path / "西城.xlsx",
        [
            ["指 标 名 称", "计量单位", "西 城 区", None],
            [None, None, "本 期", "±%"],
            ["一、社会消费品零售总额", "亿元", 389.9, -8.6],
            ["二、城镇登记失业率", "%", 2.37, "同比增加1.17个百分点"],
        ],
        ("A1:A2", "B1:B2", "C1:D1"),
    )
    checked = check_file(path, catalogs, period="2022年1-5月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110102", "registered_unemployment", "2022-01/2022-05")] == (2.37, None, None)
    assert got[("110102", "retail", "2022-01/2022-05")] == (389.9, -8.6, None)
    points = [f for f in checked.findings if "百分点变化" in f.message]
    assert [(f.severity, f.where.row, f.where.column) for f in points] == [("warning", 4, "D")]


def test_period_header_without_its_month_sign(catalogs, tmp_path):
    """项 目 | 2024年1- 4 | 上年同期 | 同比增长(%): a period column, not a region “2024年1-4”."""
    path = _sheet(
        tmp_path / "怀柔.xlsx",
        [
            ["2024年1- 4 月规模以上工业企业生产、销售主要数据"],
            ["项    目", " 2024年1- 4", "上年同期", "同比增长(%)"],
            ["现价工业总产值(万元)", 1918615, 1791823, 7.1],
        ],
    )
    checked = check_file(path, catalogs, region_scope="怀柔区")
    assert _errors(checked) == []
    assert _records(checked)[("110116", "industry_output", "2024-01/2024-04")] == (
        191.8615,
        7.1,
        None,
    )


def test_blank_corner_over_absolute_and_growth(catalogs, tmp_path):
    """A bulletin's table: blank corner, 绝对数(亿元) | 比上年增长(%), indicators down."""
    path = _sheet(
        tmp_path / "玉环.xlsx",
        [
            ["表1 2019年玉环市生产总值"],
            [None, "绝 对 数\n(亿元)", "比上年增长\n(%)"],
            ["地区生产总值", 617.50, 5.2],
            ["第一产业", 37.11, 2.6],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("331083", "gdp", "2019-01/2019-12")] == (617.5, 5.2, None)
    assert got[("331083", "primary_va", "2019-01/2019-12")] == (37.11, 2.6, None)


def test_growth_of_parts_is_not_a_shares_table(catalogs, tmp_path):
    """固定资产投资及其构成 | 增长速度(%): the parts' growth rates are read, not dropped as 构成."""
    path = _sheet(
        tmp_path / "门头沟.xlsx",
        [
            ["1:固定资产投资(不含农户)及其构成"],
            ["指标名称", "增长速度(%)"],
            ["固定资产投资(不含农户)", 11.7],
            ["#建筑安装投资", 1.7],
        ],
    )
    checked = check_file(path, catalogs, region_scope="门头沟区", period="2020年")
    assert _errors(checked) == []
    assert _records(checked)[("110109", "fai", "2020-01/2020-12")] == (None, 11.7, None)


def test_same_month_beside_same_period_under_one_growth_group(catalogs, tmp_path):
    """市州 | 增长速度 over 比上年同月 | 比上年同期, the indicator only in the title (given with
    --indicator): the month's growth and January-to-month growth, not one column twice."""
    path = _sheet(
        tmp_path / "湖南.xlsx",
        [
            ["市州", "增长速度", None],
            [None, "比上年同月(%)", "比上年同期(%)"],
            ["全 省", 9.4, 7.1],
            ["长沙市", 11.0, 8.3],
            ["株洲市", 7.7, 7.0],
        ],
        ("A1:A2", "B1:C1"),
    )
    checked = check_file(path, catalogs, indicator="规模工业增加值", period="2017年11月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430100", "industry_va", "2017-11/2017-11")] == (None, 11.0, None)
    assert got[("430100", "industry_va", "2017-01/2017-11")] == (None, 8.3, None)
    assert got[("430000", "industry_va", "2017-01/2017-11")] == (None, 7.1, None)


def test_unit_note_in_the_corner_over_growth_columns(catalogs, tmp_path):
    """单位:% | 规模工业增加值\\n增长速度 | …: a wide table whose corner is its unit note."""
    path = _sheet(
        tmp_path / "工信.xlsx",
        [
            ["单位:%", "规模工业增加值\n增长速度", "工业固定资产投资\n增长速度"],
            ["全 省", 15.9, 25.1],
            ["长沙市", 14.4, 0.2],
            ["株洲市", 14.1, 78.0],
            ["注:1、数据由湖南省统计局提供;"],
        ],
    )
    checked = check_file(path, catalogs, period="2012年1-4月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430200", "industry_va", "2012-01/2012-04")] == (None, 14.1, None)
    assert got[("430200", "industrial_investment", "2012-01/2012-04")] == (None, 78.0, None)


def test_blank_corner_with_cities_over_indented_counties(catalogs, tmp_path):
    """A yearbook's blank corner, 济南市 / 枣庄市 rows without figures over indented districts:
    each 市中区 is its own city's; former names (章丘市, now 章丘区) still resolve."""
    path = _sheet(
        tmp_path / "山东.xlsx",
        [
            ["21-1  各县(市、区)主要经济指标(2015年)"],
            [None, "公共财政\n预算收入\n(万元)", "公共财政\n预算支出\n(万元)"],
            ["济南市"],
            ["  市中区", 922817, 390276],
            ["  章丘市", 469917, 630605],
            ["枣庄市"],
            ["  市中区", 222513, 265326],
            ["  薛城区", 231402, 267785],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("370103", "local_fiscal", "2015-01/2015-12")][0] == pytest.approx(92.2817)
    assert got[("370402", "local_fiscal", "2015-01/2015-12")][0] == pytest.approx(22.2513)
    assert got[("370114", "fiscal_expenditure", "2015-01/2015-12")][0] == pytest.approx(63.0605)


def test_years_down_one_region(catalogs, tmp_path):
    """年 份 down the side, names over names (地区生产总值(GDP) over 第一产业 … # 工 业),
    digits grouped by spaces: one region's series, the region from --region-scope."""
    path = _sheet(
        tmp_path / "厦门.xlsx",
        [
            ["本表按当年价格计算", None, None, None, None, None, "单位:万元"],
            ["年 份", "地区生产\n总 值\n(GDP)", None, None, None, None, None],
            [None, None, "第一产业", "第二产业", "第三产业", "# 工 业", "# 建筑业"],
            ["1978", "47 959", "10 695", "27 193", "10 071", "25 630", "1 563"],
            ["1979", "53 211", "11 706", "30 330", "11 175", "28 189", "2 141"],
            ["1980", "64 002", "13 834", "37 015", "13 153", "32 437", "4 578"],
        ],
        ("A2:A3", "B2:B3", "C2:G2"),
    )
    checked = check_file(path, catalogs, region_scope="厦门市")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("350200", "gdp", "1979-01/1979-12")][0] == pytest.approx(5.3211)
    assert got[("350200", "industry_added", "1980-01/1980-12")][0] == pytest.approx(3.2437)
    assert got[("350200", "construction_va", "1978-01/1978-12")][0] == pytest.approx(0.1563)
    assert len(got) == 18


def _warnings(checked, rule: str) -> list[tuple[int | None, str | None, str]]:
    return [
        (f.where.row, f.where.column, f.message)
        for f in checked.findings
        if f.rule == rule and f.severity == "warning"
    ]


def test_aggregate_rows_are_warnings_naming_them(catalogs, tmp_path):
    """市辖区, 市直, 开发区 and an economic zone (浙东北) are not divisions: each is a warning
    that names it and gives the regions.csv line, and the counties still import."""
    path = _sheet(
        tmp_path / "合计行.xlsx",
        [
            ["2021年1-6月各县市区主要经济指标"],
            ["地区", "地区生产总值(亿元)", None],
            [None, "绝对值", "增速%"],
            ["全市", 1000, 5.0],
            ["市辖区", 300, 4.0],
            ["市直", 10, 1.0],
            ["经济开发区", 20, 3.0],
            ["浙东北", 100, 2.0],
            ["洪江市", 100, 3.0],
            ["溆浦县", 150, 4.0],
        ],
        ("B2:C2",),
    )
    checked = check_file(path, catalogs, region_scope="怀化市")
    assert _errors(checked) == []
    named = _warnings(checked, "unknown_region")
    assert [(row, col) for row, col, _m in named] == [(5, "A"), (6, "A"), (7, "A"), (8, "A")]
    names = ("市辖区", "市直", "经济开发区", "浙东北")
    assert all(name in m for name, (_r, _c, m) in zip(names, named, strict=True))
    assert all("regions.csv" in f.hint for f in checked.findings if f.rule == "unknown_region")
    got = _records(checked)
    assert got[("431224", "gdp", "2021-01/2021-06")] == (150.0, 4.0, None)
    assert len(got) == 3


def test_ranking_page_nominal_growth_and_unplaced_rank(catalogs, tmp_path):
    """排名 | 城市 | 2018年GDP | 2017年GDP | 名义增速: both years' GDP are read; the nominal
    growth is not stored as GDP's (real) growth, and the rank of no stated year is skipped —
    each said in a warning naming the column."""
    path = _sheet(
        tmp_path / "排行.xlsx",
        [
            ["2018年京津冀各城市GDP排行榜"],
            ["排名", "城市", "2018年GDP(亿元)", "2017年GDP(亿元)", "名义增速"],
            [1, "北京", 30320, 28015, "8.2%"],
            [2, "天津", 18810, 18549, "1.4%"],
            [3, "石家庄", 6083, 6461, "-5.9%"],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110000", "gdp", "2018-01/2018-12")] == (30320.0, None, None)
    assert got[("110000", "gdp", "2017-01/2017-12")] == (28015.0, None, None)
    assert sorted((r, c) for r, c, m in _warnings(checked, "header")) == [(2, "A"), (2, "E")]
    said = {c: m for _r, c, m in _warnings(checked, "header")}
    assert said["E"] == "“名义增速”列未导入：“地区生产总值”的增速按实际（可比价）计"


@pytest.mark.parametrize(
    "rows",
    [
        [
            ["3-9 各地区国内生产总值"],
            ["地 区", "Region", "国内生产总值(亿元)", "第一产业"],
            ["全 国", "National Total", 100, 10],
            ["北 京", "Beijing", 20, 1],
            ["天 津", "Tianjin", 15, 1],
        ],
        [
            ["3-9 各地区国内生产总值"],
            ["地 区", "国内生产总值(亿元)", "第一产业"],
            ["Region", "Gross Domestic Product", "Primary Industry"],
            ["全 国", 100, 10],
            ["北 京", 20, 1],
            ["天 津", 15, 1],
        ],
    ],
    ids=["english-name-column", "english-header-row"],
)
def test_bilingual_yearbook_english_is_not_data(catalogs, tmp_path, rows):
    """A bilingual yearbook's English name column or English header row is not read as data."""
    checked = check_file(_sheet(tmp_path / "双语.xlsx", rows), catalogs, period="1998年")
    assert [f.message for f in checked.findings] == []
    got = _records(checked)
    assert got[("110000", "gdp", "1998-01/1998-12")] == (20.0, None, None)
    assert got[("100000", "primary_va", "1998-01/1998-12")] == (10.0, None, None)
    assert len(got) == 6


def test_price_index_keeps_its_name(catalogs, tmp_path):
    """居民消费价格总指数(CPI) resolves whole; it is not cut to “居民消费价格总”."""
    path = _sheet(
        tmp_path / "月报.xlsx",
        [
            ["湘西州2021年6月主要经济指标"],
            ["指标", "单位", "1-6月", "同比增长%"],
            ["地区生产总值", "亿元", 300, 5.0],
            ["居民消费价格总指数(CPI)", "%", None, 1.2],
        ],
    )
    checked = check_file(path, catalogs)
    assert [f.message for f in checked.findings] == []
    assert _records(checked)[("433100", "cpi", "2021-01/2021-06")] == (None, 1.2, None)


def test_one_finding_per_cell_not_per_indicator_column(catalogs, tmp_path):
    """An unknown region in a row of three indicators is one error, not three."""
    path = _sheet(
        tmp_path / "重复.xlsx",
        [
            ["2021年1-6月各县市区主要经济指标"],
            ["地区", "地区生产总值(亿元)", "规模工业增加值增速%", "固定资产投资增速%"],
            ["全州", 1000, 5.0, 3.0],
            ["吉首县城", 100, 4.0, 2.0],
            ["吉首市", 100, 4.0, 3.0],
        ],
    )
    checked = check_file(path, catalogs)
    assert [(f.rule, f.where.row, f.where.column) for f in checked.findings] == [
        ("unknown_region", 4, "A")
    ]
    assert checked.error_count == 1


def test_section_name_in_the_corner_over_roles(catalogs, tmp_path):
    """A district page: 规模以上工业 | 1-10月累计 | 同比增长(±%), indicators down; the 产销率
    row's “-3.9个百分点” is a warning, not a growth."""
    path = _sheet(
        tmp_path / "东城.xlsx",
        [
            ["规模以上工业", "1-10月\n累计", "同比增长\n(±%)"],
            ["现价工业总产值(万元)", 270314, -12.9],
            ["#出口交货值", 0, "—"],
            ["工业产销率(%)", 96.8, "-3.9个\n百分点"],
        ],
    )
    checked = check_file(path, catalogs, region_scope="东城区", period="2023年1-10月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got == {("110101", "industry_output", "2023-01/2023-10"): (27.0314, -12.9, None)}
    assert (4, "C") in [(r, c) for r, c, _m in _warnings(checked, "not_a_number")]


def test_rate_column_over_percent_is_named_not_dropped(catalogs, tmp_path):
    """产销率 over (%) beside 工业总产值 over (万元): a rate's level column, which the catalogue
    does not hold, is named in a warning; it is neither dropped unsaid nor read as a growth."""
    path = _sheet(
        tmp_path / "产销率.xlsx",
        [
            ["2021年1-6月各区规模以上工业"],
            ["地区", "工业总产值", "产销率"],
            [None, "(万元)", "(%)"],
            ["全市", 1000, 98.0],
            ["东城区", 300, 96.7],
            ["西城区", 700, 98.6],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert [(r, c) for r, c, _m in _warnings(checked, "unknown_indicator")] == [(2, "C")]
    got = _records(checked)
    assert got[("110101", "industry_output", "2021-01/2021-06")] == (0.03, None, None)
    assert len(got) == 3


def test_explain_names_the_year_column_of_a_years_down_table(catalogs):
    """--explain on the 厦门 yearbook table: column A holds the years, B the GDP in 万元."""
    from xingshi.ingest.layouts.explain import explain_file

    path = (
        Path(__file__).parent
        / "data"
        / "published"
        / "31-厦门市统计局-统计年鉴2024-地区生产总值.xlsx"
    )
    lines = explain_file(path, catalogs, region_scope="厦门市").splitlines()
    assert "  地区：--region-scope 厦门市" in lines
    assert "  A 列 — 时期：1950年、1951年、1952年 等 32 项" in lines
    assert "  B 列 — 地区生产总值·总量（1950年、1951年、1952年 等 32 项），单位 万元" in lines


# --- Batch 4 ------------------------------------------------------------------------------------


def test_amount_rank_and_growth_rank_beside_quantity(catalogs, tmp_path):
    """数 量 | 位 次 | 增长率 | 位 次: the first rank is the amount's, the second the growth's."""
    path = _sheet(
        tmp_path / "青海.xlsx",
        [
            ["全国各地区第二产业增加值及排序(2016年)"],
            ["地 区", "第二产业增加值", None, None, None],
            [None, "数 量", "位 次", "增长率", "位 次"],
            ["北 京", 4774.4, 23, 5.6, 25],
            ["天 津", 8003.9, 17, 8.0, 8],
            ["山 西", 4926.4, 22, 1.5, 29],
        ],
        ("A2:A3", "B2:E2"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    frame = checked.normalized.observations
    got = {
        r["region_code"]: (r["level"], r["growth_pct"], r["rank"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got["110000"] == (4774.4, 5.6, 25, 23)
    assert got["140000"] == (4926.4, 1.5, 29, 22)


def test_this_year_and_last_year_groups_over_month_and_cumulative(catalogs, tmp_path):
    """本 年 | 上年同期 | 增长(%) over 本月 | 1-本月 | 上年本月 | 上年1-本月 | 本月 | 累计, with a
    甲 1 2 … row: each column its own period; last year's figures never taken for this year's."""
    path = _sheet(
        tmp_path / "广东.xlsx",
        [
            ["2013年7月社会消费品零售总额"],
            ["金额单位:万元"],
            ["项目", "本 年", None, "上年同期", None, "增长(%)", None],
            [None, "本月", "1-本月", "上年本月", "上年1-本月", "本月", "累计"],
            ["甲", 1, 2, 3, 4, 5, 6],
            ["社会消费品零售额", 20626052.6, 141797902.3, 18266051.9, 126842604.4, 12.9, 11.8],
        ],
        ("A3:A4", "B3:C3", "D3:E3", "F3:G3"),
    )
    checked = check_file(path, catalogs, region_scope="广东省")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("440000", "retail", "2013-07/2013-07")] == (2062.60526, 12.9, None)
    assert got[("440000", "retail", "2013-01/2013-07")] == (14179.79023, 11.8, None)
    assert got[("440000", "retail", "2012-07/2012-07")][0] == 1826.60519
    assert got[("440000", "retail", "2012-01/2012-07")][0] == 12684.26044
    assert not any("甲" in str(f.where.value) for f in checked.findings)


def test_items_marked_with_hash_and_rows_indented_as_far_as_the_hash(catalogs, tmp_path):
    """#地方一般公共预算收入 is an item of 一般公共预算总收入 (a component: imported);
        一般公共预算支出, indented only as far as the #, is the next indicator, not an item;
    期末…余额 is the balance at the period's end."""
    path = _sheet(
        tmp_path / "泉州.xlsx",
        [
            ["国民经济主要指标"],
            ["指标", "单位", "8月", None, "1-8", None],
            [None, None, "数值", "增长(%", "数值", "增长(%"],
            ["二、社会消费品零售总额", "亿元", 480.40, 4.6, 3748.20, 15.2],
            ["    #限额以上社会消费品零售额", "亿元", 142.40, 7.2, 1129.45, 19.7],
            ["四、一般公共预算总收入", "亿元", 67.56, "-", 671.70, 29.0],
            ["    #地方一般公共预算收入", "亿元", 34.98, "-", 365.46, 30.0],
            ["    一般公共预算支出", "亿元", 55.58, "-", 501.18, 12.8],
            ["五、期末金融机构本外币存款余额", "亿元", 9410.61, 10.8, "-", "-"],
            ["    #人民币存款余额", "亿元", 9290.40, 10.4, "-", "-"],
        ],
        ("A2:A3", "B2:B3", "C2:D2", "E2:F2"),
    )
    checked = check_file(path, catalogs, region_scope="泉州市", period="2021年8月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("350500", "retail_above", "2021-01/2021-08")] == (1129.45, 19.7, None)
    assert got[("350500", "fiscal_total", "2021-01/2021-08")] == (671.70, 29.0, None)
    assert got[("350500", "local_fiscal", "2021-01/2021-08")] == (365.46, 30.0, None)
    assert got[("350500", "fiscal_expenditure", "2021-01/2021-08")] == (501.18, 12.8, None)
    assert got[("350500", "deposits", "2021-08/2021-08")] == (9410.61, 10.8, None)
    # the 人民币 part of the balance is not the balance
    assert ("350500", "deposits", "2021-01/2021-08") not in got
    assert len([k for k in got if k[1] == "deposits"]) == 1


def test_indented_item_not_aligned_with_a_hash_stays_an_item(catalogs, tmp_path):
    """# 批发零售业 / 住宿餐饮业 (the name under the name after #): both items, neither imported
    as the 住宿和餐饮业增加值 of the catalogue."""
    path = _sheet(
        tmp_path / "上海.xlsx",
        [
            ["社会消费品零售总额"],
            ["2022年9月"],
            ["指标", "本月", "比去年同月增长(%)", "1-本月", "比去年同期增长(%)"],
            ["社会消费品零售总额(亿元)", 1478.53, 0.3, 11864.63, -10.7],
            ["     # 批发零售业", 1363.93, 0.6, 11055.38, -9.4],
            ["       住宿餐饮业", 114.60, -2.8, 809.25, -24.8],
        ],
    )
    checked = check_file(path, catalogs, region_scope="上海市")
    assert {k[1] for k in _records(checked)} == {"retail"}


def test_cover_line_with_the_year_run_into_the_month(catalogs, tmp_path):
    """A cover line 20218月报 (年 lost in copying) gives the period: 2021年8月, 1-8 is 1-8月."""
    path = _sheet(
        tmp_path / "月报.xlsx",
        [
            ["20218月报"],
            ["国民经济主要指标"],
            ["指标", "单位", "8月", None, "1-8", None],
            [None, None, "数值", "增长(%", "数值", "增长(%"],
            ["二、社会消费品零售总额", "亿元", 480.40, 4.6, 3748.20, 15.2],
        ],
        ("A3:A4", "B3:B4", "C3:D3", "E3:F3"),
    )
    checked = check_file(path, catalogs, region_scope="泉州市")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("350500", "retail", "2021-08/2021-08")] == (480.40, 4.6, None)
    assert got[("350500", "retail", "2021-01/2021-08")] == (3748.20, 15.2, None)


def test_years_over_cities_corner_and_a_second_header_block(catalogs, tmp_path):
    """年份/各地级市 | 2023年GDP | 2022年GDP, and the same header again half-way down for
    earlier years: each block's years are its own."""
    path = _sheet(
        tmp_path / "江西.xlsx",
        [
            ["年份/各地级市", "2023年GDP", "2022年GDP"],
            ["南昌市", 7324.46, 7203.50],
            ["赣州市", 4606.20, 4523.63],
            ["九江市", 3733.45, 4026.60],
            ["年份/各地级市", "2018年GDP", "2017年GDP"],
            ["南昌市", 5119.33, 4547.63],
            ["赣州市", 3170.28, 2805.93],
            ["九江市", 2860.07, 2545.34],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("360100", "gdp", "2023-01/2023-12")][0] == 7324.46
    assert got[("360100", "gdp", "2017-01/2017-12")][0] == 4547.63
    assert got[("360400", "gdp", "2022-01/2022-12")][0] == 4026.60
    assert len(got) == 12


def test_months_across_rows_of_the_whole_district_and_of_a_part(catalogs, tmp_path):
    """月份 | 3月 | 4月 over 全区规上累计 / 全区规上当月 / 区内累计: the title's indicator and
    growth, 累计 from January; 区内 (the district without its zone) is not the district."""
    path = _sheet(
        tmp_path / "沙坪坝.xlsx",
        [
            ["表1上半年,全区规上工业产值增速"],
            ["单位:%"],
            ["月份", "3月", "4月"],
            ["全区规上累计", 51.2, 28.5],
            ["全区规上当月", -3.1, -11.8],
            ["区内累计", 9.2, 9.2],
        ],
    )
    checked = check_file(path, catalogs, region_scope="沙坪坝区", period="2021年6月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got == {
        ("500106", "industry_output", "2021-01/2021-03"): (None, 51.2, None),
        ("500106", "industry_output", "2021-01/2021-04"): (None, 28.5, None),
        ("500106", "industry_output", "2021-03/2021-03"): (None, -3.1, None),
        ("500106", "industry_output", "2021-04/2021-04"): (None, -11.8, None),
    }
    part = [f for f in checked.findings if "区内累计" in f.message]
    assert [(f.severity, f.where.row, f.where.column) for f in part] == [("warning", 6, "A")]


def test_bulletin_cover_with_city_district_and_publication_date(catalogs, tmp_path):
    """2023年驻马店市驿城区…统计公报 / 2024年6月6日 / 表1 2023年全区生产总值: the district the
    cover names (not its city), the year of the table's title (not the day of publication),
    and 工业 under 第二产业 its 工业增加值."""
    path = _sheet(
        tmp_path / "公报.xlsx",
        [
            ["2023年驻马店市驿城区国民经济和社会发展统计公报"],
            ["驻马店市驿城区统计局"],
            ["2024年6月6日"],
            ["表1 2023年全区生产总值"],
            ["指 标", "绝对数\n(亿元)", "比上年增长\n(%)"],
            ["生产总值", 613.52, 4.7],
            ["第二产业", 241.26, 4.2],
            ["工业", 176.90, 3.8],
            ["建筑业", 64.58, 4.8],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert set(got) == {
        ("411702", code, "2023-01/2023-12")
        for code in ("gdp", "secondary_va", "industry_added", "construction_va")
    }
    assert got[("411702", "industry_added", "2023-01/2023-12")] == (176.90, 3.8, None)


def test_unmarked_row_named_like_a_component_of_another_indicator_stays_unknown(catalogs, tmp_path):
    """工业 under 固定资产投资 is not 工业增加值 (not a component of the investment): skipped."""
    path = _sheet(
        tmp_path / "投资.xlsx",
        [
            ["2023年驿城区主要指标"],
            ["指 标", "绝对数\n(亿元)", "比上年增长\n(%)"],
            ["固定资产投资", 100.0, 5.0],
            ["工业", 30.0, 8.0],
        ],
    )
    checked = check_file(path, catalogs)
    assert {k[1] for k in _records(checked)} == {"fai"}


def test_per_capita_in_dollars_is_left_out_not_an_error(catalogs, tmp_path):
    """广州 yearbook: 人均GDP in 元 and in 美元 side by side; the 美元 column is a warning."""
    path = _sheet(
        tmp_path / "广州.xlsx",
        [
            ["1-11 主要年份地区生产总值"],
            ["单位:万元"],
            ["年 份", "地区生产总值", "人均地区生产\n总值 (元)", "人均地区生产\n总值(美元)"],
            ["1985", 1243623, 2302, 784],
            ["1986", 1395466, 2536, 734],
            ["1987", 1732050, 3092, 831],
        ],
    )
    checked = check_file(path, catalogs, region_scope="广州市")
    assert _errors(checked) == []
    clash = [f for f in checked.findings if f.rule == "unit_clash"]
    assert clash and all(f.severity == "warning" and "美元" in f.message for f in clash)
    got = _records(checked)
    assert got[("440100", "gdp_per_capita", "1985-01/1985-12")] == (2302, None, None)
    assert got[("440100", "gdp", "1986-01/1986-12")] == (139.5466, None, None)


def test_industry_under_in_gdp_group_is_its_component(catalogs, tmp_path):
    """工 业 | 建筑业 under 地区生产总值中 (“In GDP”): 工业增加值 and 建筑业增加值."""
    path = _sheet(
        tmp_path / "广州.xlsx",
        [
            ["单位:万元"],
            ["年 份", "地区生产总值", "地区生产总值中", None],
            [None, None, "工 业", "建筑业"],
            ["1978", 430947, 243585, 8894],
            ["1980", 575497, 295337, 18397],
            ["1985", 1243623, 577048, 81082],
        ],
        ("A2:A3", "B2:B3", "C2:D2"),
    )
    checked = check_file(path, catalogs, region_scope="广州市")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("440100", "industry_added", "1978-01/1978-12")] == (24.3585, None, None)
    assert got[("440100", "construction_va", "1978-01/1978-12")] == (0.8894, None, None)


def test_amount_rank_growth_rank_of_a_yearbook_ranking_table(catalogs, tmp_path):
    """青海 yearbook 23-2: 数量 | 位次 | 增长率 | 位次 — the first 位次 ranks the amount."""
    path = _sheet(
        tmp_path / "青海.xlsx",
        [
            ["23-2 全国各地区第二、三产业增加值及排序(2016年)"],
            ["单位:亿元"],
            ["地 区", "Region", "第二产业增加值", None, None, None],
            [None, None, "数 量", "位 次", "增长率", "位 次"],
            ["北 京", "Beijing", 4774.4, 23, 5.6, 25],
            ["天 津", "Tianjin", 8003.9, 17, 8.0, 8],
            ["河 北", "Hebei", 15058.5, 6, 4.9, 27],
        ],
        ("A3:A4", "B3:B4", "C3:F3"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    frame = checked.normalized.observations
    got = {
        r["region_code"]: (r["level"], r["growth_pct"], r["rank"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got["110000"] == (4774.4, 5.6, 25, 23)
    assert got["130000"] == (15058.5, 4.9, 27, 6)


def test_years_between_the_name_and_its_roles(catalogs, tmp_path):
    """青海 yearbook 23-3: 人均生产总值 over 2012 | 2013 over 数量 | 位次 | 增长率 | 位次."""
    path = _sheet(
        tmp_path / "青海.xlsx",
        [
            ["23-3 全国各地区人均GDP和增长率及排序(2012-2013年)"],
            ["单位:元、%"],
            ["地 区", "Region", "人均生产总值", None, None, None, None, None, None, None],
            [None, None, "Per Capita GDP", None, None, None, None, None, None, None],
            [None, None, 2012, None, None, None, 2013, None, None, None],
            [None, None, "数 量", "位 次", "增长率", "位 次", "数 量", "位 次", "增长率", "位 次"],
            ["北 京", "Beijing", 87475, 2, 4.9, 31, 93213, 2, 5.2, 31],
            ["天 津", "Tianjin", 93173, 1, 9.2, 24, 99607, 1, 7.9, 25],
            ["河 北", "Hebei", 36584, 15, 8.9, 26, 38716, 16, 7.5, 29],
        ],
        ("A3:A6", "B3:B6", "C3:J3", "C4:J4", "C5:F5", "G5:J5"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert not [f for f in checked.findings if f.rule in ("merged_cells", "unknown_indicator")]
    frame = checked.normalized.observations
    got = {
        (r["region_code"], r["period"]): (r["level"], r["growth_pct"], r["rank"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got[("110000", "2012-01/2012-12")] == (87475, 4.9, 31, 2)
    assert got[("130000", "2013-01/2013-12")] == (38716, 7.5, 29, 16)
    assert len(got) == 6


def test_left_rank_of_the_period_with_a_growth(catalogs, tmp_path):
    """GDP排名 | 省区市 | 2012年上半年 GDP | 2013年上半年 GDP | GDP增速 | 增速排名: the left rank
    ranks the 2013 amounts (the period whose growth is given), 增速排名 the growth."""
    path = _sheet(
        tmp_path / "排名.xlsx",
        [
            ["2013年全国大城市经济总量排名(TOP60)--根据2013年上半年GDP数据。"],
            [
                "GDP排名",
                "省区市",
                "2012年上半年 GDP(亿元)",
                "2013年上半年 GDP(亿元)",
                "GDP增速",
                "增速排名",
            ],
            [11, "南京市", 3398.10, 3788.32, "10.90%", 20],
            [12, "大连市", 3400.90, 3750.00, "9.30%", 38],
            [13, "杭州市", 3372.68, 3632.47, "8.00%", 52],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    frame = checked.normalized.observations
    got = {
        (r["region_code"], r["period"]): (r["level"], r["growth_pct"], r["rank"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got[("210200", "2013-01/2013-06")] == (3750.0, 9.3, 38, 12)
    assert got[("210200", "2012-01/2012-06")] == (3400.9, None, None, None)


def test_province_of_each_city_is_left_out_and_the_rank_is_the_amounts(catalogs, tmp_path):
    """排名 | 城市 | GDP(亿元) | 同比增幅 | 所属省份 (广东1): 所属省份 left out; 排名 ranks GDP."""
    path = _sheet(
        tmp_path / "排名.xlsx",
        [
            ["2018年各大城市GDP排名"],
            ["排名", "城市", "GDP(亿元)", "同比增幅", "所属省份"],
            [3, "深圳", 24691, "7.50%", "广东1"],
            [4, "广州", 23000, "6.50%", "广东2"],
            [5, "重庆", 20363, "6%", "——"],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert [f.where.column for f in checked.findings if f.rule == "header"] == ["E"]
    frame = checked.normalized.observations
    got = {
        r["region_code"]: (r["level"], r["growth_pct"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got["440300"] == (24691, 7.5, 3)
    assert got["500000"] == (20363, 6.0, 5)


def test_text_in_a_column_left_out_is_not_an_error(catalogs, tmp_path):
    """An unknown column is skipped with a warning; its text cells are not numbers to check."""
    path = _sheet(
        tmp_path / "县.xlsx",
        [
            ["2021年各县主要指标"],
            ["地区", "地区生产总值(亿元)", "城市等级"],
            ["吉首市", 210.5, "一类"],
            ["泸溪县", 80.1, "二类"],
        ],
    )
    checked = check_file(path, catalogs, region_scope="湘西州")
    assert _errors(checked) == []
    assert [f.rule for f in checked.findings if f.where.column == "C"] == ["unknown_indicator"]
    assert _records(checked)[("433101", "gdp", "2021-01/2021-12")] == (210.5, None, None)


def test_base_row_of_an_index_table_is_no_zero_growth(catalogs, tmp_path):
    """江苏 yearbook 2002: 1952 | 100.0 | 100.0 | 100.0 at the top of 上年=100 is the base row."""
    path = _sheet(
        tmp_path / "江苏.xlsx",
        [
            ["主要年份国内生产总值指数"],
            ["按可比价计算,上年=100"],
            ["年份", "国内生产总值", "第一产业", "第二产业", "第三产业"],
            ["1952", 100.0, 100.0, 100.0, 100.0],
            ["1955", 111.1, 114.7, 101.7, 107.0],
            ["1957", 100.4, 101.8, 100.5, 97.6],
        ],
    )
    checked = check_file(path, catalogs, region_scope="江苏省")
    assert _errors(checked) == []
    assert [f.where.row for f in checked.findings if f.rule == "index_base"] == [4]
    got = _records(checked)
    assert not [k for k in got if k[2].startswith("1952")]
    assert got[("320000", "gdp", "1955-01/1955-12")] == (None, 11.1, None)
    assert got[("320000", "tertiary_va", "1957-01/1957-12")][1] == pytest.approx(-2.4)


def test_local_fiscal_expenditure_is_the_general_budget_expenditure(catalogs, tmp_path):
    """浙江 yearbook 17-2 heads 一般公共预算支出 as 地方财政支出 (亿元)."""
    path = _sheet(
        tmp_path / "浙江.xlsx",
        [
            ["17-2 各市国民经济主要指标(2015年)"],
            ["城市", "地方财\n政收入\n(亿元)", "地方财\n政支出\n(亿元)"],
            ["杭州市", 1233.88, 1205.48],
            ["宁波市", 1006.41, 1252.64],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("330200", "fiscal_expenditure", "2015-01/2015-12")] == (1252.64, None, None)
    assert got[("330100", "local_fiscal", "2015-01/2015-12")] == (1233.88, None, None)


def test_bilingual_sections_of_shares_then_growth(catalogs, tmp_path):
    """宁波 yearbook 3-14: (2008) in the title; 产业结构 rows (shares, left out) then 增长速度
    rows (growth) over the same counties, named 全市 Ningbo, #鄞州 Yinzhou, 余姚 Yuyao."""
    path = _sheet(
        tmp_path / "宁波.xlsx",
        [
            ["表3-14 各县(市)生产总值结构及增长速度(2008)"],
            ["单位:%"],
            ["地区 Region", "生产总值", "其中  of Which", None],
            [None, None, "第一产业", "第三产业"],
            [None, "Gross Domestic\nProduct", "Primary\nIndustry", "Tertiary\nIndustry"],
            ["产业结构 Structure"],
            ["全市 Ningbo", 100.0, 4.2, 40.4],
            ["    #鄞州     Yinzhou", 100.0, 3.7, 31.6],
            ["  余姚   Yuyao", 100.0, 5.6, 34.0],
            ["增长速度 Grawth Rate"],
            ["全市 Ningbo", 10.1, 4.1, 11.0],
            ["    #鄞州     Yinzhou", 14.0, 3.2, 15.0],
            ["  余姚   Yuyao", 10.4, 5.2, 12.8],
        ],
        ("A3:A5", "B3:B4", "C3:D3"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert [f.where.row for f in checked.findings if f.rule == "layout"] == [6]
    got = _records(checked)
    assert got[("330200", "gdp", "2008-01/2008-12")] == (None, 10.1, None)
    assert got[("330212", "tertiary_va", "2008-01/2008-12")] == (None, 15.0, None)
    assert got[("330281", "primary_va", "2008-01/2008-12")] == (None, 5.2, None)
    assert len(got) == 9


def test_ranking_of_two_years_and_per_capita_with_an_unranked_city(catalogs, tmp_path):
    """2015年GDP排名 | 地级市 | 2014年GDP | 2015年GDP | 人均GDP(元) | 人均GDP排名, and 义乌
    (计划单列) in the rank column: each rank ranks its amount; the note is no rank."""
    path = _sheet(
        tmp_path / "浙江.xlsx",
        [
            ["2015年浙江各市GDP和人均GDP排名"],
            [
                "2015年GDP排名",
                "地级市",
                "2014年GDP(亿元)",
                "2015年GDP(亿元)",
                "人均GDP(元)",
                "人均GDP排名",
            ],
            [1, "杭州", 9201.16, 10053.58, 113063.20, 1],
            [11, "舟山", 1021.66, 1094.7, 95523.56, 3],
            [None, "义乌", 968.6, 1046, 83613.11, "计划单列"],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert [f.where.column for f in checked.findings if f.rule == "not_a_number"] == ["F"]
    frame = checked.normalized.observations
    got = {
        (r["region_code"], r["indicator"], r["period"]): (r["level"], r["rank"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got[("330900", "gdp", "2015-01/2015-12")] == (1094.7, None, 11)
    assert got[("330900", "gdp", "2014-01/2014-12")] == (1021.66, None, None)
    assert got[("330900", "gdp_per_capita", "2015-01/2015-12")] == (95523.56, None, 3)
    assert got[("330782", "gdp_per_capita", "2015-01/2015-12")] == (83613.11, None, None)


def test_short_zone_names_beside_counties_are_warnings(catalogs, tmp_path):
    """嘉兴 ranking: 经开 and 港区 (development zone, port zone) listed beside the counties."""
    path = _sheet(
        tmp_path / "嘉兴.xlsx",
        [
            ["2021年嘉兴各区GDP排行"],
            ["GDP排行", "区域", "2021年GDP(亿元)", "增速(%)"],
            [1, "海宁市", 1196.3, 7],
            [8, "经开", 395.02, 6.1],
            [9, "港区", 209.01, 6.1],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert [f.where.row for f in checked.findings if f.rule == "unknown_region"] == [4, 5]
    assert _records(checked) == {("330481", "gdp", "2021-01/2021-12"): (1196.3, 7.0, None)}


def test_amount_in_yuan_beside_its_dollar_conversion(catalogs, tmp_path):
    """广西 list: 行政区 | 地区生产总值(GDP)[注 2] over 本币(亿元) | 美元[注 4](亿元) | 位次 |
    比重: the 本币 column is the GDP, 美元 (亿 of dollars) is left out, 位次 ranks the amount."""
    path = _sheet(
        tmp_path / "广西.xlsx",
        [
            ["2021年广西壮族自治区各市地区生产总值列表[注 1]"],
            ["行政区", "地区生产总值(GDP)[注 2]", None, None, None],
            [None, "本币\n(亿元)", "美元[注 4]\n(亿元)", "位次", "比重[注 5]\n(%)"],
            ["南宁市", "5,120.94", 793.77, 1, 20.70],
            ["柳州市", "3,057.24", 473.89, 2, 12.36],
            ["桂林市", "2,311.06", 358.23, 3, 9.34],
        ],
        ("A2:A3", "B2:E2"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert any("美元" in f.message and f.where.column == "C" for f in checked.findings)
    frame = checked.normalized.observations
    got = {
        r["region_code"]: (r["level"], r["rank"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got == {
        "450100": (5120.94, None, 1),
        "450200": (3057.24, None, 2),
        "450300": (2311.06, None, 3),
    }


def test_unit_of_a_name_group_applies_to_its_parts(catalogs, tmp_path):
    """生产总值(万元) merged over 第一产业 | 第二产业: the parts are in 万元 too, not 亿元."""
    path = _sheet(
        tmp_path / "县.xlsx",
        [
            ["2015年各县主要指标"],
            ["地区", "生产总值(万元)", None, None],
            [None, None, "第一产业", "第二产业"],
            ["吉首市", 2100000, 100000, 800000],
            ["泸溪县", 800000, 90000, 300000],
        ],
        ("A2:A3", "B2:D2"),
    )
    checked = check_file(path, catalogs, region_scope="湘西州")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("433101", "gdp", "2015-01/2015-12")] == (210.0, None, None)
    assert got[("433101", "primary_va", "2015-01/2015-12")] == (10.0, None, None)
    assert got[("433122", "secondary_va", "2015-01/2015-12")] == (30.0, None, None)


def _level_ranks(checked) -> dict[tuple[str, str], Any]:
    frame = checked.normalized.observations
    return {
        (r["region_code"], r["indicator"]): r["level_rank"] for r in frame.iter_rows(named=True)
    }


@pytest.mark.parametrize(
    ("ranks", "ranked"),
    [([1, 2, 3, 4], "gdp"), ([2, 1, 3, 4], None)],
    ids=["follows-gdp", "follows-none"],
)
def test_plain_rank_left_of_names_ranks_the_amount_it_orders(catalogs, tmp_path, ranks, ranked):
    """排名 | 城市 | GDP | 第一产业: the ranks order the rows by GDP, so they are GDP's; ranks
    that follow no column are left out with a warning, never given to one by guess."""
    path = _sheet(
        tmp_path / "排名.xlsx",
        [
            ["2009年湖南各市GDP"],
            ["排名", "城市", "GDP(亿元)", "第一产业(亿元)"],
            [ranks[0], "长沙", 3744.76, 179.37],
            [ranks[1], "岳阳", 1272.15, 190.19],
            [ranks[2], "常德", 1239.23, 257.39],
            [ranks[3], "衡阳", 1168.01, 240.49],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _level_ranks(checked)
    assert got[("430100", "primary_va")] is None
    if ranked:
        assert [got[(c, "gdp")] for c in ("430100", "430600", "430700", "430400")] == [1, 2, 3, 4]
    else:
        assert {got[(c, "gdp")] for c in ("430100", "430600", "430700", "430400")} == {None}
        assert any("排名" in f.message for f in checked.findings)


def test_title_row_in_the_rank_column_is_not_a_rank(catalogs, tmp_path):
    """A section title written in the rank column inside the table is skipped, not an error."""
    path = _sheet(
        tmp_path / "人均.xlsx",
        [
            ["排名", "地区", "地区生产总值", "人均GDP"],
            ["人均1万美元以上的地级市"],
            [1, "苏州市", 6701.29, 106412],
            [2, "东营市", 2052.62, 102741],
            [3, "深圳市", 7806.54, 89814],
            [4, "广州市", 8215.82, 81223],
        ],
    )
    checked = check_file(path, catalogs, period="2008年")
    assert _errors(checked) == []
    got = _level_ranks(checked)
    assert got[("320500", "gdp_per_capita")] == 1 and got[("440300", "gdp_per_capita")] == 3
    assert got[("320500", "gdp")] is None


def test_numbers_of_a_lead_sentence_are_no_period(catalogs, tmp_path):
    """2009年衡阳GDP为1168.01人民币 above the table: the period is 2009, not “1168.01”."""
    path = _sheet(
        tmp_path / "排名.xlsx",
        [
            ["2009年长沙GDP为3744.76人民币;2009年衡阳GDP为1168.01人民币,在湖南各市中排第四名。"],
            ["城市", "GDP(亿元)"],
            ["长沙", 3744.76],
            ["衡阳", 1168.01],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430100", "gdp", "2009-01/2009-12")] == (3744.76, None, None)
    assert got[("430400", "gdp", "2009-01/2009-12")] == (1168.01, None, None)


def test_renamed_counties_and_a_city_named_like_its_district(catalogs, tmp_path):
    """宁乡县 (now 宁乡市) and 海门市 (now 海门区) under their old names; 嘉峪关市 is the city,
    not the district of the same name the division codes give it."""
    path = _sheet(
        tmp_path / "县.xlsx",
        [
            ["县市", "2016年GDP(亿元)"],
            ["宁乡县", 1098.35],
            ["海门市", 1005.06],
            ["嘉峪关市", 200.5],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430182", "gdp", "2016-01/2016-12")] == (1098.35, None, None)
    assert got[("320614", "gdp", "2016-01/2016-12")] == (1005.06, None, None)
    assert got[("620200", "gdp", "2016-01/2016-12")] == (200.5, None, None)


def test_column_without_its_year_beside_one_with_it_is_left_out(catalogs, tmp_path):
    """GDP(亿元) | 2015年GDP(亿元) under a 2015 title: the first is another year's (2014's on
    the page); it is left out with a warning, not stored as 2015 beside the real 2015."""
    path = _sheet(
        tmp_path / "贵州.xlsx",
        [
            ["2015年贵州各市GDP排名"],
            ["2015年GDP排名", "地级市", "GDP(亿元)", "2015年GDP(亿元)"],
            [1, "贵阳", 2497.27, 2891.16],
            [3, "六盘水", 1042.73, 1201.08],
            [2, "遵义", 1874.5, 2168.34],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert any("不写时期" in f.message for f in checked.findings)
    got = _records(checked)
    assert got == {
        ("520100", "gdp", "2015-01/2015-12"): (2891.16, None, None),
        ("520200", "gdp", "2015-01/2015-12"): (1201.08, None, None),
        ("520300", "gdp", "2015-01/2015-12"): (2168.34, None, None),
    }
    assert _level_ranks(checked)[("520200", "gdp")] == 3


@pytest.mark.parametrize(("rise", "stored"), [(4.8, True), (2.0, False)], ids=["agree", "disagree"])
def test_price_index_in_the_level_column_beside_its_rise(catalogs, tmp_path, rise, stored):
    """居民消费价格总指数(CPI) | % | 104.80 | 4.8: 104.80 is the index (上年同期=100), the rise
    written again; only the rise is stored. Where the two disagree, nothing is guessed: the
    index read as a rate of 104.8% is refused."""
    path = _sheet(
        tmp_path / "绵阳.xlsx",
        [
            ["2020年1-6月绵阳主要经济指标"],
            ["指标", "单位", "累计", "±%"],
            ["社会消费品零售总额", "亿元", 631.38, -7.8],
            ["居民消费价格总指数(CPI)", "%", 104.80, rise],
        ],
    )
    checked = check_file(path, catalogs)
    got = _records(checked)
    assert got[("510700", "retail", "2020-01/2020-06")] == (631.38, -7.8, None)
    if stored:
        assert _errors(checked) == []
        assert got[("510700", "cpi", "2020-01/2020-06")] == (None, 4.8, None)
    else:
        assert any("104.8" in e for e in _errors(checked))


def test_years_down_table_below_a_county_table(catalogs, tmp_path):
    """A county ranking, then 遵义市历年GDP对比表 (年份 | GDP | 增速) on the same sheet: the
    second is the city's years, not more counties."""
    path = _sheet(
        tmp_path / "遵义.xlsx",
        [
            ["2021年遵义各区GDP排行榜"],
            ["排行", "各区", "2021年GDP(亿元)", "增速(%)"],
            [1, "仁怀市", 1564.49, 12],
            [2, "红花岗区", 481.84, 12.3],
            [],
            ["遵义市历年GDP对比表"],
            ["年份", "GDP(亿元)", "增速(%)"],
            ["2021年", 4169.9, 10.3],
            ["2020年", 3720.05, 4.6],
            ["2019年", 3483.32, 9.7],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("520382", "gdp", "2021-01/2021-12")] == (1564.49, 12.0, None)
    assert got[("520300", "gdp", "2021-01/2021-12")] == (4169.9, 10.3, None)
    assert got[("520300", "gdp", "2020-01/2020-12")] == (3720.05, 4.6, None)
    assert len(got) == 5


def test_total_merged_over_rank_and_name_columns_is_a_name(catalogs, tmp_path):
    """全省 merged over 排名 and 地级市: the province's row, its rank cell no “note” to report."""
    path = _sheet(
        tmp_path / "贵州.xlsx",
        [
            ["2015年贵州各市GDP排名"],
            ["2015年GDP排名", "地级市", "2015年GDP(亿元)"],
            [1, "贵阳", 2891.16],
            [3, "六盘水", 1201.08],
            [2, "遵义", 2168.34],
            ["全省", None, 10502.56],
        ],
        ("A6:B6",),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert not any("位次" in f.message for f in checked.findings)
    assert _records(checked)[("520000", "gdp", "2015-01/2015-12")] == (10502.56, None, None)


def test_provinces_under_a_shengshi_header_and_a_points_change_column(catalogs, tmp_path):
    """省市 | 增长率 | 增速与去年同期比较 under a caption naming the indicator: 省市 heads the
    provinces; the last column is this growth minus last year's (points), left out with a
    warning, never stored as a growth of this year or of last year."""
    path = _sheet(
        tmp_path / "西部.xlsx",
        [
            ["一、工业增速稳中略降"],
            ["规模以上工业增加值 (亿元、%、%)"],
            ["省市", "增长率", "增速与去年同期比较"],
            ["全国", 6.00, -0.20],
            ["重庆", 10.1, -0.90],
            ["陕西", 6.8, 1.10],
        ],
    )
    checked = check_file(path, catalogs, period="2016年1-5月")
    assert _errors(checked) == []
    assert _records(checked) == {
        ("100000", "industry_va", "2016-01/2016-05"): (None, 6.0, None),
        ("500000", "industry_va", "2016-01/2016-05"): (None, 10.1, None),
        ("610000", "industry_va", "2016-01/2016-05"): (None, 6.8, None),
    }
    left_out = [f for f in checked.findings if f.rule == "header"]
    assert [(f.where.row, f.where.column) for f in left_out] == [(3, "C")]


def test_nei_meng_is_inner_mongolia(catalogs, tmp_path):
    """内蒙, the short form western-region comparisons write, is 内蒙古自治区."""
    path = _sheet(
        tmp_path / "西部.xlsx",
        [
            ["2015年1-4月西部地区主要经济指标比较"],
            ["规模以上工业增加值 (亿元、%、%)"],
            ["省市", "增速"],
            ["西藏", 14.7],
            ["内蒙", 8],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert _records(checked)[("150000", "industry_va", "2015-01/2015-04")] == (None, 8.0, None)


def test_rate_column_beside_the_growth_of_an_indicators_down_table(catalogs, tmp_path):
    """指标名称 | 增长(%) | 产销率(%): the last column is each row's own rate, not a region;
    it is left out with a warning, and 工业增加值 under a 规模以上 title is 规模以上工业增加值."""
    path = _sheet(
        tmp_path / "江苏.xlsx",
        [
            ["规模以上工业增加值增速、产销率"],
            ["2020年1-3月"],
            ["指标名称", "增长(%)", "产销率(%)"],
            ["工业增加值", -7.8, 95.4],
            ["#轻工业", -6.0, 96.2],
            ["重工业", -8.5, 95.1],
        ],
    )
    checked = check_file(path, catalogs, region_scope="江苏省")
    assert _errors(checked) == []
    assert _records(checked) == {("320000", "industry_va", "2020-01/2020-03"): (None, -7.8, None)}
    left_out = [f for f in checked.findings if f.rule == "header"]
    assert [(f.where.row, f.where.column) for f in left_out] == [(3, "C")]


def test_composition_section_titled_in_its_header_row_is_left_out(catalogs, tmp_path):
    """1、本地生产总值 | 3月 | 1-3月累计 | 累计增长%, then 3、第三产业增加值构成 | … | 累计增长%
    (the section titles in the header rows): the second holds shares, not levels, though its
    head says 增长; it is left out with a warning instead of clashing with the first."""
    path = _sheet(
        tmp_path / "中山.xlsx",
        [
            ["2018年1-4月主要指标进度数据"],
            ["1、本地生产总值", "3月", "1-3月累计", "累计增长%"],
            ["本地生产总值(亿元)", "——", 720.45, 2.9],
            ["      批发和零售业", "——", 59.58, 2.2],
            ["注:绝对数按现行价计算,相对数按可比价格计算。"],
            [],
            ["3、第三产业增加值构成", "3月", "1-3月累计", "累计增长%"],
            ["      运输仓储邮政业", "——", 3, "——"],
            ["      批发和零售业", "——", 8.27, "——"],
            ["      金融保险", "——", 5.93, "——"],
        ],
    )
    checked = check_file(path, catalogs, region_scope="中山市", period="2018年1-4月")
    assert _errors(checked) == []
    assert _records(checked) == {
        ("442000", "gdp", "2018-01/2018-03"): (720.45, 2.9, None),
        ("442000", "wholesale_retail_va", "2018-01/2018-03"): (59.58, 2.2, None),
    }
    shares = [f for f in checked.findings if "构成（比重）表" in f.message]
    assert [(f.where.row, f.where.column) for f in shares] == [(7, "A")]


def test_transport_under_its_older_short_name(catalogs, tmp_path):
    """运输仓储邮政业 (中山's progress tables) is 交通运输、仓储和邮政业增加值."""
    path = _sheet(
        tmp_path / "中山.xlsx",
        [
            ["2018年1-3月本地生产总值"],
            ["指标", "1-3月累计", "累计增长%"],
            ["本地生产总值(亿元)", 720.45, 2.9],
            ["      运输仓储邮政业", 21.61, 1],
        ],
    )
    checked = check_file(path, catalogs, region_scope="中山市")
    assert _errors(checked) == []
    assert _records(checked)[("442000", "transport_va", "2018-01/2018-03")] == (21.61, 1.0, None)


def test_sections_below_the_first_take_the_title_period(catalogs, tmp_path):
    """A progress report's title (2018年1-4月主要指标进度数据) over several sections, each with
    its own months (3月 | 1-3月累计, then 4月 | 1-4月累计): the sections below take the year
    from the title, not only from a file name that may say nothing."""
    path = _sheet(
        tmp_path / "表.xlsx",
        [
            ["2018年1-4月主要指标进度数据"],
            ["1、本地生产总值", "3月", "1-3月累计", "累计增长%"],
            ["本地生产总值(亿元)", "——", 720.45, 2.9],
            ["注:绝对数按现行价计算,相对数按可比价格计算。"],
            [],
            ["5、规模以上工业产销", "4月", "1-4月累计", "累计增长%"],
            ["规模以上工业增加值(亿元)", 89.36, 316.44, 1.5],
            ["规模以上工业销售产值(亿元)", 430.9, 1512.62, 3.8],
        ],
    )
    checked = check_file(path, catalogs, region_scope="中山市")
    assert _errors(checked) == []
    assert _records(checked) == {
        ("442000", "gdp", "2018-01/2018-03"): (720.45, 2.9, None),
        ("442000", "industry_va", "2018-04/2018-04"): (89.36, None, None),
        ("442000", "industry_va", "2018-01/2018-04"): (316.44, 1.5, None),
    }


def test_unit_in_a_region_header_is_the_columns_not_the_names(catalogs, tmp_path):
    """指标 | 全州(%) | 吉首市(%): the regions are 全州 (the prefecture) and 吉首市, not 全州县
    of 广西; the (%) is the figures' unit, so a rate is stored and a % under an 亿元 indicator
    is refused as a unit clash, never stored as a level in 亿元."""
    path = _sheet(
        tmp_path / "湘西.xlsx",
        [
            ["2021年1-6月湘西州各县市主要指标"],
            ["指标", "全州(%)", "吉首市(%)"],
            ["城镇登记失业率", 3.1, 2.9],
            ["规模工业增加值", 8.1, 9.2],
        ],
    )
    checked = check_file(path, catalogs)
    got = _records(checked)
    assert got[("433100", "registered_unemployment", "2021-01/2021-06")] == (3.1, None, None)
    assert got[("433101", "registered_unemployment", "2021-01/2021-06")] == (2.9, None, None)
    assert "450324" not in {region for region, _i, _p in got}
    clashes = [f for f in checked.findings if f.severity == "error" and "不相容" in f.message]
    assert [f.where.row for f in clashes] == [4]


@pytest.mark.parametrize("caption", [True, False], ids=["caption", "sentence-only"])
def test_lead_sentence_naming_other_indicators_does_not_name_the_table(catalogs, tmp_path, caption):
    """省市 | 增速 under a lead sentence on 固定资产投资 and 社会消费品零售总额: the caption
    nearest the header (规模以上工业增加值 (亿元、%、%)) names the table's indicator; without
    it, the sentence names two and the table is refused, not read as 社零."""
    rows = [
        ["2015年1-4月西部地区主要经济指标比较"],
        ["1-4月,西部地区固定资产投资增长放缓,社会消费品零售总额平稳增长。"],
        *([["规模以上工业增加值 (亿元、%、%)"]] if caption else []),
        ["省市", "增速"],
        ["西藏", 14.7],
        ["重庆", 11],
    ]
    checked = check_file(_sheet(tmp_path / "西部.xlsx", rows), catalogs)
    if caption:
        assert _errors(checked) == []
        assert _records(checked) == {
            ("540000", "industry_va", "2015-01/2015-04"): (None, 14.7, None),
            ("500000", "industry_va", "2015-01/2015-04"): (None, 11.0, None),
        }
    else:
        assert _records(checked) == {}
        assert any("没有指标名" in e for e in _errors(checked))


def test_year_column_beside_its_index_on_the_previous_year(catalogs, tmp_path):
    """Blank corner over 2011年 | 2011年为上年% | 占地区生产总值, each wrapped onto a second
    header line ((按可比价计算), 比重%): the level, the growth (index − 100), a share left out."""
    path = _sheet(
        tmp_path / "表2-1.xlsx",
        [
            ["表2—1  全市地区生产总值"],
            [None, None, None, "计量单位:亿元"],
            [None, "2011年", "2011年为上年%", "占地区生产总值"],
            [None, None, "(按可比价计算)", "比重%"],
            ["地区生产总值", 6145.52, 112, 100],
            ["第一产业", 164.27, 104.1, 2.7],
        ],
        ("B3:B4",),
    )
    checked = check_file(path, catalogs, region_scope="南京市")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("320100", "gdp", "2011-01/2011-12")] == (6145.52, 12.0, None)
    level, growth, _rank = got[("320100", "primary_va", "2011-01/2011-12")]
    assert (level, round(growth, 6)) == (164.27, 4.1)
    assert len(got) == 2
    assert any("比重" in f.message and f.severity == "warning" for f in checked.findings)


def test_industries_indented_unevenly_under_the_first(catalogs, tmp_path):
    """第一产业, then 第二产业 and 工业 indented under it (a page's loose indents): 第二产业 is
    a part of GDP beside 第一产业, 工业 a part of 第二产业; items of an investment stay out."""
    path = _sheet(
        tmp_path / "表2-1.xlsx",
        [
            ["2011年全市地区生产总值"],
            ["指标", "2011年"],
            ["地区生产总值", 6145.52],
            ["第一产业", 164.27],
            ["    第二产业", 2760.84],
            ["      工业", 2390.51],
            ["建筑业", 370.33],
            ["全社会固定资产投资", 4010.0],
            ["   第二产业", 900.0],
            ["        工业", 880.0],
        ],
    )
    checked = check_file(path, catalogs, region_scope="南京市")
    assert _errors(checked) == []
    got = _records(checked)
    year = "2011-01/2011-12"
    assert got[("320100", "secondary_va", year)] == (2760.84, None, None)
    assert got[("320100", "industry_added", year)] == (2390.51, None, None)
    assert got[("320100", "construction_va", year)] == (370.33, None, None)
    assert got[("320100", "fai", year)] == (4010.0, None, None)
    assert len(got) == 6


def test_per_capita_by_registered_population_is_not_the_catalogues(catalogs, tmp_path):
    """附:按户籍…人均地区生产总值 beside 按常住…人均地区生产总值: the resident one is the
    catalogue's per-capita GDP; the registered one is left out with a warning naming it."""
    path = _sheet(
        tmp_path / "表2-1.xlsx",
        [
            ["2011年全市地区生产总值"],
            ["指标", "2011年"],
            ["其他服务业", 1159.01],
            ["附:按户籍平均人口计算的人均地区生产总值(元)", 96872],
            ["    按常住平均人口计算的人均地区生产总值(元)", 76263],
        ],
    )
    checked = check_file(path, catalogs, region_scope="南京市")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("320100", "gdp_per_capita", "2011-01/2011-12")] == (76263, None, None)
    assert got[("320100", "other_va", "2011-01/2011-12")] == (1159.01, None, None)
    assert len(got) == 2
    assert any("户籍" in f.message and f.severity == "warning" for f in checked.findings)


def test_a_run_of_quarters_in_a_title_is_january_to_its_last_month(catalogs, tmp_path):
    """2013年1-3季度 in a title is January to September, not the third quarter alone."""
    path = _sheet(
        tmp_path / "表1.xlsx",
        [
            ["根据有关资料,2013年1-3季度国内生产总值(GDP)初步核算结果如下:"],
            ["指标", "总量(亿元)", "增长(%)"],
            ["国内生产总值", 386762, 7.7],
        ],
    )
    checked = check_file(path, catalogs, region_scope="全国")
    assert _errors(checked) == []
    assert _records(checked) == {("100000", "gdp", "2013-01/2013-09"): (386762, 7.7, None)}


def test_absolute_amount_beside_growth_of_a_quarters_release(catalogs, tmp_path):
    """绝对额(亿元) | 比去年同期增长(%) under a title of 2013年1-3季度: the level and its growth
    for January to September, not a region “绝对额” nor the third quarter alone."""
    path = _sheet(
        tmp_path / "表1.xlsx",
        [
            ["表1:2013年1-3季度国内生产总值初步核算数据"],
            [None, "绝对额(亿元)", "比去年同期增长(%)"],
            ["国内生产总值", 386762, 7.7],
            ["第一产业", 35669, 3.4],
        ],
    )
    checked = check_file(path, catalogs, region_scope="全国")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("100000", "gdp", "2013-01/2013-09")] == (386762, 7.7, None)
    assert got[("100000", "primary_va", "2013-01/2013-09")] == (35669, 3.4, None)
    assert len(got) == 2


def test_a_citys_urban_districts_in_the_title_are_not_the_city(catalogs, tmp_path):
    """1-9 市区历年地区生产总值 under --region-scope 金华市: the figures are 市区's (its districts
    together), not the city's: refused whole, saying so. A title naming 沙市区 or 各县市区 is
    no such table."""
    rows = [
        ["1-9 市区历年地区生产总值及构成"],
        ["年份", "生产总值(万元)"],
        ["2003", 1463146],
        ["2004", 1802940],
        ["2005", 2052164],
    ]
    checked = check_file(_sheet(tmp_path / "表1-9.xlsx", rows), catalogs, region_scope="金华市")
    assert _records(checked) == {}
    errors = [f for f in checked.findings if f.severity == "error"]
    assert len(errors) == 1 and "市区" in errors[0].message
    assert errors[0].where.sheet and errors[0].hint
    rows[0] = ["沙市区历年地区生产总值"]
    checked = check_file(_sheet(tmp_path / "沙市区.xlsx", rows), catalogs)
    assert _errors(checked) == []
    assert _records(checked)[("421002", "gdp", "2005-01/2005-12")] == (205.2164, None, None)
    rows[0] = ["全市区域历年地区生产总值"]
    checked = check_file(_sheet(tmp_path / "全市.xlsx", rows), catalogs, region_scope="金华市")
    assert _errors(checked) == []
    assert _records(checked)[("330700", "gdp", "2005-01/2005-12")] == (205.2164, None, None)


def test_a_table_of_fixed_base_indexes_only_is_refused_saying_why(catalogs, tmp_path):
    """地区生产总值指数(1978-2010年,1978=100): every column a fixed-base index, none a growth
    on the previous year (121.8 in 1980 is no growth of 21.8%): refused, naming the column."""
    path = _sheet(
        tmp_path / "4-3.xlsx",
        [
            ["4- 3 地区生产总值指数(1978-2010年,1978=100)"],
            ["年 份", "地区生产总值", "第一产业"],
            [1978, 100.0, 100.0],
            [1979, 108.6, 104.4],
            [1980, 121.8, 101.7],
        ],
    )
    checked = check_file(path, catalogs, region_scope="常州市")
    assert _records(checked) == {}
    errors = [f for f in checked.findings if f.severity == "error"]
    assert len(errors) == 1 and "定基指数" in errors[0].message
    assert errors[0].where.sheet and errors[0].where.column and errors[0].hint


def test_rank_of_the_total_value_ranks_the_amount(catalogs, tmp_path):
    """位次(GDP总值) beside GDP and its real growth: the rank follows the amount, not the growth."""
    path = _sheet(
        tmp_path / "安徽.xlsx",
        [
            ["2021年安徽各市GDP列表"],
            ["地区", "位次\n(GDP总值)", "GDP(亿元)", "年增幅\n实际(GDP/%)"],
            ["合肥市", 1, 11412.80, 9.2],
            ["芜湖市", 2, 4302.63, 11.6],
            ["滁州市", 3, 3362.11, 9.9],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    frame = checked.normalized.observations
    got = {(r["region_code"], r["rank"], r["level_rank"]) for r in frame.iter_rows(named=True)}
    assert got == {("340100", None, 1), ("340200", None, 2), ("341100", None, 3)}


def test_parts_of_an_amount_on_a_third_header_row(catalogs, tmp_path):
    """地区生产总值 over 位次 | GDP(本币) | GDP(美元) | 年增幅 实际 | 年增幅 名义, GDP(本币) merged
    over 总值 | 第一产业: each part its amount, the real growth and the rank GDP's again; 人均GDP
    over 位次(人均) | 人均(本币) with no growth of its own: that rank is the amount's."""
    path = _sheet(
        tmp_path / "安徽.xlsx",
        [
            ["2021年安徽各市GDP与人均GDP列表(单位:GDP/亿元;人均/元)"],
            [None, "地区生产总值(GDP)", *[None] * 5, "人均GDP", None],
            [
                None,
                "位次\n(GDP总值)",
                "GDP\n(本币)",
                None,
                "GDP\n(美元)",
                "年增幅\n实际(GDP/%)",
                "年增幅\n名义(GDP/%)",
                "位次\n(人均)",
                "人均\n(本币)",
            ],
            [None, None, "总值", "第一产业", *[None] * 5],
            ["合肥市", 1, 11412.80, 351.05, 1450.40, 9.2, 14.06, 1, 120579],
            ["芜湖市", 2, 4302.63, 169.58, 538.40, 11.6, 15.84, 2, 117174],
            ["马鞍山市", 6, 2439.33, 104.23, 304.81, 9.1, 16.01, 3, 113089],
        ],
        ("A2:A4", "B2:G2", "H2:I2", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "G3:G4", "H3:H4", "I3:I4"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    frame = checked.normalized.observations
    got = {
        (r["region_code"], r["indicator"]): (r["level"], r["growth_pct"], r["level_rank"])
        for r in frame.iter_rows(named=True)
    }
    assert got[("340100", "gdp")] == (11412.80, 9.2, 1)
    assert got[("340100", "primary_va")] == (351.05, None, None)
    assert got[("340100", "gdp_per_capita")] == (120579, None, 1)
    assert got[("340500", "gdp")] == (2439.33, 9.1, 6)
    assert got[("340500", "gdp_per_capita")] == (113089, None, 3)
    assert len(got) == 9


def test_figures_after_a_note_line_that_no_reader_places_are_named(catalogs, tmp_path):
    """表1 … 注:… then 表2:GDP环比增长速度 (quarters down, one 环比 column): the second table
    is not read, and a warning names the row where its figures start (no silent drop)."""
    path = _sheet(
        tmp_path / "2013年1-3季度国内生产总值.xlsx",
        [
            ["表1:2013年1-3季度国内生产总值初步核算数据"],
            [None, "绝对额(亿元)", "比去年同期增长(%)"],
            ["国内生产总值", 386762, 7.7],
            ["注:绝对额按现价计算,增长速度按不变价计算。"],
            ["表2:GDP环比增长速度"],
            [None, "环比增长速度(%)"],
            ["2013年1季度", 1.5],
            ["2季度", 1.9],
        ],
    )
    checked = check_file(path, catalogs, region_scope="全国")
    assert _errors(checked) == []
    assert _records(checked)[("100000", "gdp", "2013-01/2013-09")] == (386762, 7.7, None)
    skipped = [f for f in checked.findings if "不在可识别的表格中" in f.message]
    assert [(f.severity, f.where.row) for f in skipped] == [("warning", 7)]


def test_bare_year_columns_after_a_forecast_take_the_title_indicator(catalogs, tmp_path):
    """排名 | 地区 | 2017年预测 | 增长率 | 2016年 | 2015年 under 中国城市GDP排名: the bare years are
    the title's GDP, as amounts (the title's 排名 is the list's own 排名 column); the forecast and
    its 增长率 are no statistics and are not stored."""
    path = _sheet(
        tmp_path / "城市.xlsx",
        [
            ["中国城市GDP排名"],
            ["排名", "地区", "2017年预测", "增长率", "2016年", "2015年"],
            [1, "上海", 30402, "10.7%", 28178.7, 25123.5],
            [2, "北京", 28056, "12.7%", 25669.1, 23014.6],
            [3, "深圳", 22471, "11.9%", 20078.6, 17502.9],
            [4, "广州", 21664, "10.5%", 19805.4, 18100.4],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("310000", "gdp", "2016-01/2016-12")] == (28178.7, None, None)
    assert got[("440100", "gdp", "2015-01/2015-12")] == (18100.4, None, None)
    assert sorted({p for _r, _i, p in got}) == ["2015-01/2015-12", "2016-01/2016-12"]


def test_forum_list_of_districts_with_rank_in_the_name_and_year_release_headers(catalogs, tmp_path):
    """排名、市区县 | 所属市 | 2009初 | 2010核 | 2011 over 1、铁西区: the corner heads the names
    (its rank word is the list's, written in the names' cells), 2009初/2010核 are the years'
    preliminary and final figures, the plain 2011 a year; all the title's GDP, as amounts."""
    path = _sheet(
        tmp_path / "辽宁各区GDP排行.xlsx",
        [
            ["编者按:二百亿元以上:2009年16个、10为24个。"],
            ["排名、市区县", "所属市", "2009初", "2010核", 2011],
            ["1、沈河区", "沈阳1", 416, 652.00, 739.23],
            ["2、金州区", "大连2", 469.3, 1100.42, 1321.08],
            ["3、于洪区", "沈阳3", 338, 324.86, 385.88],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("210103", "gdp", "2009-01/2009-12")] == (416, None, None)
    assert got[("210213", "gdp", "2010-01/2010-12")] == (1100.42, None, None)
    assert got[("210114", "gdp", "2011-01/2011-12")] == (385.88, None, None)
    assert len(got) == 9


def test_a_belongs_to_column_tells_which_of_two_same_named_districts(catalogs, tmp_path):
    """市区县 | 所属市 | 2012 over 铁西区 | 沈阳1 and 铁东区 | 鞍山5: 铁西区 and 铁东区 are each
    the name of districts of several cities; the row's 所属市 (its city, with the rank there)
    says whose; 东陵区, renamed 浑南区 in 2014, is 浑南区."""
    path = _sheet(
        tmp_path / "辽宁各区GDP.xlsx",
        [
            ["辽宁各市辖区GDP"],
            ["市区县", "所属市", 2012],
            ["铁西区", "沈阳1", 1104.97],
            ["铁东区", "鞍山5", 396.29],
            ["和平区", "沈阳2", 700.33],
            ["东陵区", "沈阳8", 442.73],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("210106", "gdp", "2012-01/2012-12")] == (1104.97, None, None)
    assert got[("210302", "gdp", "2012-01/2012-12")] == (396.29, None, None)
    assert got[("210102", "gdp", "2012-01/2012-12")] == (700.33, None, None)
    assert got[("210112", "gdp", "2012-01/2012-12")] == (442.73, None, None)


def test_a_year_with_chu_over_balances_is_not_read_as_that_year(catalogs, tmp_path):
    """地区 | 2009初 | 2009末 over 存款余额: 2009初 is the start of 2009 (the end of 2008), not
    2009's preliminary figure; it is not stored as 2009's balance."""
    path = _sheet(
        tmp_path / "存款.xlsx",
        [
            ["各区金融机构人民币存款余额(亿元)"],
            ["地区", "2009初", "2009末"],
            ["沈河区", 1200.5, 1350.2],
            ["和平区", 980.1, 1010.7],
        ],
    )
    with pytest.raises(LayoutError, match="没有注明时期"):
        check_file(path, catalogs, region_scope="沈阳市")


def test_a_row_naming_its_own_period_in_an_indicators_down_table(catalogs, tmp_path):
    """七、实际使用外资(1-5月) in a 1-6月 table: the row's figures are January to May's, not
    stored as January to June's; with 本月 | 累计 columns the row cannot be placed and is left
    out with a warning naming it."""
    rows = [
        ["全省主要经济指标"],
        [None, "单位", "1-6月", "增速(%)"],
        ["六、进出口总额", "亿元", 4295.9, 6.7],
        ["七、实际使用外资(1-5月)", "亿美元", 7.7, 16.9],
    ]
    checked = check_file(
        _sheet(tmp_path / "全省.xlsx", rows), catalogs, region_scope="湖北省", period="2026年6月"
    )
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("420000", "foreign_capital", "2026-01/2026-05")] == (77000, 16.9, None)
    assert ("420000", "foreign_capital", "2026-01/2026-06") not in got
    assert got[("420000", "exports", "2026-01/2026-06")] == (4295.9, 6.7, None)

    two = [
        ["全省主要经济指标"],
        ["指标", "单位", "6月", "1-6月"],
        ["六、进出口总额", "亿元", 801.2, 4295.9],
        ["七、实际使用外资(1-5月)", "亿美元", 1.2, 7.7],
    ]
    checked = check_file(
        _sheet(tmp_path / "两栏.xlsx", two), catalogs, region_scope="湖北省", period="2026年6月"
    )
    got = _records(checked)
    assert not [k for k in got if k[1] == "foreign_capital"]
    assert [f.where.row for f in checked.findings if "注明了自己的时期" in f.message] == [4]


def test_a_price_index_row_with_unit_on_last_years_period(catalogs, tmp_path):
    """居民消费价格指数 | 上年同期=100 | 101.1 | (blank): the figure is the index on the same
    period last year, so the rise is 1.1; the unit is the index's, not a level's to clash."""
    path = _sheet(
        tmp_path / "全省主要经济指标.xlsx",
        [
            ["全省主要经济指标"],
            [None, "单位", "1-6月", "增速(%)"],
            ["五、社会消费品零售总额", "亿元", 13274.26, 1.5],
            ["十、居民消费价格指数", "上年同期=100", 101.1, None],
        ],
    )
    checked = check_file(path, catalogs, region_scope="湖北省", period="2026年6月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("420000", "cpi", "2026-01/2026-06")] == (None, 1.1, None)
    assert got[("420000", "retail", "2026-01/2026-06")] == (13274.26, 1.5, None)


def test_a_price_index_beside_a_rise_that_disagrees_is_refused(catalogs, tmp_path):
    """居民消费价格指数 | 上年同期=100 | 101.1 | 2.5: the two disagree; nothing is guessed."""
    path = _sheet(
        tmp_path / "全省主要经济指标.xlsx",
        [
            ["全省主要经济指标"],
            [None, "单位", "1-6月", "增速(%)"],
            ["十、居民消费价格指数", "上年同期=100", 101.1, 2.5],
        ],
    )
    checked = check_file(path, catalogs, region_scope="湖北省", period="2026年6月")
    errors = [f for f in checked.findings if f.severity == "error"]
    assert [(f.rule, f.where.row, f.where.column) for f in errors] == [("unit_clash", 3, "B")]


def test_private_investment_marked_under_fixed_asset_investment(catalogs, tmp_path):
    """四、固定资产投资 | | | 1.8 over #民间投资 | | | -9.3: 民间投资 is a part of 固定资产投资
    (by ownership), so the # item is the catalogue's 民间投资."""
    path = _sheet(
        tmp_path / "全省.xlsx",
        [
            ["全省主要经济指标"],
            [None, "单位", "1-6月", "增速(%)"],
            ["四、固定资产投资", None, None, 1.8],
            ["#民间投资", None, None, -9.3],
        ],
    )
    checked = check_file(path, catalogs, region_scope="湖北省", period="2026年6月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("420000", "private_investment", "2026-01/2026-06")] == (None, -9.3, None)
    assert got[("420000", "fai", "2026-01/2026-06")] == (None, 1.8, None)


def test_a_name_wrapped_over_two_header_rows_is_not_a_group_over_a_part(catalogs, tmp_path):
    """A yearbook's 人均地区 over 生产总值 over (元) | (美元) beside 地区生产总值 over (亿元) and
    its parts, no merges kept: column J is 人均地区生产总值 in 元, never 生产总值 (GDP) in 元
    (117.88 元 stored as GDP); the group's own column B, whose last header cell is only its
    unit, is 地区生产总值 in 亿元."""
    path = _sheet(
        tmp_path / "1-9地区生产总值.xlsx",
        [
            ["1-9  地区生产总值"],
            ["本表按当年价格计算 (At current price)"],
            ["年  份", "地区生产总值", None, None, None, "\n", "\n"],
            [None, None, "第一产业", "第二产业", None, "人均地区", "人均地区"],
            [None, "(亿元)", None, None, "工业", "生产总值", "生产总值"],
            ["Year", None, None, None, None, "(元)", "(美元)"],
            ["1955", 34.05, 18.14, 7.43, 6.25, 117.88, 47.88],
            ["1957", 48.86, 24.33, 11.56, 9.03, 162.17, 65.87],
        ],
    )
    checked = check_file(path, catalogs, region_scope="湖北省")
    assert _errors(checked) == []
    got = _records(checked)
    year = ("420000", "1957-01/1957-12")
    assert got[(year[0], "gdp", year[1])] == (48.86, None, None)
    assert got[(year[0], "gdp_per_capita", year[1])] == (162.17, None, None)
    assert got[(year[0], "primary_va", year[1])] == (24.33, None, None)
    assert got[(year[0], "industry_added", year[1])] == (9.03, None, None)
    assert len(got) == 10  # the 美元 column is left out


def test_bare_year_columns_under_a_lead_naming_part_of_the_year(catalogs, tmp_path):
    """排名 | 城市 | 2018年 | 2017年 under a lead that says 前三季度: both columns are 1-9月,
    never the whole years (太原's 2679.82 stored as its 2018 GDP); where a column names its
    own months (2017年 | 2018年1-9月) the bare year stays the whole year."""
    lead = "根据公布的山西省前三季度各市的GDP数值,太原以2679.82亿元远超其他城市。"
    path = _sheet(
        tmp_path / "排名.xlsx",
        [
            [lead + "以下便是关于2018年山西省前三季度中各城市的GDP数据。"],
            ["2018年山西各城市GDP排名"],
            ["排名", "城市", "2018年", "2017年", "名义增速"],
            [1, "太原", 2679.82, 2342.33, "14.41%"],
            [2, "长治", 1145, 1034.7, "10.66%"],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("140100", "gdp", "2018-01/2018-09")][0] == 2679.82
    assert got[("140100", "gdp", "2017-01/2017-09")][0] == 2342.33
    assert not any(k[2].endswith("-12") for k in got)
    assert any("1-9月" in f.message for f in checked.findings if f.severity == "warning")

    own = _sheet(
        tmp_path / "自注.xlsx",
        [
            ["2018年前三季度各市GDP"],
            ["城市", "2017年", "2018年1-9月"],
            ["太原", 3884.5, 2679.82],
            ["长治", 1477.5, 1145],
        ],
    )
    got = _records(check_file(own, catalogs))
    assert got[("140100", "gdp", "2017-01/2017-12")][0] == 3884.5
    assert got[("140100", "gdp", "2018-01/2018-09")][0] == 2679.82


def test_a_lead_notes_year_is_not_the_period_of_columns_naming_none(catalogs, tmp_path):
    """A lead whose only year is a note's (人口采用2013年末数据) over 2015年GDP(亿元) |
    人均GDP(元): the per-capita column is not 2013's (it was stored so); it names no year and
    is left out with a warning, the 2015年 column is read. A lead whose year is the header's
    (2021年 over 2021年GDP | 增速) still gives the growth its year."""
    lead = "陕西省生产总值达到17689.94亿,全省人均GDP为47001.46元,"
    lead += "(注:常住人口数据采用2013年末最新数据)"
    path = _sheet(
        tmp_path / "陕西.xlsx",
        [
            [lead],
            ["陕西各市GDP和人均GDP排名"],
            ["2015年GDP排名", "地级市", "2015年GDP(亿元)", "人均GDP(元)"],
            [1, "西安", 5474.77, 63748.33],
            [2, "榆林", 3005.74, 89183.16],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("610100", "gdp", "2015-01/2015-12")][0] == 5474.77
    assert not any(k[1] == "gdp_per_capita" for k in got)
    assert any("人均GDP(元)" in f.message for f in checked.findings if f.severity == "warning")

    same = _sheet(
        tmp_path / "长治.xlsx",
        [
            ["经初步核算,2021年长治市实现地区生产总值2311.1亿元,同比增长11%。其中潞州区最高。"],
            ["GDP排行", "区域", "2021年GDP(亿元)", "增速(%)"],
            [1, "潞州区", 565.7, 8],
            [2, "襄垣县", 320.7, 9.9],
        ],
    )
    got = _records(check_file(same, catalogs, region_scope="长治市"))
    assert got[("140403", "gdp", "2021-01/2021-12")][:2] == (565.7, 8)


def test_amounts_written_with_their_unit_in_the_cell(catalogs, tmp_path):
    """A forum list's 14900.93亿元 | 4350亿 | 1.19万亿 | 4742.6亿 元: each cell's own unit (亿
    alone is 亿元), where every such cell was refused as 数值单元格不是数字; a unit that is no
    money unit stays a text the checks refuse."""
    path = _sheet(
        tmp_path / "城市.xlsx",
        [
            ["2009年城市地区生产总值排名"],
            ["排名", "城市", "地区生产总值", "增速"],
            [1, "上海市", "14900.93亿元", "8.2%"],
            [2, "北京市", "1.19万亿", "10.1%"],
            [3, "佛山市", "4742.6亿 元", "13 .5%"],
            [4, "沈阳市", "4350亿", "14.1%"],
            [5, "郑州市", 3362.24, "12%"],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("310000", "gdp", "2009-01/2009-12")][:2] == (14900.93, 8.2)
    assert got[("110000", "gdp", "2009-01/2009-12")][0] == 11900
    assert got[("440600", "gdp", "2009-01/2009-12")][:2] == (4742.6, 13.5)
    assert got[("210100", "gdp", "2009-01/2009-12")][0] == 4350
    assert got[("410100", "gdp", "2009-01/2009-12")][0] == 3362.24

    people = _sheet(
        tmp_path / "人口.xlsx",
        [
            ["2009年城市地区生产总值排名"],
            ["排名", "城市", "地区生产总值", "增速"],
            [1, "上海市", "1921万人", "8.2%"],
        ],
    )
    assert _errors(check_file(people, catalogs))


def test_a_numbered_list_with_no_header(catalogs, tmp_path):
    """A forum post's list, no title, no header: 1、上海市 | 14900.93亿元 | 8.2% | 上海. With
    --indicator and --period it is read (the number before the name is the amount's rank, the
    province column left out); without them it is refused saying what the table does not say."""
    rows = [
        ["1、上海市", "14900.93亿元", "8.2%", "上海"],
        ["2、北京市", "11865.9亿元", "10.1%", "北京"],
        ["3、广州市", "9118.6亿元", "11%", "广东1"],
        ["4、深圳市", "8245亿元", "10.5%", "广东2"],
        ["5、天津市", "7500亿元", "16.5%", "天津"],
    ]
    path = _sheet(tmp_path / "帖子.xlsx", rows)
    checked = check_file(path, catalogs, indicator="地区生产总值", period="2009年")
    assert _errors(checked) == []
    got = _records(checked)
    assert len(got) == 5
    assert got[("440100", "gdp", "2009-01/2009-12")][:2] == (9118.6, 11.0)
    frame = checked.normalized.observations
    ranks = {r["region_code"]: r["level_rank"] for r in frame.iter_rows(named=True)}
    assert ranks["440300"] == 4

    with pytest.raises(LayoutError) as refused:
        check_file(path, catalogs, period="2009年")
    assert "不写指标" in str(refused.value) and "--indicator" in refused.value.hint


def test_growth_beside_last_years_level_is_this_years(catalogs, tmp_path):
    """项 目 | 2017 年1-8 | 2016 年1-8 | 同比增长 (%: the earlier year's column is the base, the
    growth right of it is 2017's (it was stored on 2016 and 2017 stored without one)."""
    path = _sheet(
        tmp_path / "怀柔2017.xlsx",
        [
            ["2017年1-8月规模以上工业企业生产、销售主要数据"],
            ["  单位:万元"],
            ["项    目", "2017 年1-8", "2016 年1-8", "同比增长 (%"],
            ["工业总产值(现价)", 3936509.1, 3087324.0, 27.5],
        ],
    )
    checked = check_file(path, catalogs, region_scope="怀柔区")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110116", "industry_output", "2017-01/2017-08")] == (393.65091, 27.5, None)
    assert got[("110116", "industry_output", "2016-01/2016-08")] == (308.7324, None, None)


def test_a_components_table_in_money_is_not_a_shares_table(catalogs, tmp_path):
    """2-9 地区生产总值构成项目表 | 单位: 亿元: the 构成 in its title is its items (劳动者报酬 …),
    figures in 亿元, not shares; a 构成 title over 单位:% stays a shares table."""
    rows = [
        ["2-9 地区生产总值构成项目表"],
        ["单位: 亿元"],
        ["指 标", 2005, 2006],
        ["地区生产总值", 6511.34, 7568.89],
        ["劳动者报酬", 2939.66, 3533.65],
        ["第一产业", 1274.15, 1332.23],
    ]
    checked = check_file(_sheet(tmp_path / "2-9.xlsx", rows), catalogs, region_scope="湖南省")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430000", "gdp", "2006-01/2006-12")] == (7568.89, None, None)
    assert got[("430000", "primary_va", "2005-01/2005-12")] == (1274.15, None, None)
    shares = [*rows[:1], ["单位:%"], rows[2], ["地区生产总值", 100, 100], ["第一产业", 19.6, 17.6]]
    checked = check_file(_sheet(tmp_path / "构成.xlsx", shares), catalogs, region_scope="湖南省")
    assert _records(checked) == {}
    assert any("构成（比重）表" in f.message for f in checked.findings)


def test_a_column_of_english_names_beside_the_indicators(catalogs, tmp_path):
    """指 标 | Item | 2005 | 2006: the English names (Gross Domestic Product) are the Chinese
    ones' translation, not a region “Item” with text for figures."""
    rows = [
        ["2-9 地区生产总值构成项目表"],
        ["单位: 亿元", "(100 million yuan)"],
        ["指 标", "Item", 2005, 2006],
        ["地区生产总值", "Gross Domestic Product", 6511.34, 7568.89],
        ["第一产业", "Primary Industry", 1274.15, 1332.23],
    ]
    path = _sheet(tmp_path / "2-9.xlsx", rows)
    checked = check_file(path, catalogs, region_scope="湖南省")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430000", "gdp", "2005-01/2005-12")] == (6511.34, None, None)
    assert got[("430000", "primary_va", "2006-01/2006-12")] == (1332.23, None, None)
    spaced = [[r[0], None, *r[1:]] if len(r) > 2 else r for r in rows]
    checked = check_file(_sheet(tmp_path / "spaced.xlsx", spaced), catalogs, region_scope="湖南省")
    assert _errors(checked) == [] and _records(checked) == got  # a spacer column beside the names


def test_a_marked_item_after_rows_unknown_to_the_catalogue(catalogs, tmp_path):
    """第二产业, then its 劳动者报酬 … 营业盈余 (no catalogue names, repeated under each total),
    then #工业增加值: the item is 第二产业's component, not a part of 营业盈余 left out; an
    item under a row named once (#建筑业 under 劳动者报酬) is that row's own and stays out."""
    path = _sheet(
        tmp_path / "2-9.xlsx",
        [
            ["2-9 地区生产总值构成项目表"],
            ["单位: 亿元"],
            ["指 标", 2005, 2006],
            ["第一产业", 1274.15, 1332.23],
            ["劳动者报酬", 1049.05, 1311.4],
            ["营业盈余", 146.08, 0],
            ["第二产业", 2596.71, 3151.7],
            ["劳动者报酬", 891.44, 1075.86],
            ["营业盈余", 807.65, 976.38],
            ["#工业增加值", 2189.91, 2694.11],
            ["劳动者报酬", 708.12, 869.65],
            ["营业盈余", 644.38, 792.73],
            ["#建筑业增加值", 406.8, 457.59],
            ["第三产业", 2640.48, 3084.96],
            ["#批发和零售业", 600.1, 700.2],
        ],
    )
    checked = check_file(path, catalogs, region_scope="湖南省")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430000", "industry_added", "2005-01/2005-12")] == (2189.91, None, None)
    assert got[("430000", "construction_va", "2006-01/2006-12")] == (457.59, None, None)
    assert got[("430000", "wholesale_retail_va", "2005-01/2005-12")] == (600.1, None, None)
    once = [
        ["指 标", 2005],
        ["地区生产总值", 6511.34],
        ["劳动者报酬", 2939.66],
        ["#建筑业", 183.32],
    ]
    checked = check_file(_sheet(tmp_path / "once.xlsx", once), catalogs, region_scope="湖南省")
    assert ("430000", "construction_va", "2005-01/2005-12") not in _records(checked)


def test_a_chinese_name_above_an_english_header_cell(catalogs, tmp_path):
    """生产总值 over Gross | 劳动者报酬 | 生产税净额 over Year | Domestic … (a text-layout
    bilingual yearbook): column B is 生产总值, not an English name with no indicator."""
    rows = [
        ["2-19  1990-2010年生产总值构成项目"],
        ["单位:亿元 (100 million yuan)"],
        [None, "生产总值", None, None],
        [None, "Gross", "劳动者报酬", "生产税净额"],
        ["Year", "Domestic", "Compensation", "Net Taxes on"],
        [None, "Product", "of Employees", "Production"],
        [1990, 69.94, 39.50, 8.48],
        [1991, 75.10, 43.75, 9.54],
        [1992, 87.52, 50.21, 10.87],
        [1993, 109.68, 62.58, 12.16],
    ]
    checked = check_file(_sheet(tmp_path / "2-19.xlsx", rows), catalogs, region_scope="青海省")
    assert _errors(checked) == []
    got = _records(checked)
    assert len(got) == 4
    assert got[("630000", "gdp", "1991-01/1991-12")] == (75.1, None, None)
    rows[3] = ["年  份", *rows[3][1:]]  # a corner word beside Gross
    checked = check_file(_sheet(tmp_path / "corner.xlsx", rows), catalogs, region_scope="青海省")
    assert _errors(checked) == [] and _records(checked) == got


def test_the_total_row_under_a_one_indicator_title(catalogs, tmp_path):
    """规模以上工业增加值增速 | 2023年1-10月 over 项 目 | 当月同比增长(%) | 累计同比增长(%): the
    合 计 row is the title's indicator; its groups and industries below are not read."""
    path = _sheet(
        tmp_path / "增速.xlsx",
        [
            ["规模以上工业增加值增速"],
            ["2023年1-10月"],
            ["项    目", "当月同比增长(%)", "累计同比增长(%)"],
            ["合   计", 3.1, -0.4],
            [" 按经济类型分组", None, None],
            ["  其中:国有企业", -7.2, 14.5],
            ["   汽车制造业", 14.8, 8.3],
        ],
    )
    checked = check_file(path, catalogs, region_scope="北京市")
    assert _errors(checked) == []
    assert _records(checked) == {
        ("110000", "industry_va", "2023-10/2023-10"): (None, 3.1, None),
        ("110000", "industry_va", "2023-01/2023-10"): (None, -0.4, None),
    }


def test_the_scope_said_under_the_table_qualifies_its_rows(catalogs, tmp_path):
    """工业总产值(现价) with 一、统计范围 | 规模以上工业企业：… under the table: the 规模以上
    figure; without such a line the bare name stays unknown (all industry is not 规模以上)."""
    rows = [
        ["2023年1-10月西城区工业数据"],
        ["指标名称", "计量单位", "10", "同比增长(±%", "1-10", "同比增长(±%"],
        ["工业总产值(现价)", "万元", 293448, -12.8, 4347726, -4.4],
        ["工业领域主要指标的统计范围、采集渠道及指标解释"],
    ]
    scope = [["一、统计范围"], ["规模以上工业企业:年主营业务收入2000万元及以上的法人工业企业。"]]
    checked = check_file(_sheet(tmp_path / "西城.xlsx", rows + scope), catalogs)
    assert _errors(checked) == []
    assert _records(checked) == {
        ("110102", "industry_output", "2023-10/2023-10"): (29.3448, -12.8, None),
        ("110102", "industry_output", "2023-01/2023-10"): (434.7726, -4.4, None),
    }
    checked = check_file(_sheet(tmp_path / "无范围.xlsx", rows), catalogs)
    assert _records(checked) == {}


def test_sector_rows_repeated_under_income_components_are_not_value_added(catalogs, tmp_path):
    """劳动者报酬 | 第一产业 | 第二产业 | 工业, then 生产税净额 | 第一产业 …: the sector rows
    are each component's parts, not 第一产业增加值 (refused as duplicates with the hint to
    delete one, which would store them wrong); nothing is imported, each row said."""
    path = _sheet(
        tmp_path / "2-14.xlsx",
        [
            ["2-14 地区生产总值项目结构"],
            ["单位:亿元"],
            ["项目", 2008, 2009],
            ["劳动者报酬", 5728.03, 6510.05],
            ["第一产业", 1148.76, 1171.82],
            ["第二产业", 2515.86, 2942.67],
            ["工业", 1991.03, 2289.48],
            ["生产税净额", 1334.19, 1553.20],
            ["第一产业", 3.76, 4.36],
            ["第二产业", 819.81, 884.90],
            ["工业", 734.51, 780.09],
        ],
    )
    checked = check_file(path, catalogs, region_scope="福建省")
    assert _records(checked) == {}
    parts = [f.where.row for f in checked.findings if "的分项，不是目录中的同名指标" in f.message]
    assert parts == [5, 6, 7, 9, 10, 11]
    assert [f.rule for f in checked.findings if f.severity == "error"] == ["no_data"]


def test_a_years_plan_group_beside_the_quarters_figures(catalogs, tmp_path):
    """1季度累计 | 同比增速(±%) | 2016年 over 计划 目标值 | 比上年增长(%) | 完成年度计划(%): the
    quarter's figures; the year's plan and its planned growth are targets, never a region
    “2016年” nor 2016's (or the quarter's) growth; the completion column is left out."""
    path = _sheet(
        tmp_path / "福田.xlsx",
        [
            ["经济发展数据(2016年1-3月)"],
            ["指标名称", "单位", "1季度累计", "同比增速(±%)", "2016年", None, "完成年度计划(%)"],
            [None, None, None, None, "计划 目标值", "比上年增长(%)", None],
            ["地区生产总值", "亿元", 770.79, 8.0, "3560-3570", "8.1-8.6", "-"],
            ["固定资产投资额", "亿元", 69.88, 9.1, 270.7, 15.0, 25.8],
        ],
        ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:G3"),
    )
    checked = check_file(path, catalogs, region_scope="福田区")
    assert _errors(checked) == []
    assert _records(checked) == {
        ("440304", "gdp", "2016-01/2016-03"): (770.79, 8.0, None),
        ("440304", "fai", "2016-01/2016-03"): (69.88, 9.1, None),
    }
    targets = {
        (r["indicator"], r["year"]): (r["target_kind"], r["value"])
        for r in checked.normalized.targets.iter_rows(named=True)
    }
    assert targets == {("gdp", 2016): ("growth", 8.1), ("fai", 2016): ("growth", 15.0)}


_PLAN_2016 = ["2016年计划目标值", "2016年比上年增长(%)"]


def test_a_growth_right_of_a_target_column_is_the_targets(catalogs, tmp_path):
    """The same plan in one header row (2016年计划目标值 | 2016年比上年增长(%)): the growth right
    of the target is the target's, not the quarter's 9.1 overwritten by 15.0."""
    path = _sheet(
        tmp_path / "福田.xlsx",
        [
            ["经济发展数据(2016年1-3月)"],
            ["指标名称", "单位", "1季度累计", "同比增速(±%)", *_PLAN_2016],
            ["固定资产投资额", "亿元", 69.88, 9.1, 270.7, 15.0],
        ],
    )
    checked = check_file(path, catalogs, region_scope="福田区")
    assert _errors(checked) == []
    assert _records(checked) == {("440304", "fai", "2016-01/2016-03"): (69.88, 9.1, None)}


def test_a_row_in_another_currency_keeps_no_growth(catalogs, tmp_path):
    """进出口总额 | 亿美元 | 257.98 | -0.9: the growth is the dollars' growth, not the yuan's
    (the exchange rate moves): left out with the level, in the unit warning's place."""
    path = _sheet(
        tmp_path / "福田.xlsx",
        [
            ["经济发展数据(2016年1-3月)"],
            ["指标名称", "单位", "1季度累计", "同比增速(±%)"],
            ["社会消费品零售总额", "亿元", 345.86, 8.5],
            ["进出口总额", "亿美元", 257.98, -0.9],
        ],
    )
    checked = check_file(path, catalogs, region_scope="福田区")
    assert _errors(checked) == []
    assert _records(checked) == {("440304", "retail", "2016-01/2016-03"): (345.86, 8.5, None)}
    [clash] = [f for f in checked.findings if f.rule == "unit_clash"]
    assert (clash.severity, clash.where.row) == ("warning", 4)


def test_industry_rows_after_the_tertiary_sector_and_names_without_their_comma(catalogs, tmp_path):
    """地区生产总值 | 第一产业 … 第三产业 | 工业 | 建筑业 | 交通运输仓储和邮政业 (a bulletin's
    table): 工业 after 第三产业 is 工业增加值, a part of the same total; the name without its
    顿号 is 交通运输、仓储和邮政业; 本区生产总值 is the district's GDP."""
    path = _sheet(
        tmp_path / "颍州.xlsx",
        [
            ["2022年颍州区国民经济和社会发展统计公报"],
            ["单位:万元、%"],
            ["指 标 名 称", "绝对数", "比上年增长"],
            ["本区生产总值", 3551817, 0.6],
            ["第三产业", 2480015, 1.0],
            ["工业", 415720, 2.3],
            ["交通运输仓储和邮政业", 94110, -1.6],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert _records(checked) == {
        ("341202", "gdp", "2022-01/2022-12"): (355.1817, 0.6, None),
        ("341202", "tertiary_va", "2022-01/2022-12"): (248.0015, 1.0, None),
        ("341202", "industry_added", "2022-01/2022-12"): (41.572, 2.3, None),
        ("341202", "transport_va", "2022-01/2022-12"): (9.411, -1.6, None),
    }


def test_industry_after_an_indicator_of_no_common_total_stays_unknown(catalogs, tmp_path):
    """工业 after 固定资产投资: no catalogue total holds both, so no 工业增加值 is guessed."""
    path = _sheet(
        tmp_path / "表.xlsx",
        [
            ["2022年颍州区主要指标"],
            ["指标", "绝对数(亿元)", "比上年增长(%)"],
            ["固定资产投资", 120.5, 6.1],
            ["工业", 40.2, 8.0],
        ],
    )
    checked = check_file(path, catalogs)
    assert set(_records(checked)) == {("341202", "fai", "2022-01/2022-12")}


def test_roles_in_the_names_row_over_a_row_of_units(catalogs, tmp_path):
    """市 县 | 绝对数 | 比上年同期增长 over (亿元) | (%): the second column is the growth
    (it was dropped unsaid, the (%) taken for a rate's unit under a role)."""
    path = _sheet(
        tmp_path / "海南.xlsx",
        [
            ["附表:2018年上半年各市县地区生产总值及增速"],
            ["市    县", "绝对数", "比上年同期增长"],
            [None, "(亿元)", "(%)"],
            ["海 口 市", 797.49, 8.1],
            ["三 亚 市", 304.09, 7.0],
        ],
        ("A2:A3",),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert _records(checked) == {
        ("460100", "gdp", "2018-01/2018-06"): (797.49, 8.1, None),
        ("460200", "gdp", "2018-01/2018-06"): (304.09, 7.0, None),
    }


def _two_years(growth: list[Any], indicator: str = "GDP", unit: str = "") -> list[list[Any]]:
    return [
        ["在2018年前三季度中,乌鲁木齐排名第一。以下便是关于2018年新疆各个城市前三季度的排名。"],
        [f"2018新疆各城市{indicator}排名"],
        ["排名", "城市", f"2018年{unit}", f"2017年{unit}", "增速"],
        [1, "乌鲁木齐", 2198.17, 1893.85, growth[0]],
        [2, "昌吉", 909.69, 866.82, growth[1]],
        [3, "巴音郭楞", 704.29, 657.6, growth[2]],
    ]


def test_growth_that_is_the_two_levels_divided_is_left_out(catalogs, tmp_path):
    """增速 equal in every row to 2018 ÷ 2017 − 1 (16.07% = 2198.17 / 1893.85 − 1) is a
    change at current prices, not GDP's growth at comparable prices: left out, said once.
    A growth written otherwise stays; so does a computed one of an indicator whose growth is
    at current prices (社会消费品零售总额)."""
    nominal = ["16.07%", "4.95%", "7.10%"]
    checked = check_file(_sheet(tmp_path / "名义.xlsx", _two_years(nominal)), catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650100", "gdp", "2018-01/2018-09")] == (2198.17, None, None)
    assert got[("652800", "gdp", "2018-01/2018-09")] == (704.29, None, None)
    said = [f for f in checked.findings if "现价名义增速" in f.message]
    assert [(f.severity, f.where.column) for f in said] == [("warning", "E")]

    one_off = ["16.07%", "4.95%", "7.00%"]  # one row not the ratio: a growth as published
    checked = check_file(_sheet(tmp_path / "实际.xlsx", _two_years(one_off)), catalogs)
    assert _records(checked)[("650100", "gdp", "2018-01/2018-09")] == (2198.17, 16.07, None)

    retail = _two_years(nominal, indicator="社会消费品零售总额")
    checked = check_file(_sheet(tmp_path / "社零.xlsx", retail), catalogs)
    assert _records(checked)[("650100", "retail", "2018-01/2018-09")] == (2198.17, 16.07, None)


def test_bare_years_with_a_bracket_that_is_no_unit(catalogs, tmp_path):
    """2018年(亿) | 2017年(亿) under a lead saying 前三季度: each year's 1-9月 (the bracket
    kept the column from being a bare year, and both took 2018年1-9月: duplicates); the same
    with a unit in the bracket (2018年(万元)), the unit kept."""
    path = _sheet(tmp_path / "新疆.xlsx", _two_years(["7.0%", "6.1%", "5.2%"], unit="(亿)"))
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650100", "gdp", "2018-01/2018-09")] == (2198.17, 7.0, None)
    assert got[("650100", "gdp", "2017-01/2017-09")] == (1893.85, None, None)
    assert got[("652800", "gdp", "2017-01/2017-09")] == (657.6, None, None)
    # A unit in the bracket is the columns' own: 万元 figures are read as 万元.
    path = _sheet(tmp_path / "万元.xlsx", _two_years(["7.0%", "6.1%", "5.2%"], unit="(万元)"))
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650100", "gdp", "2018-01/2018-09")] == (0.219817, 7.0, None)
    assert got[("650100", "gdp", "2017-01/2017-09")] == (0.189385, None, None)


# --- Batch 15 ----------------------------------------------------------------------------------

_XJ = [("650100", "乌鲁木齐"), ("652300", "昌吉"), ("652800", "巴音郭楞"), ("653100", "喀什")]


def _xj_ranking(tmp_path, header, figures, lead="以下是2018年新疆各城市前三季度的GDP排名。"):
    rows = [[lead], ["2018新疆各城市GDP排名"], ["排名", "城市", *header]]
    rows += [[i + 1, name, *f] for i, ((_c, name), f) in enumerate(zip(_XJ, figures, strict=True))]
    return _sheet(tmp_path / "新疆.xlsx", rows)


def test_a_growth_that_is_the_ratio_of_the_two_amounts_is_nominal(catalogs, tmp_path):
    """2018年 | 2017年 | 增速 of GDP where every 增速 is 2018 ÷ 2017 − 1 (a ranking page's
    nominal growth, its lead says 名义增长速率): not GDP's comparable-price growth. The amounts
    are read, the growth column left out with a warning naming it (142)."""
    figures = [
        [2198.17, 1893.85, "16.07%"],
        [909.69, 866.82, "4.95%"],
        [704.29, 657.6, "7.10%"],
        [641.9, 663.79, "-3.30%"],
    ]
    checked = check_file(_xj_ranking(tmp_path, ["2018年", "2017年", "增速"], figures), catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650100", "gdp", "2018-01/2018-09")] == (2198.17, None, None)
    assert got[("653100", "gdp", "2017-01/2017-09")] == (663.79, None, None)
    nominal = [f for f in checked.findings if "名义增速" in f.message]
    assert [(f.severity, f.where.column) for f in nominal] == [("warning", "E")]


def test_a_growth_that_differs_from_the_ratio_is_kept(catalogs, tmp_path):
    """The same table with the comparable-price growth the bureau published (not the ratio of
    the current-price amounts): the growth is GDP's growth."""
    figures = [
        [2198.17, 1893.85, "7.2%"],
        [909.69, 866.82, "4.8%"],
        [704.29, 657.6, "5.5%"],
        [641.9, 663.79, "6.1%"],
    ]
    checked = check_file(_xj_ranking(tmp_path, ["2018年", "2017年", "增速"], figures), catalogs)
    assert _errors(checked) == []
    assert _records(checked)[("650100", "gdp", "2018-01/2018-09")] == (2198.17, 7.2, None)
    assert not [f for f in checked.findings if "名义增速" in f.message]


def test_a_bare_year_with_its_unit_is_that_years_column(catalogs, tmp_path):
    """2018年(亿) | 2017年(亿): each year is its column's own, the unit in brackets the amounts'.
    The unit hid the year, both columns took the lead's 2018年1-9月 (refused as duplicates);
    a 2017年(亿) column alone under a 2018 title stored 2017's amounts as 2018's (142)."""
    figures = [[2198.17, 1893.85], [909.69, 866.82], [704.29, 657.6], [641.9, 663.79]]
    checked = check_file(_xj_ranking(tmp_path, ["2018年(亿)", "2017年(亿)"], figures), catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650100", "gdp", "2018-01/2018-09")] == (2198.17, None, None)
    assert got[("650100", "gdp", "2017-01/2017-09")] == (1893.85, None, None)
    alone = _xj_ranking(tmp_path, ["2017年(万元)"], [[f[1] * 10000] for f in figures], lead="")
    got = _records(check_file(alone, catalogs))
    assert set(got) == {(code, "gdp", "2017-01/2017-12") for code, _name in _XJ}
    assert got[("650100", "gdp", "2017-01/2017-12")] == (1893.85, None, None)


def _finance_years(tmp_path, unit_line, corner=None):
    """152's shape: a text-layout bilingual header, each name wrapped onto two lines."""
    rows = [
        ["7-1  主要年份地方财政一般预算收支及增长速度"],
        [unit_line],
        [None, "地方财政一般", "地方财政一般", "收支差额", "指数(上年=100)  Indices", None],
        [corner, "预算收入", "预算支出", None, None, None],
        [None, "General Budgetary", "General Budgetary", "Balance", "地方财政一般", "地方财政一般"],
        ["Year", "Revenue in", "Expenditure in", None, "预算收入", "预算支出"],
        [None, "Local Finance", "Local Finance", None, "General Budgetary Revenue", "Expenditure"],
        [2005, 1803184, 5190179, -3386995, 115.8, 123.3],
        [2006, 2194628, 6784723, -4590095, 121.7, 130.7],
        [2007, 2858600, 7951540, -5092940, 130.3, 117.2],
        [2008, 3610616, 10593638, -6983022, 126.3, 133.2],
        [2009, 3887848, 13469125, -9581277, 107.7, 127.1],
        [2010, 5005759, 16989126, -11983367, 128.8, 126.1],
        [2011, 7204324, 22844864, -15640540, 143.9, 134.5],
    ]
    return _sheet(tmp_path / "财政.xlsx", rows, ("E3:F3",))


@pytest.mark.parametrize("corner", [None, "类别"])
def test_names_wrapped_onto_two_lines_of_a_text_layout_header(catalogs, tmp_path, corner):
    """地方财政一般 over 预算收入 | 预算支出, and under 指数(上年=100) the same names wrapped over
    the Year line: each column's name is its two halves (地方财政一般预算收入, the 旧称 of
    地方财政收入), the 指数 columns their growth (128.8 is 28.8 %), 单位:万元 (10 000 yuan) the
    amounts' unit. The header was taken from the lower halves and the table refused (152). A
    corner word beside the lower halves (类别) is the whole header's: read from there, the 指数
    columns lost their group and 196.5 was stored as 地方财政收入 (perturb.py, corner)."""
    path = _finance_years(tmp_path, "单位:万元 (10 000 yuan)", corner)
    checked = check_file(path, catalogs, region_scope="新疆维吾尔自治区")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650000", "local_fiscal", "2011-01/2011-12")] == (720.4324, 43.9, None)
    assert got[("650000", "fiscal_expenditure", "2010-01/2010-12")] == (1698.9126, 26.1, None)
    assert len(got) == 14  # 收支差额 is no indicator of the catalogue


def test_an_unreadable_unit_note_is_not_taken_for_the_catalogues_unit(catalogs, tmp_path):
    """单位:万元(现价): a note whose unit cannot be read is an error, not 万元 figures stored as
    亿元 (the note's unit was taken as the indicator's own wherever it did not convert)."""
    checked = check_file(_finance_years(tmp_path, "单位:万元(现价)"), catalogs,
                         region_scope="新疆维吾尔自治区")  # fmt: skip
    assert any("不相容" in e for e in _errors(checked))
    assert not any(v[0] and v[0] > 1e5 for v in _records(checked).values())


def test_a_title_of_amounts_and_their_growth_is_no_growth_table(catalogs, tmp_path):
    """…收支及增长速度 names the amounts and their growth (as …及其构成 names amounts and
    shares): its figures without a unit of their own are amounts, not growth rates (152's
    amounts were moved to growth, 71416 % for 1978)."""
    path = _sheet(
        tmp_path / "收支.xlsx",
        [
            ["主要年份地方财政收支及增长速度"],
            ["年份", "地方财政收入", "一般公共预算支出"],
            [2008, 361.1, 1059.4],
            [2009, 388.8, 1346.9],
            [2010, 500.6, 1698.9],
            [2011, 720.4, 2284.5],
        ],
    )
    checked = check_file(path, catalogs, region_scope="新疆维吾尔自治区")
    assert _errors(checked) == []
    assert _records(checked)[("650000", "local_fiscal", "2011-01/2011-12")] == (720.4, None, None)


@pytest.mark.parametrize("note", ["单位:万元 (10 000 yuan)", "单位:万元  Unit: 10 000 Yuan"])
def test_a_unit_note_with_its_english_translation(catalogs, tmp_path, note):
    """A bilingual yearbook's 单位:万元 (10 000 yuan): the unit is 万元. The translation made the
    note unreadable, and an unreadable note's figures were taken as already in 亿元: 7204324
    万元 stored as 7204324 亿元 (found with 152's note on a plain years-down table)."""
    rows = [["主要年份地方财政收支"], [note], ["年份", "地方财政收入", "一般公共预算支出"]]
    rows += [[2009, 3887848, 13469125], [2010, 5005759, 16989126], [2011, 7204324, 22844864]]
    checked = check_file(_sheet(tmp_path / "收支.xlsx", rows), catalogs, region_scope="新疆")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("650000", "local_fiscal", "2011-01/2011-12")] == (720.4324, None, None)


def test_level_under_its_income_release_word_shui_ping(catalogs, tmp_path):
    """指标 | 水平(元) | 名义增速(%) (国家统计局's 城乡居民收支主要数据, 174): 水平 is the amount,
    not a region; the rows above the header, cut from the page before it, are left out."""
    path = _sheet(
        tmp_path / "收支.xlsx",
        [
            ["(三)全国居民人均消费支出", 4796, 7.7],
            ["按常住地分:"],
            ["城镇居民", 6387, 7.0],
            ["表2 一季度城乡居民收支主要数据"],
            ["指标", "水平\n(元)", "名义增速\n(%)"],
            ["(一)城镇居民人均可支配收入", 9986, 7.9],
            ["按收入来源分:"],
            ["工资性收入", 6132, 7.9],
        ],
    )
    checked = check_file(path, catalogs, region_scope="全国", period="2017年1-3月")
    assert _errors(checked) == []
    assert _records(checked) == {("100000", "urban_income", "2017-01/2017-03"): (9986, 7.9, None)}


@pytest.mark.parametrize(
    "head", [["类 别", "环比", "同比", "1-5月累计"], ["类 别", "同比", "1-5月累计"]]
)
def test_a_growth_left_of_the_cumulative_column_is_the_titles_month(catalogs, tmp_path, head):
    """环比 | 同比 | 1-5月累计 of a CPI table under 2011年5月: 同比 is May's (106.4 → 6.4), the
    累计 column January to May's (5.4). Before, 累计 made the whole sheet 1-5月 and 6.4 was
    stored as 1-5月's, 5.4 lost."""
    row = ["居民消费价格总指数", 100.3, 106.4, 105.4][-len(head) :]
    row[0] = "居民消费价格总指数"
    path = _sheet(tmp_path / "价格.xlsx", [head, row])
    checked = check_file(path, catalogs, region_scope="龙岗区", period="2011年5月")
    assert _errors(checked) == []
    assert _records(checked) == {
        ("440307", "cpi", "2011-05/2011-05"): (None, 6.4, None),
        ("440307", "cpi", "2011-01/2011-05"): (None, 5.4, None),
    }


def _with_increment(growth: list[Any], indicator: str = "GDP总量") -> list[list[Any]]:
    return [
        ["根据最新公布的数据,2025年上半年吉林省各市GDP排名如下表所示:"],
        ["排名", "城市", f"{indicator}(亿元)", "增量(亿元)", "增速(%)"],
        [1, "长春市", 3754.88, 320.60, growth[0]],
        [2, "吉林市", 779.98, 53.57, growth[1]],
        [3, "延边州", 482.36, 54.96, growth[2]],
        [4, "松原市", 427.06, 23.01, growth[3]],
    ]


def test_growth_that_is_the_increment_over_last_years_amount_is_nominal(catalogs, tmp_path):
    """GDP总量 | 增量 | 增速 (table 161): 增速 is 增量 ÷ (总量 − 增量) in three rows of four
    (9.34 = 320.60 / 3434.28; 延边州's 12.80 a misprint of 12.86), a change at current prices:
    not GDP's growth at comparable prices, left out with a warning saying why. The amounts are
    GDP (GDP总量 is GDP's amount). A growth unlike the ratio stays; so does the ratio of an
    indicator whose growth is nominal (社会消费品零售总额)."""
    nominal = [9.34, 7.37, 12.80, 5.69]
    checked = check_file(_sheet(tmp_path / "名义.xlsx", _with_increment(nominal)), catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("220100", "gdp", "2025-01/2025-06")][:2] == (3754.88, None)
    assert got[("222400", "gdp", "2025-01/2025-06")][:2] == (482.36, None)
    said = [f for f in checked.findings if "增量除以上年同期总量" in f.message]
    assert [(f.severity, f.where.column) for f in said] == [("warning", "E")]

    real = [6.8, 5.1, 12.80, 4.2]  # one row of four the ratio: growth as published
    checked = check_file(_sheet(tmp_path / "实际.xlsx", _with_increment(real)), catalogs)
    assert _records(checked)[("220100", "gdp", "2025-01/2025-06")][:2] == (3754.88, 6.8)

    retail = _with_increment(nominal, indicator="社会消费品零售总额")
    checked = check_file(_sheet(tmp_path / "社零.xlsx", retail), catalogs)
    assert _records(checked)[("220100", "retail", "2025-01/2025-06")][:2] == (3754.88, 9.34)


def _county_industry_sheet(path: Path, note: str, *, zone: bool = False) -> Path:
    """181's shape: 单位 note, 其中:规模以上 under each total, a 其中:开发区 section."""
    rows: list[list[Any]] = [
        ["平江县2010年6月工业生产销售总量指标"],
        [note],
        ["指标名称", "本月", "同比%", "累计", "同比%"],
        ["企业单位数", 4326, 5.5, 4326, 5.5],
        ["其中:规模以上", 501, 7.1, 501, 7.1],
        ["工业总产值", 309748, 3.3, 1618573, 16.2],
        ["其中:规模以上", 206713, -3.4, 1086976, 18.7],
    ]
    if zone:
        rows += [[], ["其中:开发区"]]
        rows += [["工业总产值", 114339, -19.1, 629432, 7.7]]
        rows += [["其中:规模以上", 102355, -15.6, 579912, 12.5]]
    return _sheet(path, rows)


def test_a_scope_word_item_is_its_parents_measure_in_that_scope(catalogs, tmp_path):
    """工业总产值 | …, then 其中:规模以上 | …: 规模以上工业总产值; 单位:个、万元 gives the
    amounts in 万元 (not 个, the note's first unit, taken as 亿元)."""
    path = _county_industry_sheet(tmp_path / "县.xlsx", "单位:个、万元")
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("430626", "industry_output", "2010-06/2010-06")] == (20.6713, -3.4, None)
    assert got[("430626", "industry_output", "2010-01/2010-06")] == (108.6976, 18.7, None)
    # 企业单位数 and its 规模以上 part (规模以上企业单位数) are no catalogue names: left out.
    assert {k[1] for k in got} == {"industry_output"}


def test_a_scope_word_item_is_never_the_headings_measure(catalogs, tmp_path):
    """一、工业 over 企业单位数 | 其中:规模以上: the firms' part, not 规模以上工业 (增加值) of the
    heading; the 总产值's 规模以上 part is 规模以上工业总产值, not 增加值 either."""
    path = _sheet(
        tmp_path / "县.xlsx",
        [
            ["平江县2010年6月工业生产销售总量指标"],
            ["单位:个、万元"],
            ["指标名称", "本月", "同比%", "累计", "同比%"],
            ["一、工业"],
            ["企业单位数", 4326, 5.5, 4326, 5.5],
            ["其中:规模以上", 501, 7.1, 501, 7.1],
            ["工业总产值", 309748, 3.3, 1618573, 16.2],
            ["其中:规模以上", 206713, -3.4, 1086976, 18.7],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert {k[1] for k in got} == {"industry_output"}
    assert got[("430626", "industry_output", "2010-06/2010-06")] == (20.6713, -3.4, None)


def test_a_count_unit_note_over_amounts_is_an_error(catalogs, tmp_path):
    """单位:个 over 规模以上工业总产值 says nothing of the amounts' unit: an error naming the
    row, never 206713 stored as 亿元."""
    path = _sheet(
        tmp_path / "县.xlsx",
        [
            ["平江县2010年6月工业主要指标"],
            ["单位:个"],
            ["指标名称", "本月", "同比%", "累计", "同比%"],
            ["规模以上工业企业数", 501, 7.1, 501, 7.1],
            ["规模以上工业总产值", 206713, -3.4, 1086976, 18.7],
        ],
    )
    checked = check_file(path, catalogs)
    clashes = [f for f in checked.findings if f.rule == "unit_clash"]
    assert clashes and all(f.severity == "error" and f.where.row == 5 for f in clashes)
    assert all(v[0] is None for k, v in _records(checked).items() if k[1] == "industry_output")
    # the firms, counted in 个 or 家 alike, are still read
    assert _records(checked)[("430626", "industrial_firms", "2010-06/2010-06")] == (
        501,
        7.1,
        None,
    )


def test_a_zone_heading_keeps_its_rows_out_of_the_countys(catalogs, tmp_path):
    """其中:开发区 without figures, then 工业总产值 | 其中:规模以上 again: the zone's figures,
    each row left out with a warning, not a duplicate (or a replacement) of the county's."""
    path = _county_industry_sheet(tmp_path / "县.xlsx", "单位:个、万元", zone=True)
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert _records(checked)[("430626", "industry_output", "2010-06/2010-06")] == (
        20.6713,
        -3.4,
        None,
    )
    zone = [f for f in checked.findings if "开发区" in f.message]
    assert [(f.severity, f.where.row) for f in zone] == [("warning", 10), ("warning", 11)]
