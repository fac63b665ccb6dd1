"""What the catalogue cannot hold is said, never stored as something it is not: money in a
currency the catalogue cannot convert (亿港元, 亿新台币), and towns below the counties."""

from __future__ import annotations

import pytest
from sheets import errors, records, write_sheet

from xingshi.ingest import check_file


@pytest.mark.parametrize("unit", ["亿港元", "亿新台币", "亿澳门元", "万日元"])
def test_money_in_another_currency_is_refused_not_read_as_yuan(catalogs, tmp_path, unit):
    """生产总值(亿港元): the bracket was dropped as a qualifier and 29000 stored as 亿元."""
    rows = [
        ["2023年港澳地区生产总值"],
        ["地区", f"生产总值({unit})", "增速%"],
        ["香港", 29000, 3.2],
        ["澳门", 3800, 80.5],
    ]
    checked = check_file(write_sheet(tmp_path / "港澳.xlsx", rows), catalogs)
    assert errors(checked) == [f"单位“{unit}”与指标“地区生产总值”的单位“亿元”不相容"]
    assert all(level is None for level, _g, _r in records(checked).values())


@pytest.mark.parametrize("qualifier", ["本币", "人民币"])
def test_local_currency_in_brackets_is_still_yuan(catalogs, tmp_path, qualifier):
    rows = [
        ["2023年各市地区生产总值（单位：亿元）"],
        ["地区", f"GDP({qualifier})", "增速%"],
        ["郑州市", 13617.8, 7.4],
        ["洛阳市", 5482.7, 3.9],
    ]
    checked = check_file(write_sheet(tmp_path / "本币.xlsx", rows), catalogs)
    assert errors(checked) == []
    assert records(checked)[("410100", "gdp", "2023-01/2023-12")] == (13617.8, 7.4, None)


@pytest.mark.parametrize("corner", ["乡镇", "单位"])
def test_towns_are_named_as_below_the_catalogue(catalogs, tmp_path, corner):
    """A township table: each town named as below the counties, with the regions.csv line;
    nothing stored (it was refused as a header nobody knew, or as misspelt regions)."""
    rows = [
        ["2024年1-9月各乡镇主要经济指标"],
        [corner, "规模以上工业增加值增速%", "固定资产投资(万元)", "增速%"],
        ["城关镇", 5.1, 10000, 3.2],
        ["大王庄乡", 4.0, 5000, 2.1],
        ["西关街道", 3.0, 3000, 1.0],
    ]
    path = write_sheet(tmp_path / "乡镇.xlsx", rows)
    checked = check_file(path, catalogs, region_scope="郑州市")
    warned = [f for f in checked.findings if f.rule == "unknown_region"]
    assert [f.message for f in warned] == [
        f"“{name}”是乡镇或街道（区划目录只到县级），不在区划目录中，该行未导入"
        for name in ("城关镇", "大王庄乡", "西关街道")
    ]
    assert "regions.csv" in warned[0].hint and "城关镇" in warned[0].hint
    assert checked.normalized.observations.height == 0
    assert errors(checked)  # nothing importable: the file is refused, saying why


@pytest.mark.parametrize("note", ["单位：万元", "单位：亿元"])
def test_a_note_of_amounts_is_not_the_per_capita_columns_unit(catalogs, tmp_path, note):
    """单位：万元 over GDP and per-capita columns: 105000 is 元 a head (it was stored as
    1 050 000 000 元), said once per column; GDP keeps the note's unit."""
    rows = [
        ["2023年各市主要经济指标"],
        [note],
        ["地区", "地区生产总值", "人均地区生产总值", "城镇居民人均可支配收入"],
        ["郑州市", 13600 * (10000 if note.endswith("万元") else 1), 105000, 45000],
        ["开封市", 2700 * (10000 if note.endswith("万元") else 1), 56000, 38000],
        ["洛阳市", 5480 * (10000 if note.endswith("万元") else 1), 78000, 44000],
    ]
    checked = check_file(write_sheet(tmp_path / "人均.xlsx", rows), catalogs, region_scope="河南省")
    assert errors(checked) == []
    got = records(checked)
    assert got[("410100", "gdp", "2023-01/2023-12")][0] == pytest.approx(13600.0)
    assert got[("410100", "gdp_per_capita", "2023-01/2023-12")][0] == 105000.0
    assert got[("410300", "urban_income", "2023-01/2023-12")][0] == 44000.0
    said = [f.message for f in checked.findings if f.rule == "unit_clash"]
    assert len(said) == 2 and all(f"单位说明“{note[3:]}”不适用于人均指标" in m for m in said)


def test_a_per_capita_figure_in_the_notes_unit_is_still_read_in_it(catalogs, tmp_path):
    """10.5 under 单位：万元 is 105 000 元 a head: a figure of reason keeps the note's unit."""
    rows = [
        ["2023年各市人均地区生产总值"],
        ["单位：万元"],
        ["地区", "人均地区生产总值"],
        ["郑州市", 10.5],
        ["开封市", 5.6],
        ["洛阳市", 7.8],
    ]
    checked = check_file(write_sheet(tmp_path / "人均.xlsx", rows), catalogs, region_scope="河南省")
    assert errors(checked) == [] and not checked.findings
    assert records(checked)[("410100", "gdp_per_capita", "2023-01/2023-12")][0] == 105000.0


@pytest.mark.parametrize("note", ["单位：万元、元", "单位：万元、元/人", "单位：亿元、元、%"])
def test_a_note_of_several_units_gives_per_capita_rows_their_yuan(catalogs, tmp_path, note):
    """单位：万元、元 over GDP and 人均 rows: the per-capita rows take the note's 元 (they took
    its first unit, 万元: 45000 stored as 450 000 000 元)."""
    amount = 136000000 if "万元" in note else 13600
    rows = [
        ["2023年主要经济指标"],
        [note],
        ["指标", "2023年", "增长%"],
        ["地区生产总值", amount, 5.0],
        ["城镇居民人均可支配收入", 45000, 4.0],
    ]
    checked = check_file(write_sheet(tmp_path / "指标.xlsx", rows), catalogs, region_scope="郑州市")
    assert errors(checked) == []
    got = records(checked)
    assert got[("410100", "gdp", "2023-01/2023-12")][0] == pytest.approx(13600.0)
    assert got[("410100", "urban_income", "2023-01/2023-12")] == (45000.0, 4.0, None)
