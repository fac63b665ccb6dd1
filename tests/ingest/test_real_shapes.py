"""Files in the shapes bureaus circulate (data/real-shapes, made by make_real_shapes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xingshi.ingest import Catalogs, check_file

DATA = Path(__file__).parent / "data" / "real-shapes"
H1 = "2021-01/2021-06"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _check(catalogs: Catalogs, name: str, **options):
    return check_file(DATA / name, catalogs, **options)


def _records(checked) -> dict[tuple[str, str, str], tuple]:
    """(region, indicator, period) → (level, growth, rank)."""
    frame = checked.normalized.observations
    return {
        (r["region_code"], r["indicator"], r["period"]): (r["level"], r["growth_pct"], r["rank"])
        for r in frame.iter_rows(named=True)
    }


def _findings(checked) -> list[tuple]:
    return [
        (f.rule, f.severity, f.where.sheet, f.where.row, f.where.column) for f in checked.findings
    ]


def test_three_row_header_with_group_row(catalogs):
    """A group row over merged indicator names over 绝对值/增速/位次 reads every indicator."""
    checked = _check(catalogs, "01-三行表头分组.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert len(got) == 27
    assert got[("433101", "gdp", H1)] == (150.2, 8.1, 3)
    assert got[("433127", "industry_va", H1)] == (None, 10.3, 2)
    assert got[("433123", "retail", H1)] == (18.95, 26.3, 1)  # 189500 万元


def test_total_row_merged_over_serial_column(catalogs):
    """全州 written in a cell merged over 序号 and 县市区 is the prefecture's row."""
    got = _records(_check(catalogs, "01-三行表头分组.xlsx"))
    assert got[("433100", "gdp", H1)] == (423.0, 7.9, None)
    assert got[("433100", "retail", H1)] == (120.28, 23.9, None)


def test_numbers_typed_as_text(catalogs):
    """Thousands separators, full-width digits, % signs, spaces and dashes all read right."""
    checked = _check(catalogs, "02-文本数字千分位全角.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433100", "retail", H1)] == (120.28, 23.9, None)
    assert got[("433101", "retail", H1)] == (45.23, 24.6, 3)
    assert got[("433123", "retail", H1)] == (18.95, 26.3, 1)
    assert got[("433125", "retail", H1)] == (7.01, None, None)
    assert got[("433127", "retail", H1)] == (12.04, 24.9, 2)
    assert ("433126", "retail", H1) not in got  # 古丈县: every cell “-”


def test_excel_error_values(catalogs):
    """#DIV/0! in a growth cell is a warning (no figure); #REF! in a level cell is an error."""
    checked = _check(catalogs, "03-Excel错误值.xlsx")
    assert _findings(checked) == [
        ("not_a_number", "warning", "投资", 5, "C"),
        ("not_a_number", "error", "投资", 6, "B"),
    ]
    assert "#REF!" in checked.findings[1].message
    assert _records(checked)[("433126", "fai", H1)] == (3.2, None, None)


def test_excel_error_in_long_csv(catalogs):
    """#N/A in a long CSV's growth cell is an error at that cell, not a crash."""
    checked = _check(catalogs, "19-长表含错误值.csv")
    assert _findings(checked) == [("not_a_number", "error", None, 3, "F")]
    assert "#N/A" in checked.findings[0].message


def test_role_only_headers_take_the_title_indicator(catalogs):
    """本年累计 | 上年同期 | 增幅% under a title naming the indicator; formulas' cached results."""
    checked = _check(catalogs, "04-公式有缓存值.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433101", "local_fiscal", H1)] == (9.8, 12.6, None)
    assert got[("433101", "local_fiscal", "2020-01/2020-06")] == (8.7, None, None)
    assert got[("433123", "local_fiscal", H1)] == (3.3, 9.6, None)


def test_formulas_without_results(catalogs):
    """Formulas never calculated (file not saved by Excel) are errors at each cell."""
    checked = _check(catalogs, "05-公式无计算结果.xlsx")
    assert _findings(checked) == [
        ("not_a_number", "error", "财政", 4, "D"),
        ("not_a_number", "error", "财政", 5, "D"),
        ("not_a_number", "error", "财政", 6, "D"),
    ]
    assert "公式没有计算结果" in checked.findings[0].message
    assert "保存" in checked.findings[0].hint


def test_hidden_rows_and_columns_are_read(catalogs):
    """A hidden 上年同期 column and a hidden row are figures like any other."""
    got = _records(_check(catalogs, "06-隐藏行列.xlsx"))
    assert got[("433122", "gdp", H1)] == (38.1, 7.2, None)
    assert got[("433101", "gdp", "2020-01/2020-06")] == (138.9, None, None)


def test_spaced_and_short_region_names(catalogs):
    """吉 首 市, 全　州, 泸溪, 龙山 (also a district of 辽源) resolve within the prefecture."""
    checked = _check(catalogs, "07-地区名空格与简称.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert {k[0] for k in got} == {"433100", "433101", "433122", "433123", "433124"} | {
        "433125",
        "433126",
        "433127",
        "433130",
    }
    assert got[("433130", "retail", H1)] == (13.28, 23.1, None)


def test_park_sub_rows_are_skipped_with_a_warning(catalogs):
    """其中：湘西高新区 rows are not catalogue regions: a warning each, the rest imports."""
    checked = _check(catalogs, "08-其中子行园区.xlsx")
    assert _findings(checked) == [
        ("unknown_region", "warning", "规模工业", 4, "A"),
        ("unknown_region", "warning", "规模工业", 6, "A"),
    ]
    got = _records(checked)
    assert len(got) == 4
    assert got[("433123", "industry_va", H1)] == (None, 12.1, 1)


def test_signatures_under_the_table_end_it(catalogs):
    """单位负责人/填表人/报出日期 lines after a blank row are not data rows."""
    checked = _check(catalogs, "09-单位行与签名页脚.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert len(got) == 3
    assert got[("433123", "local_fiscal", H1)] == (3.3, 13.2, 1)


def test_notes_and_chart_sheets_are_skipped(catalogs):
    """Two data sheets import; the notes and chart sheets are skipped with a warning each."""
    checked = _check(catalogs, "10-多工作表含说明和图表.xlsx")
    assert _findings(checked) == [
        ("layout", "warning", "说明", None, None),
        ("layout", "warning", "图表", None, None),
    ]
    got = _records(checked)
    assert got[("433126", "gdp", H1)] == (16.3, 6.1, 8)
    assert got[("433123", "fiscal_total", H1)] == (6.1, 11.8, None)


def test_wps_gbk_csv(catalogs):
    """A GBK CSV with CRLF, title row, two-row header and quoted 1,202,800 reads."""
    checked = _check(catalogs, "11-WPS导出GBK.csv")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433100", "retail", H1)] == (120.28, 23.9, None)
    assert got[("433122", "fai", H1)] == (None, 9.8, 2)


def test_columns_of_another_month(catalogs):
    """A 1-5月 sub-header under a 1-6月 title gives that column its own period."""
    got = _records(_check(catalogs, "12-标题1-6月子表头1-5月.xlsx"))
    assert got[("433101", "fai", "2021-01/2021-05")] == (None, 11.0, None)
    assert got[("433101", "fai", H1)] == (None, 12.3, None)
    assert got[("433122", "retail", H1)] == (10.12, 21.0, None)


def test_mixed_units(catalogs):
    """万元 in one header beside a 单位：亿元 note: each column converts by its own unit."""
    got = _records(_check(catalogs, "13-亿元万元混合.xlsx"))
    assert got[("433101", "tax", H1)] == (5.2, None, None)
    assert got[("433101", "gdp", H1)] == (150.2, None, None)
    assert got[("433122", "deposits", H1)] == (101.3, None, None)


def test_tied_ranks(catalogs):
    """并列3, 3（并列） and 第1位 are ranks; the tie agrees with equal growth rates."""
    checked = _check(catalogs, "14-并列位次.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433122", "industry_va", H1)] == (None, 8.0, 3)
    assert got[("433123", "industry_va", H1)] == (None, 8.0, 3)
    assert got[("433101", "industry_va", H1)] == (None, 9.5, 1)


def test_indicators_down_regions_across(catalogs):
    """Section rows skip silently, 其中 sub-items warn, 万元 rows convert by the 单位 column."""
    checked = _check(catalogs, "15-指标纵排地区横排.xlsx")
    assert _findings(checked) == [("unknown_indicator", "warning", "分县市区", 8, "A")]
    got = _records(checked)
    assert len(got) == 9
    assert got[("433122", "local_fiscal", H1)] == (2.1, 7.7, None)
    assert got[("433100", "retail", H1)] == (120.28, 23.9, None)


def test_one_indicator_per_sheet_months_across(catalogs):
    """指标：… over counties down and months across: growth per month, indicator per sheet."""
    checked = _check(catalogs, "16-一指标一表月份横排.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433101", "industry_va", "2021-01/2021-02")] == (None, 12.1, None)
    assert got[("433122", "fai", "2021-01/2021-05")] == (None, 7.5, None)
    assert ("433122", "industry_va", "2021-01/2021-04") not in got  # “--”
    assert len(got) == 14


def test_monthly_report_of_one_region(catalogs):
    """本月 beside 1-6月累计 is June alone; 上年同期 is last year's level; 其中 rows warn."""
    checked = _check(catalogs, "17-统计月报本月累计.xlsx")
    assert _findings(checked) == [("unknown_indicator", "warning", "主要指标", 4, "A")]
    got = _records(checked)
    assert got[("433100", "retail", H1)] == (120.28, 23.9, None)
    assert got[("433100", "electricity", "2020-01/2020-06")] == (110900.0, None, None)
    assert any(k[2] == "2021-06/2021-06" for k in got)  # 本月: its own period


def test_serial_column_and_total_row(catalogs):
    """序号 first, 合计 in the 序号 column: the total is the prefecture, ranks all agree."""
    checked = _check(catalogs, "18-分县市区财政收入增幅位次.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433100", "local_fiscal", H1)] == (24.9, 9.6, None)
    assert got[("433126", "local_fiscal", H1)] == (0.6, 3.3, 8)


def test_this_year_and_last_year_sub_headers(catalogs):
    """2021年1-6月 | 2020年1-6月 sub-headers give each level its own year."""
    checked = _check(catalogs, "20-本年上年时期子表头.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433101", "gdp", H1)] == (150.2, 8.1, None)
    assert got[("433101", "gdp", "2020-01/2020-06")] == (138.9, None, None)


def test_own_level_and_park_rows_warn(catalogs):
    """州本级 and 湘西经开区 rows warn and stay out; U+2212 minus reads as a negative growth."""
    checked = _check(catalogs, "21-州本级与经开区行.xlsx")
    assert _findings(checked) == [
        ("unknown_region", "warning", "财政", 4, "A"),
        ("unknown_region", "warning", "财政", 6, "A"),
    ]
    got = _records(checked)
    assert set(got) == {("433100", "local_fiscal", H1), ("433101", "local_fiscal", H1)} | {
        ("433122", "local_fiscal", H1)
    }
    assert got[("433122", "local_fiscal", H1)] == (2.1, -1.5, None)


def test_short_names_and_months_after_the_year(catalogs):
    """社零总额 and 规工增加值 resolve, (不含农户) drops, （1-6月） after 2021年 is the period."""
    checked = _check(catalogs, "22-简称指标与标题后置月份.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433101", "retail", H1)] == (45.23, 24.6, None)
    assert got[("433122", "industry_va", H1)] == (None, 8.0, None)
    assert got[("433122", "fai", H1)] == (None, 9.8, None)
    assert not any(k[2] == "2021-01/2021-12" for k in got)


def test_two_year_average_and_target_columns_are_not_growth(catalogs):
    """两年平均/比2019年/完成目标 columns warn and stay out; 上年同期增速 is last year's growth."""
    checked = _check(catalogs, "23-两年平均与目标完成度列.xlsx")
    assert _findings(checked) == [
        ("header", "warning", "GDP", 3, "D"),
        ("header", "warning", "GDP", 3, "E"),
        ("header", "warning", "GDP", 3, "G"),
    ]
    got = _records(checked)
    assert got[("433101", "gdp", H1)] == (150.2, 8.1, None)
    assert got[("433101", "gdp", "2020-01/2020-06")] == (None, 3.0, None)
    assert got[("433100", "gdp", H1)] == (188.3, 7.9, None)  # 全州合计


def test_change_in_money_and_month_on_month_are_not_growth(catalogs):
    """比上年增减(亿元) and 环比增长% warn and stay out; 增长% is the growth."""
    checked = _check(catalogs, "24-增减额与环比列.xlsx")
    assert _findings(checked) == [
        ("header", "warning", "社零", 3, "C"),
        ("header", "warning", "社零", 3, "E"),
    ]
    assert _records(checked)[("433101", "retail", H1)] == (45.23, 24.6, None)


def test_monthly_report_two_year_columns(catalogs):
    """In a one-region report the 两年平均 and 比2019年 columns warn and stay out."""
    checked = _check(catalogs, "25-月报两年平均列.xlsx")
    assert _findings(checked) == [
        ("header", "warning", "月报", 2, "E"),
        ("header", "warning", "月报", 2, "F"),
    ]
    got = _records(checked)
    assert got == {
        ("433100", "gdp", H1): (423.0, 7.9, None),
        ("433100", "retail", H1): (120.28, 23.9, None),
    }


def test_same_role_twice_is_an_error(catalogs):
    """Two growth columns for one indicator and period: an error at the second, not a guess."""
    checked = _check(catalogs, "26-同一指标两列增速.xlsx")
    assert _findings(checked) == [("header", "error", "Sheet1", 3, "C")]


def test_months_typed_as_dates(catalogs):
    """Date cells as month headers under a 累计 title are January-to-month periods."""
    checked = _check(catalogs, "27-月份为日期的表头.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433101", "industry_va", "2021-01/2021-03")] == (None, 11.0, None)
    assert got[("433122", "industry_va", "2021-01/2021-05")] == (None, 7.5, None)
    assert len(got) == 6


def test_unit_note_in_brackets(catalogs):
    """（单位：万元） converts the 累计 column; the indicator comes from the title."""
    checked = _check(catalogs, "28-括号中的单位说明.xlsx")
    assert _findings(checked) == []
    assert _records(checked)[("433101", "retail", H1)] == (45.23, 24.6, None)


def test_hidden_sheet_is_skipped(catalogs):
    """A hidden sheet (last month's copy) is skipped with a warning; the visible one imports."""
    checked = _check(catalogs, "29-隐藏的旧月份工作表.xlsx")
    assert _findings(checked) == [("layout", "warning", "5月", None, None)]
    got = _records(checked)
    assert set(got) == {("433101", "retail", H1), ("433122", "retail", H1)}


def test_footnote_marks(catalogs):
    """① after a name and * or △ after a figure are notes: 9.5* is 9.5, never 9.51."""
    checked = _check(catalogs, "30-脚注标记.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got == {
        ("433101", "industry_va", H1): (None, 9.5, 1),
        ("433122", "industry_va", H1): (None, 8.0, 2),
        ("433123", "industry_va", H1): (None, 7.4, 3),
    }


def test_long_sheet_period_forms(catalogs):
    """时期 as a date cell, as 2021-06-30 text, as 2021上半年 and 2021年上半年度 all parse."""
    checked = _check(catalogs, "31-长表时期为日期.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got == {
        ("433101", "deposits", "2021-06/2021-06"): (612.5, 9.1, None),
        ("433122", "deposits", "2021-06/2021-06"): (101.3, 7.7, None),
        ("433101", "gdp", H1): (150.2, 8.1, None),
        ("433122", "gdp", H1): (38.1, 7.2, None),
    }


def test_regions_and_periods_down(catalogs):
    """A 时期 column beside 地区, the region merged over its months: one record per row."""
    checked = _check(catalogs, "32-地区时期纵排指标横排.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert len(got) == 8
    assert got[("433101", "retail", "2021-01/2021-05")] == (37.8, 25.1, None)
    assert got[("433122", "industry_va", H1)] == (None, 8.0, None)


@pytest.mark.parametrize("name", ["33-月报首列为项目.xlsx", "34-月报首列表头空白.xlsx"])
def test_report_headed_project_or_blank(catalogs, name):
    """项目 or a blank corner over 单位 | 1-6月 | 同比增长% reads as indicators down."""
    checked = _check(catalogs, name)
    assert _findings(checked) == []
    assert _records(checked) == {
        ("433100", "gdp", H1): (423.0, 7.9, None),
        ("433100", "retail", H1): (120.28, 23.9, None),
    }


def test_growth_and_rank_rows_regions_across(catalogs):
    """地区生产总值增速(%) and 地区生产总值位次 rows join the 地区生产总值 row per region."""
    checked = _check(catalogs, "35-项目地区横排增速行.xlsx")
    assert _findings(checked) == []
    assert _records(checked) == {
        ("433100", "gdp", H1): (423.0, 7.9, None),
        ("433101", "gdp", H1): (150.2, 8.1, 1),
        ("433122", "gdp", H1): (38.1, 7.2, 2),
    }


def test_stacked_tables_in_one_sheet(catalogs):
    """A second table under the first reads with its own title, period and unit note."""
    checked = _check(catalogs, "36-一表两块.xlsx")
    assert _findings(checked) == []
    assert _records(checked) == {
        ("433101", "gdp", H1): (150.2, 8.1, None),
        ("433122", "gdp", H1): (38.1, 7.2, None),
        ("433101", "local_fiscal", "2021-01/2021-05"): (8.1, 12.0, None),
        ("433122", "local_fiscal", "2021-01/2021-05"): (1.75, 7.1, None),
    }
    cells = checked.normalized.observations.filter(indicator="local_fiscal")["level_cell"]
    assert sorted(cells) == ["B10", "B9"]  # row numbers of the sheet, not of the block


def test_units_row_instead_of_roles(catalogs):
    """亿元 | % | 万元 under the names: 万元 columns convert (452300 万元 is 45.23 亿元)."""
    checked = _check(catalogs, "37-单位行代替子表头.xlsx")
    assert _findings(checked) == []
    got = _records(checked)
    assert got[("433101", "retail", H1)] == (45.23, 24.6, None)
    assert got[("433101", "gdp", H1)] == (150.2, 8.1, None)
    assert got[("433122", "local_fiscal", H1)] == (2.1, None, None)


def test_units_row_under_roles(catalogs):
    """本期 | 增速 over 万元 | %: the units row converts and is not read as data."""
    checked = _check(catalogs, "38-子表头下再有单位行.xlsx")
    assert _findings(checked) == []
    assert _records(checked) == {
        ("433101", "retail", H1): (45.23, 24.6, None),
        ("433122", "retail", H1): (10.12, 21.0, None),
    }
