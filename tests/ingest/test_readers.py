"""The readers on real files: layouts detected by headers, values kept with their cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from xingshi.errors import FileFormatError, LayoutError
from xingshi.ingest.layouts import find_period_text, read_file
from xingshi.ingest.values import NotANumber, convert, parse_number, parse_rank, split_unit

ROOT = Path(__file__).resolve().parents[2]
NBS = Path(__file__).resolve().parent / "data" / "nbs"
LAYOUTS = ROOT / "examples" / "layouts"
BAD = Path(__file__).resolve().parent / "data" / "bad"


def test_nbs_years_across_index_series_from_file_name():
    """The GDP index export (years across) reads as growth values with their cells, no level."""
    (reading,) = read_file(NBS / "地区生产总值指数（近十年）.csv")
    assert reading.layout == "nbs"
    hunan = [o for o in reading.observations if o.region == "湖南省" and o.period == "2021年"]
    assert len(hunan) == 1
    obs = hunan[0]
    assert (obs.indicator, obs.growth, obs.level, obs.growth_is_index) == (
        "地区生产总值",
        "107.6",
        None,
        True,
    )
    assert obs.cell(obs.growth_col) == "F21"
    # 2025 is an empty column in the export: no record for it.
    assert not [o for o in reading.observations if o.period == "2025年"]
    assert len(reading.observations) == 31 * 9


def test_nbs_indicators_across_takes_year_from_time_line():
    """The 2021 accounts export: indicators across, units in brackets, year from 时间."""
    (reading,) = read_file(NBS / "分省年度数据2021.csv")
    first = reading.observations[0]
    assert (first.region, first.indicator, first.unit, first.period, first.level) == (
        "北京市",
        "地区生产总值",
        "亿元",
        "2021年",
        "44350.7",
    )
    per_capita = [o for o in reading.observations if o.indicator == "人均地区生产总值"]
    assert per_capita[0].unit == "元/人"
    assert len(reading.observations) == 31 * 14


def test_wide_example_two_row_header_and_parent_row():
    """The wide example: period from the title, units from header and sub-header, 全州 marked."""
    (reading,) = read_file(LAYOUTS / "宽表-湘西州2021年上半年主要经济指标.xlsx")
    assert reading.layout == "wide"
    by_key = {(o.region, o.indicator): o for o in reading.observations}
    whole = by_key[("全州", "地区生产总值")]
    assert whole.parent_alias and whole.period == "2021年上半年"
    assert (whole.level, whole.unit, whole.growth, whole.rank) == (455, "亿元", 12.5, 1)
    retail = by_key[("吉首市", "社会消费品零售总额")]
    assert (retail.level, retail.unit, retail.cell(retail.level_col)) == (452300, "万元", "E6")
    assert retail.rank_col == 6
    assert len(reading.observations) == 9 * 2


def test_long_example_reads_every_row():
    """The long example gives one record per data row with its row number."""
    (reading,) = read_file(LAYOUTS / "长表-湘西州-2021年1-6月.csv")
    assert reading.layout == "long"
    assert len(reading.observations) == 1 + 8 + 16
    assert reading.observations[0].row == 1
    assert reading.observations[-1].growth == "22.8%"


def test_period_override_wins_over_file():
    """--period replaces the 时期 column of a long file."""
    (reading,) = read_file(LAYOUTS / "长表-湘西州-2021年1-6月.csv", period="2021年1-9月")
    assert {o.period for o in reading.observations} == {"2021年1-9月"}


def test_period_text_found_in_titles():
    """Titles name their period in several ways; the most specific form wins."""
    assert find_period_text("2021年1-6月各县市区主要经济指标") == "2021年1-6月"
    assert find_period_text("湘西州2021年上半年主要经济指标完成情况") == "2021年上半年"
    assert find_period_text("2022年前三季度") == "2022年前三季度"
    assert find_period_text("各县市区主要经济指标") is None


def test_gbk_file_with_broken_byte_names_line():
    """A GBK file with an invalid byte is refused with the line and the byte offset."""
    with pytest.raises(FileFormatError) as info:
        read_file(BAD / "06-GBK坏字节.csv")
    assert info.value.rule == "encoding"
    assert info.value.where.row == 3
    assert info.value.where.value == "0xFF"
    assert "另存为" in info.value.hint


def test_unknown_layout_lists_expected():
    """A table with no known header is a LayoutError saying what was expected."""
    with pytest.raises(LayoutError) as info:
        read_file(BAD / "08-无法识别的格式.csv")
    assert "地区" in info.value.hint and "数据库" in info.value.hint


def test_numbers_as_typed():
    """Percent signs, dashes and thousands separators are read; guesses are refused."""
    assert parse_number("12.5%", percent_ok=True) == 12.5
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("—") is None and parse_number("…") is None and parse_number(" ") is None
    with pytest.raises(NotANumber):
        parse_number("约12")
    with pytest.raises(NotANumber):
        parse_number("12.5%")
    with pytest.raises(NotANumber):
        parse_number("1e400")
    # Growth cells written in words: 倍 is times 100, 下降 is negative.
    assert parse_number("增长1.5倍", percent_ok=True) == 150.0
    assert parse_number("1.3倍", percent_ok=True) == 130.0
    assert parse_number("下降5.2%", percent_ok=True) == -5.2
    assert parse_number("持平", percent_ok=True) == 0.0
    with pytest.raises(NotANumber):
        parse_number("1.5倍")
    assert parse_rank("第三位") == 3 and parse_rank(2.0) == 2
    assert split_unit("地区生产总值（亿元）") == ("地区生产总值", "亿元")
    assert convert(51230, "万元", "亿元") == 5.123


def test_legacy_xls_reads_like_xlsx():
    """A legacy .xls workbook (as bureau websites publish) reads with sheet name and cells."""
    pytest.importorskip("xlrd")
    (reading,) = read_file(
        Path(__file__).resolve().parent / "data" / "xls" / "2021年1-6月县市区.xls"
    )
    assert reading.layout == "wide"
    first = reading.observations[0]
    assert (first.region, first.period, first.level, first.growth, first.rank) == (
        "全州",
        "2021年1-6月",
        455.0,
        12.5,
        1,
    )
    assert (first.sheet.name, first.cell(first.level_col)) == ("县市区", "B4")
