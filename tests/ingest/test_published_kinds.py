"""Shapes of published tables the reader once refused or misread, one small sheet per kind.

Each sheet is the smallest version of a real corpus table (data/published) that shows the
kind; the corpus test checks the full tables cell for cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from xingshi.ingest import Catalogs, check_file


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _sheet(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row or [None])
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def _records(checked) -> dict[tuple[str, str, str], tuple]:
    frame = checked.normalized.observations
    return {
        (r["region_code"], r["indicator"], r["period"]): (r["level"], r["growth_pct"], r["rank"])
        for r in frame.iter_rows(named=True)
    }


def _errors(checked) -> list[str]:
    return [f.message for f in checked.findings if f.severity == "error"]


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
