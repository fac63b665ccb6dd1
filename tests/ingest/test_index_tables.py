"""Index tables: 上年=100 values are growth (107.6 → 7.6), never a level nor growth 107.6.

A title, unit note or header saying 上年=100 (以上年为100, 上年同期=100, preceding year=100)
switches it on for the table or the column; a fixed base (1978=100) is not read at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from xingshi.ingest import Catalogs, check_file

COUNTIES = [("吉首市", 150.2, 108.1), ("泸溪县", 38.1, 107.2), ("凤凰县", 52.4, 109.4)]


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _save(tmp_path: Path, name: str, rows: list[list], merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    path = tmp_path / name
    wb.save(path)
    return path


def _figures(checked) -> list[tuple]:
    obs = checked.normalized.observations.sort("region_code")
    return obs.select("region_code", "indicator", "level", "growth_pct", "growth_cell").rows()


def test_an_index_column_beside_the_amount_is_the_growth(catalogs, tmp_path):
    """地区生产总值(亿元) | 地区生产总值指数(上年=100): the amount and its growth, one figure."""
    path = _save(
        tmp_path,
        "指数列.xlsx",
        [
            ["2021年1-6月湘西州各县市地区生产总值"],
            ["地区", "地区生产总值(亿元)", "地区生产总值指数(上年=100)"],
            *[[n, level, index] for n, level, index in COUNTIES],
        ],
    )
    checked = check_file(path, catalogs)
    assert [f for f in checked.findings if f.severity == "error"] == []
    assert _figures(checked) == [
        ("433101", "gdp", 150.2, pytest.approx(8.1), "C3"),
        ("433122", "gdp", 38.1, pytest.approx(7.2), "C4"),
        ("433123", "gdp", 52.4, pytest.approx(9.4), "C5"),
    ]


def test_a_title_saying_same_period_last_year_makes_every_column_growth(catalogs, tmp_path):
    """（上年同期=100）in the title: indicator columns without a unit of their own are indexes."""
    path = _save(
        tmp_path,
        "指数表.xlsx",
        [
            ["2021年1-6月湘西州各县市主要指标指数（上年同期=100）"],
            ["地区", "地区生产总值", "规模工业增加值"],
            *[[n, index, index + 2] for n, _level, index in COUNTIES],
        ],
    )
    checked = check_file(path, catalogs)
    assert [f for f in checked.findings if f.severity == "error"] == []
    got = _figures(checked)
    assert {(r[1], r[2]) for r in got} == {("gdp", None), ("industry_va", None)}
    assert [(r[0], r[1], round(r[3], 1)) for r in got if r[1] == "gdp"] == [
        ("433101", "gdp", 8.1),
        ("433122", "gdp", 7.2),
        ("433123", "gdp", 9.4),
    ]
    jishou = next(r for r in got if r[0] == "433101" and r[1] == "industry_va")
    assert round(jishou[3], 1) == 10.1


def test_a_unit_note_in_english_and_chinese_switches_it_on(catalogs, tmp_path):
    """单位:以上年为100 (preceding year=100) under the title, as yearbooks print it."""
    path = _save(
        tmp_path,
        "年鉴指数.xlsx",
        [
            ["地区生产总值指数(2020年)"],
            ["单位:以上年为100 (preceding year=100)"],
            ["地区", "地区生产总值", "第一产业"],
            *[[n, index, 103.1] for n, _level, index in COUNTIES],
        ],
    )
    checked = check_file(path, catalogs)
    got = _figures(checked)
    assert all(r[2] is None for r in got), "an index is never a level"
    assert sorted(round(r[3], 1) for r in got if r[1] == "primary_va") == [3.1, 3.1, 3.1]


def test_a_fixed_base_index_is_neither_growth_nor_level(catalogs, tmp_path):
    """指数(1978=100) for 2020 is no growth: the column is named and not read."""
    path = _save(
        tmp_path,
        "定基.xlsx",
        [
            ["2020年湘西州各县市地区生产总值"],
            ["地区", "地区生产总值(亿元)", "地区生产总值指数(1978=100)"],
            *[[n, level, index * 20] for n, level, index in COUNTIES],
        ],
    )
    checked = check_file(path, catalogs)
    warned = [f for f in checked.findings if f.rule == "header" and "定基指数" in f.message]
    assert [(f.where.row, f.where.column) for f in warned] == [(2, "C")]
    got = _figures(checked)
    assert [(r[0], r[2], r[3]) for r in got] == [
        ("433101", 150.2, None),
        ("433122", 38.1, None),
        ("433123", 52.4, None),
    ]


def test_a_base_of_the_year_before_is_the_previous_year(catalogs, tmp_path):
    """指数 2019=100 over 2020 figures is 上年=100."""
    path = _save(
        tmp_path,
        "上年基.xlsx",
        [
            ["2020年湘西州各县市地区生产总值"],
            ["地区", "地区生产总值指数(2019=100)"],
            *[[n, index] for n, _level, index in COUNTIES],
        ],
    )
    got = _figures(check_file(path, catalogs))
    assert [(r[0], r[2], round(r[3], 1)) for r in got] == [
        ("433101", None, 8.1),
        ("433122", None, 7.2),
        ("433123", None, 9.4),
    ]


def test_indicator_rows_with_an_index_unit(catalogs, tmp_path):
    """指标 | 计算单位 | 1-6月 with 上年同期=100 as the row's unit: that row is growth."""
    path = _save(
        tmp_path,
        "月报.xlsx",
        [
            ["湘西州2021年1-6月主要经济指标"],
            ["指标", "计算单位", "1-6月"],
            ["地区生产总值", "亿元", 455.0],
            ["地区生产总值指数", "上年同期=100", 108.9],
            ["规模工业增加值", "上年同期=100", 111.2],
            ["农林牧渔业增加值指数", "1978=100", 612.0],
        ],
    )
    checked = check_file(path, catalogs)
    got = {r[1]: (r[2], r[3]) for r in _figures(checked)}
    assert got["gdp"][0] == 455.0 and round(got["gdp"][1], 1) == 8.9
    assert got["industry_va"][0] is None and round(got["industry_va"][1], 1) == 11.2
    assert "agri_va" not in got
    assert any("定基指数" in f.message and f.where.row == 6 for f in checked.findings)
