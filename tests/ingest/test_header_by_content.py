"""A header whose words the reader does not know is found by the names under it.

Each sheet is a corpus table (data/published) with its corner cell written as another bureau
might (类别, 分组): ``benchmarks/import/perturb.py`` does the same to every corpus table.
"""

from __future__ import annotations

import pytest
from sheets import errors as _errors
from sheets import records as _records
from sheets import write_sheet as _sheet

from xingshi.errors import LayoutError
from xingshi.ingest import check_file
from xingshi.ingest.layouts import detect_layout
from xingshi.ingest.sources import read_sheets


def test_unknown_corner_over_region_names(catalogs, tmp_path):
    """类别 | 地区生产总值 | 增速: short region names down the side (南昌, 赣州) make it a wide
    table; the header is the row above the first of them."""
    path = _sheet(
        tmp_path / "江西.xlsx",
        [
            ["2023年江西各市地区生产总值"],
            ["类别", "地区生产总值(亿元)", "增速(%)"],
            ["南昌", 7324.5, 4.0],
            ["赣州", 4606.2, 4.4],
            ["九江", 3826.9, 4.9],
            ["上饶", 3401.3, 4.8],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("360100", "gdp", "2023-01/2023-12")] == (7324.5, 4.0, None)
    assert got[("361100", "gdp", "2023-01/2023-12")] == (3401.3, 4.8, None)
    assert len(got) == 4


def test_unknown_corner_over_indicator_names(catalogs, tmp_path):
    """分组 | 1-8月 | 同比增长(%): catalogue indicators down the side make it indicators-down."""
    path = _sheet(
        tmp_path / "月报.xlsx",
        [
            ["2022年1-8月门头沟区主要经济指标"],
            ["分组", "1-8月", "同比增长(%)"],
            ["规模以上工业总产值(万元)", 1200345, 5.6],
            ["  其中：高技术制造业", 300122, 8.1],
            ["社会消费品零售总额(亿元)", 58.3, -2.1],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110109", "industry_output", "2022-01/2022-08")] == (120.0345, 5.6, None)
    assert got[("110109", "retail", "2022-01/2022-08")] == (58.3, -2.1, None)


def test_short_names_under_a_blank_corner_are_regions(catalogs, tmp_path):
    """A blank corner over 社会消费品零售总额 | 增 长, 北 京 … below: regions down the side
    (the pattern of 市/县/区 endings alone took them for indicators)."""
    path = _sheet(
        tmp_path / "年鉴.xlsx",
        [
            ["17-22 社会消费品零售总额"],
            ["类别", 2009, None],
            [None, "社会消费品零售总额", "增 长"],
            [None, "(亿元)", "(%)"],
            ["全 国", 132678.4, 15.5],
            ["北 京", 5309.9, 14.3],
            ["天 津", 2430.8, 16.9],
            ["河 北", 5764.9, 15.5],
        ],
        ("A2:A4", "B2:C2"),
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110000", "retail", "2009-01/2009-12")] == (5309.9, 14.3, None)
    assert got[("100000", "retail", "2009-01/2009-12")] == (132678.4, 15.5, None)


def test_group_row_above_a_blank_corner_belongs_to_the_header(catalogs, tmp_path):
    """类别 | 10 | | 1-10 over 绝对量 | 同比增长: the periods row is part of the header. Read
    from the 绝对量 row alone, the 1-10月 growth was stored as October's."""
    path = _sheet(
        tmp_path / "四川.xlsx",
        [
            ["2024年10月规模以上工业生产主要数据"],
            ["类别", "10", None, "1-10", None],
            [None, "绝对量", "同比增长\n%)", "绝对量", "同比增长\n%)"],
            ["规模以上工业增加值", None, 7.8, None, 6.7],
        ],
        ("B2:C2", "D2:E2"),
    )
    sheet = read_sheets(path)[0]
    assert detect_layout(sheet)[1] == 1
    checked = check_file(path, catalogs, region_scope="四川省")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("510000", "industry_va", "2024-10/2024-10")] == (None, 7.8, None)
    assert got[("510000", "industry_va", "2024-01/2024-10")] == (None, 6.7, None)


def test_unit_line_above_the_header_is_no_corner(catalogs, tmp_path):
    """单位:亿元 | … | (100 million yuan) above 地 区 | Region: the header is the 地 区 row."""
    path = _sheet(
        tmp_path / "青海.xlsx",
        [
            ["全国各地区第二产业增加值(2016年)"],
            ["单位:亿元", None, None, "(100 million yuan)"],
            ["地 区", "Region", "第二产业增加值", "增长率"],
            ["全 国", "National Total", 296236.0, 6.1],
            ["北 京", "Beijing", 4944.4, 5.6],
            ["天 津", "Tianjin", 7571.4, 8.0],
        ],
    )
    assert detect_layout(read_sheets(path)[0])[1] == 2
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    assert _records(checked)[("120000", "secondary_va", "2016-01/2016-12")] == (7571.4, 8.0, None)


def test_no_names_below_is_still_refused_with_the_rows_searched(catalogs, tmp_path):
    """Neither header words nor known names: refused, naming the rows searched."""
    path = _sheet(
        tmp_path / "杂表.xlsx",
        [
            ["说明"],
            ["类别", "说明文字", "备注"],
            ["其他一", 1, 2],
            ["其他二", 3, 4],
            ["其他三", 5, 6],
        ],
    )
    with pytest.raises(LayoutError) as raised:
        check_file(path, catalogs)
    assert "找不到可识别的表头" in raised.value.message
    assert "第 1-5 行" in raised.value.message and raised.value.hint


def test_unknown_corner_over_years_down(catalogs, tmp_path):
    """项目/年份 written as 类别 over 1978, 2023年 …: one region's years down the side."""
    path = _sheet(
        tmp_path / "厦门市地区生产总值.xlsx",
        [
            ["厦门市地区生产总值"],
            ["类别", "地区生产总值(亿元)", "第一产业(亿元)"],
            [2021, 7033.89, 26.13],
            [2022, 7802.66, 28.34],
            [2023, 8066.49, 28.76],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("350200", "gdp", "2023-01/2023-12")] == (8066.49, None, None)
    assert got[("350200", "primary_va", "2021-01/2021-12")] == (26.13, None, None)


def test_unknown_corner_over_sub_items_of_no_catalogue_name(catalogs, tmp_path):
    """类别 | 本月 | 本月±% | 累计 | 累计±%: the names down are indicators (消费品零售额 under a
    社会消费品零售总额 title) though no row is a catalogue name as written."""
    path = _sheet(
        tmp_path / "限上.xlsx",
        [
            ["2021年8月四川省社会消费品零售总额中限上企业"],
            ["类别", "本月", "本月±%", "本月止累计", "累计±%"],
            ["消费品零售额(亿元)", 679.79, 2.9, 5598.21, 20.6],
            ["餐饮收入", 54.48, 9.7, 440.31, 53.4],
            ["商品零售", 625.31, 2.4, 5157.90, 18.4],
        ],
    )
    assert detect_layout(read_sheets(path)[0]) == ("rows", 1, 0)


def test_first_table_in_unknown_words_is_read_before_a_second_in_known_words(catalogs, tmp_path):
    """Two tables on a sheet, the first headed 类别, the second 城市: both are read."""
    head = ["排名", "类别", "GDP(亿元)", "增速(%)"]
    path = _sheet(
        tmp_path / "2021年京津冀各城市GDP.xlsx",
        [
            ["2021年京津冀各城市GDP排行榜"],
            head,
            [1, "河北", 40391.3, 6.5],
            [2, "北京", 40269.6, 8.5],
            [3, "天津", 15695.05, 6.6],
            [],
            ["排名", "城市", "GDP(亿元)", "增速(%)"],
            [1, "唐山", 8230.6, 6.4],
            [2, "石家庄", 6490.3, 6.6],
            [3, "沧州", 4163.4, 6.7],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("130000", "gdp", "2021-01/2021-12")][:2] == (40391.3, 6.5)
    assert got[("130200", "gdp", "2021-01/2021-12")][:2] == (8230.6, 6.4)


def test_cover_lines_above_a_one_indicator_title(catalogs, tmp_path):
    """The bureau's name and a 目录 line above 表1上半年,全区规上工业产值增速: the title nearest
    the header still names the indicator of the 全区规上累计 rows."""
    path = _sheet(
        tmp_path / "沙坪坝.xlsx",
        [
            ["沙坪坝区统计局"],
            ["目 录"],
            [],
            ["表1上半年,全区规上工业产值增速"],
            ["单位:%"],
            ["月份", "5月", "6月"],
            ["全区规上累计", 20.4, 17.0],
            ["全区规上当月", -3.3, 3.4],
        ],
    )
    checked = check_file(path, catalogs, region_scope="沙坪坝区", period="2021年6月")
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("500106", "industry_output", "2021-01/2021-06")] == (None, 17.0, None)
    assert got[("500106", "industry_output", "2021-06/2021-06")] == (None, 3.4, None)


def test_csv_keeps_the_indentation_of_sub_items(catalogs, tmp_path):
    """A GBK .csv saved from 上海's GDP table: the indentation of ``    # 工业`` under
    ``  按行业分`` is kept, so it reads as in the workbook (工业增加值, not an unknown item)."""
    path = tmp_path / "上海市生产总值.csv"
    path.write_bytes(
        "\n".join(
            [
                "上海市生产总值,,",
                "2022年上半年,,",
                ',"总量\n(亿元)","比上年同期\n增长(%)"',
                "地区生产总值,19349.31,-5.7",
                "  按产业分,,",
                "    第一产业,34.52,1.7",
                "  按行业分,,",
                "    # 工业,4217.11,-13.3",
                "      建筑业,261.97,-20.7",
            ]
        ).encode("gb18030")
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("310000", "industry_added", "2022-01/2022-06")] == (4217.11, -13.3, None)
    assert got[("310000", "primary_va", "2022-01/2022-06")] == (34.52, 1.7, None)


def test_merged_header_cells_filled_in_every_cell(catalogs, tmp_path):
    """WPS's 拆分并填充 leaves 2009 | 2009 over 社会消费品零售总额 | 增 长 and 地 区 in each row of
    the corner: read as the merged header it was (growth in its own column, not a level)."""
    path = _sheet(
        tmp_path / "年鉴.xlsx",
        [
            ["17-22 社会消费品零售总额"],
            ["地 区", 2008, 2008, 2009, 2009],
            ["地 区", "社会消费品零售总额", "增 长", "社会消费品零售总额", "增 长"],
            ["地 区", "(亿元)", "(%)", "(亿元)", "(%)"],
            ["北 京", 4645.5, 21.1, 5309.9, 14.3],
            ["天 津", 2078.7, 25.9, 2430.8, 16.9],
            ["河 北", 4991.1, 23.1, 5764.9, 15.5],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110000", "retail", "2008-01/2008-12")] == (4645.5, 21.1, None)
    assert got[("130000", "retail", "2009-01/2009-12")] == (5764.9, 15.5, None)


def test_two_columns_units_in_the_last_header_row_stay_apart(catalogs, tmp_path):
    """本月 | 累计 over 万元 | 万元: the second 万元 is the 累计 column's own unit, kept."""
    path = _sheet(
        tmp_path / "2022年1-8月门头沟区规模以上工业总产值.xlsx",
        [
            ["2022年1-8月门头沟区规模以上工业总产值"],
            ["指标名称", "8月", "1-8月"],
            [None, "万元", "万元"],
            ["规模以上工业总产值", 52345.0, 384032.0],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("110109", "industry_output", "2022-01/2022-08")] == (38.4032, None, None)
    assert got[("110109", "industry_output", "2022-08/2022-08")] == (5.2345, None, None)


def test_unit_in_a_role_header_of_an_indicators_down_table(catalogs, tmp_path):
    """绝对数(万元) | 比上年增长(%): the level column's unit is 万元 (it was taken for the
    catalogue's 亿元, 10 000 times too large); a row's own unit still wins."""
    path = _sheet(
        tmp_path / "表1 2019年玉环市生产总值.xlsx",
        [
            ["表1 2019年玉环市生产总值"],
            [None, "绝对数(万元)", "比上年增长(%)"],
            ["地区生产总值", 6175000, 5.2],
            ["人均地区生产总值(元)", 142000, 4.1],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("331083", "gdp", "2019-01/2019-12")] == (617.5, 5.2, None)
    assert got[("331083", "gdp_per_capita", "2019-01/2019-12")] == (142000, 4.1, None)


def test_footnote_marks_after_names_and_years(catalogs, tmp_path):
    """社会消费品零售总额(亿元)*, 吉首市¹, 2021△: a note mark after a name or a year is no part
    of it (a cell of marks alone, ＊, stays a placeholder)."""
    path = _sheet(
        tmp_path / "2021年湘西州各县市.xlsx",
        [
            ["2021年湘西州各县市社会消费品零售总额"],
            ["地区", "社会消费品零售总额(亿元)*", "增长(%)"],
            ["吉首市¹", 120.5, 14.1],
            ["泸溪县△", 30.2, "＊"],
            ["凤凰县", 45.3, 13.0],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("433101", "retail", "2021-01/2021-12")] == (120.5, 14.1, None)
    assert got[("433122", "retail", "2021-01/2021-12")] == (30.2, None, None)


def test_empty_spacer_column_beside_the_names(catalogs, tmp_path):
    """指标 | (empty) | 单位 | 累计 | ±%: the empty column of a copied page is no level column."""
    path = _sheet(
        tmp_path / "2020年1-6月绵阳主要经济指标.xlsx",
        [
            ["2020年1-6月绵阳主要经济指标"],
            ["指标", None, "单位", "累计", "±%"],
            ["规模以上工业增加值", None, "亿元", "―", 3.0],
            ["社会消费品零售总额", None, "亿元", 631.38, -7.8],
        ],
    )
    checked = check_file(path, catalogs)
    assert _errors(checked) == []
    got = _records(checked)
    assert got[("510700", "retail", "2020-01/2020-06")] == (631.38, -7.8, None)
    assert got[("510700", "industry_va", "2020-01/2020-06")] == (None, 3.0, None)


def test_one_row_report_under_an_unknown_corner_with_a_unit_column(catalogs, tmp_path):
    """类别 | 单位 | 2020年1-12月 | 同比增长(%) over one row: 单位 over 亿元 is the unit column
    (not 填报单位), and the one name below is the indicator."""
    path = _sheet(
        tmp_path / "规模以上工业总产值.xlsx",
        [
            ["规模以上工业总产值"],
            ["类别", "单位", "2020年1-12月", "同比增长(%)"],
            ["规模以上工业总产值", "亿元", 749.9, -1.3],
        ],
    )
    checked = check_file(path, catalogs, region_scope="北京市朝阳区")
    assert _errors(checked) == []
    assert _records(checked)[("110105", "industry_output", "2020-01/2020-12")] == (
        749.9,
        -1.3,
        None,
    )
