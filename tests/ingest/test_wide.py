"""Wide sheets as statistics bureaus circulate them, with their usual variations."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from xingshi.ingest import Catalogs, check_file


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _bureau_workbook(path: Path) -> Path:
    """序号 column, single-month title over 累计, 本月 and 上年同期 columns, a notes sheet."""
    wb = Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["本表由州统计局汇总，数据为快报数。"])
    ws = wb.create_sheet("县市区")
    ws.append(["2021年6月湘西州各县市区主要经济指标"])
    ws.append(["单位：万元、%"])
    ws.append(["序号", "县 市 区", "社会消费品零售总额", None, None, None, None])
    ws.append([None, None, "本月", "1-6月累计", "上年同期", "比上年增长%", "增速位次"])
    ws.merge_cells("C3:G3")
    ws.append([None, "全  州", 210000, 1202800, 970800, 23.9, 2])
    ws.append([1, "其中：吉首市", 80000, 452300, 363000, 24.6, 3])
    ws.append([2, "凤凰县*", 30000, 189500, 150000, 26.3, 1])
    ws.append([3, "永顺县（含经开区）", 21000, 120400, 96400, 24.9, 2])
    ws.append([None, "注：凤凰县含旅游区。"])
    wb.save(path)
    return path


def test_bureau_workbook(catalogs, tmp_path):
    """Every variation reads: periods per column (本月 is June alone, kept beside 1-6月累计),
    万元 to 亿元, decorated names, notes skipped."""
    checked = check_file(_bureau_workbook(tmp_path / "2021年6月县市区.xlsx"), catalogs)
    assert [(f.rule, f.severity, f.where.sheet) for f in checked.findings] == [
        ("layout", "warning", "填表说明"),
        ("missing_child", "warning", "县市区"),  # 全州 with three of its eight counties
    ]
    got = checked.normalized.observations.sort("region_code", "period").select(
        "region_code", "period", "level", "growth_pct", "rank", "level_cell"
    )
    assert got.rows() == [
        ("433100", "2020-01/2020-06", 97.08, None, None, "E5"),
        ("433100", "2021-01/2021-06", 120.28, 23.9, 2, "D5"),
        ("433100", "2021-06/2021-06", 21.0, None, None, "C5"),
        ("433101", "2020-01/2020-06", 36.3, None, None, "E6"),
        ("433101", "2021-01/2021-06", 45.23, 24.6, 3, "D6"),
        ("433101", "2021-06/2021-06", 8.0, None, None, "C6"),
        ("433123", "2020-01/2020-06", 15.0, None, None, "E7"),
        ("433123", "2021-01/2021-06", 18.95, 26.3, 1, "D7"),
        ("433123", "2021-06/2021-06", 3.0, None, None, "C7"),
        ("433127", "2020-01/2020-06", 9.64, None, None, "E8"),
        ("433127", "2021-01/2021-06", 12.04, 24.9, 2, "D8"),
        ("433127", "2021-06/2021-06", 2.1, None, None, "C8"),
    ]


def test_last_year_column_checks_growth(catalogs, tmp_path):
    """With 上年同期 beside the level, a growth rate off the levels is a warning at its cell."""
    path = _bureau_workbook(tmp_path / "2021年6月县市区.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb["县市区"]["F6"] = 30.0  # 吉首市: 452300 / 363000 − 1 = 24.6%, not 30%
    wb.save(path)
    checked = check_file(path, catalogs)
    mismatch = [f for f in checked.findings if f.rule == "growth_mismatch"]
    assert [(f.where.sheet, f.where.row, f.where.column) for f in mismatch] == [("县市区", 6, "F")]
    # 30.0 would put 吉首市 above 凤凰县 (1st) and 永顺县 (2nd): their ranks now contradict.
    assert [(f.rule, f.where.row, f.where.column) for f in checked.errors] == [
        ("rank_contradiction", 7, "G"),
        ("rank_contradiction", 8, "G"),
    ]


def test_month_columns_make_separate_periods(catalogs, tmp_path):
    """A sheet with 1-5月 and 1-6月 sub-headers under one indicator gives two periods."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年湘西州县市区固定资产投资"])
    ws.append(["地区", "固定资产投资增速(%)", None])
    ws.append([None, "1-5月", "1-6月"])
    ws.append(["吉首市", 15.2, 16.8])
    path = tmp_path / "投资.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    obs = checked.normalized.observations.sort("period")
    assert obs.select("period", "indicator", "growth_pct", "level").rows() == [
        ("2021-01/2021-05", "fai", 15.2, None),
        ("2021-01/2021-06", "fai", 16.8, None),
    ]
    assert checked.findings == []


def test_one_region_report_indicators_down(catalogs, tmp_path):
    """A 统计月报 (indicators down, 累计/增长 across) takes its region and period from the title."""
    wb = Workbook()
    ws = wb.active
    ws.append(["湘西州2021年6月主要经济指标"])
    ws.append(["指标", "计量单位", "本月", "1-6月累计", "同比增长%"])
    ws.append(["地区生产总值", "亿元", None, 455.0, 12.5])
    ws.append(["一、工业", None, None, None, None])
    ws.append(["规模工业增加值", "%", None, None, 22.5])
    ws.append(["  其中：轻工业", "%", None, None, 18.0])
    ws.append(["社会消费品零售总额", "万元", 210000, 1202800, 23.9])
    path = tmp_path / "月报.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert [(f.rule, f.severity, f.where.row, f.where.column) for f in checked.findings] == [
        ("unknown_indicator", "warning", 6, "A")
    ]
    got = checked.normalized.observations.sort("indicator")
    assert got.select("region_code", "indicator", "period", "level", "growth_pct").rows() == [
        ("433100", "gdp", "2021-01/2021-06", 455.0, 12.5),
        ("433100", "industry_va", "2021-01/2021-06", None, 22.5),
        ("433100", "retail", "2021-06/2021-06", 21.0, None),  # 本月 210000 万元
        ("433100", "retail", "2021-01/2021-06", 120.28, 23.9),
    ]


def test_regions_across_indicators_down(catalogs, tmp_path):
    """A county comparison table with regions across and 绝对值/增速 under each region reads."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年1-6月各县市区主要指标"])
    ws.append(["指标名称", "单位", "全州", None, "吉首市", None, "泸溪县", None])
    ws.append([None, None, "绝对值", "增速", "绝对值", "增速", "绝对值", "增速"])
    ws.append(["地区生产总值", "亿元", 455.0, 12.5, 150.2, 13.1, 45.3, 14.2])
    path = tmp_path / "县市区对比.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations.sort("region_code")
    assert got.select("region_code", "level", "growth_pct", "level_cell").rows() == [
        ("433100", 455.0, 12.5, "C4"),
        ("433101", 150.2, 13.1, "E4"),
        ("433122", 45.3, 14.2, "G4"),
    ]


def test_report_without_region_needs_scope(catalogs, tmp_path):
    """A one-region report naming no region is refused once, with --region-scope as the hint."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年1-6月主要经济指标"])
    ws.append(["指标", "单位", "1-6月", "增长%"])
    ws.append(["地区生产总值", "亿元", 455.0, 12.5])
    ws.append(["社会消费品零售总额", "亿元", 120.28, 23.9])
    path = tmp_path / "月报.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert [(f.rule, f.hint) for f in checked.errors] == [
        ("unknown_region", "用 --region-scope 指定报表所属地区，如 --region-scope 湘西州")
    ]
    scoped = check_file(path, catalogs, region_scope="湘西州")
    assert scoped.errors == []
    assert scoped.normalized.observations["region_code"].unique().to_list() == ["433100"]


def test_three_header_rows(catalogs, tmp_path):
    """Groups over indicators over 绝对值/增速/位次: the middle row names the indicators."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年1-6月各县市区主要经济指标"])
    ws.append(["地区", "地区生产总值(亿元)", None, "工业", None, None])
    ws.append([None, None, None, "规模工业增加值", None, "工业用电量(万千瓦时)"])
    ws.append([None, "绝对值", "增速", "增速", "位次", "绝对值"])
    ws.merge_cells("A2:A4")
    ws.merge_cells("B2:C3")
    ws.merge_cells("D2:F2")
    ws.append(["吉首市", 150.2, 13.1, 20.5, 1, 52000])
    ws.append(["泸溪县", 45.3, 14.2, 18.0, 2, 98000])
    path = tmp_path / "三行表头.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations.sort("region_code", "indicator")
    assert got.select("region_code", "indicator", "level", "growth_pct", "rank").rows() == [
        ("433101", "gdp", 150.2, 13.1, None),
        ("433101", "industrial_electricity", 52000.0, None, None),
        ("433101", "industry_va", None, 20.5, 1),
        ("433122", "gdp", 45.3, 14.2, None),
        ("433122", "industrial_electricity", 98000.0, None, None),
        ("433122", "industry_va", None, 18.0, 2),
    ]


def test_percent_formatted_cells_are_percent(catalogs, tmp_path):
    """12.5% typed in Excel is 0.125 with a % format: it reads as 12.5 (also under a blank sub)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年1-6月各县市区主要经济指标"])
    ws.append(["地区", "地区生产总值(亿元)", None, "空气质量优良率"])
    ws.append([None, "绝对值", "增速", None])  # 优良率 merged down: its level column
    ws.append(["吉首市", 150.2, 0.131, 0.978])
    ws["C4"].number_format = "0.0%"
    ws["D4"].number_format = "0.0%"
    path = tmp_path / "百分比格式.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations.sort("indicator")
    assert got.select("indicator", "level", "growth_pct").rows() == [
        ("air_quality", 97.8, None),
        ("gdp", 150.2, 13.1),
    ]


def test_two_rank_columns_are_both_kept(catalogs, tmp_path):
    """总量位次 beside 增速位次: both ranks are kept, each with its basis."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年1-6月湘西州各县市区地区生产总值"])
    ws.append(["地区", "地区生产总值(亿元)", None, None, None])
    ws.append([None, "绝对值", "同比增长%", "总量位次", "增速位次"])
    ws.merge_cells("B2:E2")
    for row in [
        ("吉首市", 150.2, 8.1, 1, 2),
        ("凤凰县", 52.4, 9.4, 2, 1),
        ("泸溪县", 38.1, 7.2, 3, 3),
    ]:
        ws.append(list(row))
    path = tmp_path / "位次.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert [(f.rule, f.severity) for f in checked.findings] == []
    got = checked.normalized.observations.sort("region_code")
    assert got.select(
        "region_code", "rank", "rank_cell", "level_rank", "level_rank_cell"
    ).rows() == [
        ("433101", 2, "E4", 1, "D4"),
        ("433122", 3, "E6", 3, "D6"),
        ("433123", 1, "E5", 2, "D5"),
    ]
