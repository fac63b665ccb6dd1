"""Ranking pages write their figures as a reader would: ``GDP`` alone over the amounts, the unit
in each cell (9946.66亿元, 10.77万亿), growth in words (增长8.0%, 下降1.2%)."""

from __future__ import annotations

import pytest
from sheets import errors, records, write_sheet

from xingshi.ingest import check_file

Y2019 = "2019-01/2019-12"
FUJIAN = [("350500", "泉州"), ("350100", "福州"), ("350200", "厦门")]


def _check(tmp_path, catalogs, header, cells):
    rows = [["2019年福建各市GDP排名"], header]
    rows += [[name, *row] for (_code, name), row in zip(FUJIAN, cells, strict=True)]
    return check_file(write_sheet(tmp_path / "排名.xlsx", rows), catalogs)


def test_gdp_alone_over_figures_is_gdp_not_an_english_name_column(catalogs, tmp_path):
    """``GDP`` heads the amounts (no unit: the catalogue's 亿元); it was taken for the English
    name column of a bilingual yearbook and left out without a word."""
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "GDP", "增速"],
        [[9946.66, "8.0%"], [9392.3, "7.9%"], [5995.04, "7.9%"]],
    )
    assert errors(checked) == [] and checked.findings == []
    assert records(checked)[("350500", "gdp", Y2019)] == (9946.66, 8.0, None)


def test_english_name_column_of_a_bilingual_table_is_still_left_out(catalogs, tmp_path):
    """地区 | Region | GDP(亿元): the English names are no data and no region."""
    checked = _check(
        tmp_path,
        catalogs,
        ["地区", "Region", "GDP(亿元)"],
        [["Quanzhou", 9946.66], ["Fuzhou", 9392.3], ["Xiamen", 5995.04]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("350100", "gdp", Y2019)] == (9392.3, None, None)
    assert len(got) == 3


def test_unit_in_the_cell_is_the_levels_unit(catalogs, tmp_path):
    """9946.66亿元 and 5995亿 are 亿元; 10.77万亿 is 107 700 亿元; 99466600万元 under a 亿元 head
    is the cell's 万元."""
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "GDP", "增速"],
        [["9946.66亿元", "8.0%"], ["1.08万亿", "7.9%"], ["5995亿", "7.9%"]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("350500", "gdp", Y2019)] == (9946.66, 8.0, None)
    assert got[("350100", "gdp", Y2019)] == (10800.0, 7.9, None)
    assert got[("350200", "gdp", Y2019)] == (5995.0, 7.9, None)
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "GDP(亿元)", "增速"],
        [["99466600万元", 8.0], [9392.3, 7.9], ["5995.04亿元", 7.9]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("350500", "gdp", Y2019)] == (9946.66, 8.0, None)
    assert got[("350200", "gdp", Y2019)] == (5995.04, 7.9, None)


def test_a_unit_of_another_dimension_in_the_cell_is_refused(catalogs, tmp_path):
    """9946.66万人 under GDP is not money: refused naming the cell, nothing guessed."""
    checked = _check(
        tmp_path, catalogs, ["城市", "GDP(亿元)"], [["9946.66万人"], [9392.3], [5995.04]]
    )
    assert any("不相容" in e for e in errors(checked))
    clash = next(f for f in checked.findings if f.rule == "unit_clash")
    assert (clash.where.row, clash.where.column) == (3, "B")


def test_growth_in_words_in_the_first_data_row_is_data_not_a_header(catalogs, tmp_path):
    """增长8.0% under 比上年增长 is 泉州's growth; the row was read as a row of roles and the
    GDP column lost."""
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "GDP(亿元)", "比上年增长"],
        [[9946.66, "增长8.0%"], [9392.3, "增长7.9%"], [5995.04, "下降1.2%"]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("350500", "gdp", Y2019)] == (9946.66, 8.0, None)
    assert got[("350200", "gdp", Y2019)] == (5995.04, -1.2, None)


def test_growth_right_of_last_years_amount_is_this_years(catalogs, tmp_path):
    """2019年GDP | 2018年GDP | 实际增速: the growth compares 2019 with its base 2018, so it is
    2019's; it was stored as 2018's growth."""
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "2019年GDP(亿元)", "2018年GDP(亿元)", "实际增速"],
        [[9946.66, 8468.0, 8.0], [9392.3, 7856.8, 7.9], [5995.04, 4791.4, 7.9]],
    )
    assert errors(checked) == []
    got = records(checked)
    assert got[("350500", "gdp", Y2019)] == (9946.66, 8.0, None)
    assert got[("350500", "gdp", "2018-01/2018-12")] == (8468.0, None, None)
    # Each year with its own growth keeps it.
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "2019年GDP(亿元)", "增速", "2018年GDP(亿元)", "增速"],
        [[9946.66, 8.0, 8468.0, 8.9], [9392.3, 7.9, 7856.8, 8.5], [5995.04, 7.9, 4791.4, 7.7]],
    )
    got = records(checked)
    assert got[("350500", "gdp", Y2019)] == (9946.66, 8.0, None)
    assert got[("350500", "gdp", "2018-01/2018-12")] == (8468.0, 8.9, None)


def test_a_change_of_rank_is_no_rank(catalogs, tmp_path):
    """排名变化 (↑1, ↓1, —) and 位次升降 are moves, left out with a warning; they refused the
    whole table as ranks that are not numbers."""
    for head in ("排名变化", "位次升降"):
        checked = _check(
            tmp_path,
            catalogs,
            ["城市", "GDP(亿元)", "增速(%)", "位次", head],
            [[9946.66, 8.0, 1, "—"], [9392.3, 7.9, 2, "↑1"], [5995.04, 7.9, 3, "↓1"]],
        )
        assert errors(checked) == []
        assert records(checked)[("350100", "gdp", Y2019)] == (9392.3, 7.9, 2)
        (warning,) = [f for f in checked.findings if f.severity == "warning"]
        assert warning.message == f"“{head}”列不是本期总量、同比增速或位次，该列未导入"


def test_province_column_beside_the_cities_names_each_citys_province(catalogs, tmp_path):
    """城市 | 省份: 朝阳 with 辽宁 is 朝阳市 of 辽宁, and 省份 is no indicator."""
    rows = [["2019年中国城市GDP排名"], ["城市", "省份", "GDP(亿元)", "增速"]]
    rows += [["深圳", "广东", 26927.09, 6.7], ["苏州", "江苏", 19235.8, 5.6]]
    rows += [["朝阳", "辽宁", 899.5, 5.6]]
    checked = check_file(write_sheet(tmp_path / "城市.xlsx", rows), catalogs)
    assert checked.findings == []
    assert records(checked)[("211300", "gdp", Y2019)] == (899.5, 5.6, None)


def test_rank_among_a_wider_group_is_checked_as_a_lower_bound(catalogs, tmp_path):
    """Ranks beyond the file's peers (全省第30位 among three of 福建's cities) are ranks in a
    wider group: a rank above peers with higher growth is wrong, said as 第3或之后位."""
    checked = _check(tmp_path, catalogs, ["城市", "GDP增速(%)", "全国位次"],
                     [[9.0, 30], [8.0, 40], [7.0, 1]])  # fmt: skip
    (error,) = errors(checked)
    assert "按表中同级地区的增速应为第3或之后位" in error


def test_price_index_column_without_base_is_on_last_years_100(catalogs, tmp_path):
    """CPI | 102.5 down the provinces: rises of 2.5 (said once for the column), where the whole
    file was refused as rates above 100%; 居民消费价格涨幅(%) is the rise as written."""
    rows = [["2019年各省CPI"], ["地区", "CPI"], ["福建", 102.5], ["江西", 102.9], ["广东", 97.8]]
    checked = check_file(write_sheet(tmp_path / "cpi.xlsx", rows), catalogs)
    assert errors(checked) == []
    got = records(checked)
    assert got[("350000", "cpi", Y2019)] == (None, 2.5, None)
    assert got[("440000", "cpi", Y2019)] == (None, -2.2, None)
    (warning,) = checked.findings
    assert warning.message == "“CPI”的102.5按上年同期=100的指数读取，即上涨2.5%"
    rows = [["2019年各省居民消费价格涨幅"], ["地区", "居民消费价格涨幅(%)"]]
    rows += [["福建", 2.5], ["江西", 2.9], ["广东", 3.4]]
    checked = check_file(write_sheet(tmp_path / "涨幅.xlsx", rows), catalogs)
    assert checked.findings == []
    assert records(checked)[("360000", "cpi", Y2019)] == (None, 2.9, None)


@pytest.mark.parametrize(
    ("cell", "growth"),
    [
        ("负增长2.3", -2.3),  # the row was taken for a row of roles: 泉州 lost without a word
        ("同比下降2.3%", -2.3),  # the same
        ("同比增长5.1%", 5.1),
        ("比上年增长5.1", 5.1),
        ("↓2.3", -2.3),  # the arrows were refused as no numbers
        ("2.3↓", -2.3),
        ("▼2.3", -2.3),
        ("↑5.1", 5.1),
    ],
)
def test_growth_with_its_sign_in_words_or_arrows(catalogs, tmp_path, cell, growth):
    checked = _check(
        tmp_path,
        catalogs,
        ["城市", "GDP(亿元)", "增速"],
        [[9946.66, cell], [9392.3, "7.9%"], [5995.04, "7.9%"]],
    )
    assert errors(checked) == []
    assert records(checked)[("350500", "gdp", Y2019)] == (9946.66, growth, None)
    assert len(records(checked)) == 3
